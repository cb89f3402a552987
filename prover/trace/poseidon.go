package trace

import (
	"fmt"
	"math/bits"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/crypto/poseidon"
	"github.com/cairn-vm/cairn/stark/air"
)

const poseidonM = poseidon.Width

func pow2Ceil(n uint64) uint64 {
	if n <= 1 {
		return 1
	}
	return 1 << bits.Len64(n-1)
}

// writePoseidon is PoseidonBuiltinProverContext::WriteTrace with Stone's
// PoseidonComponent: instance i reads its 3 inputs at begin + 6i and
// writes the permuted state at begin + 6i + 3; every round's state (all
// words in full rounds, the last word in partial rounds) and its square
// go to the round-state columns. Instances without a private input
// permute (0, 0, 0).
func (t *Trace) writePoseidon(begin, nInst uint64, inputs map[uint64][poseidonM]fp.Element) error {
	k := t.Layout.Trace.Constants
	if k["kPoseidonM"] != poseidonM || k["kPoseidonRoundsFull"] != poseidon.FullRounds || k["kPoseidonRoundsPartial"] != poseidon.PartialRounds {
		return fmt.Errorf("%w: layout %s: poseidon constants differ from cairo-lang's Poseidon", ErrExecution, t.Layout.Name)
	}
	var partition []uint64
	for i := 0; ; i++ {
		v, ok := k[fmt.Sprintf("kPoseidonPartialRoundsPartition[%d]", i)]
		if !ok {
			break
		}
		partition = append(partition, v)
	}
	var sum uint64
	for _, p := range partition {
		sum += p
	}
	if len(partition) == 0 || sum != poseidon.PartialRounds+poseidonM*uint64(len(partition)-1) {
		return fmt.Errorf("%w: layout %s: poseidon partial rounds partition %v", ErrExecution, t.Layout.Name, partition)
	}
	for idx := range inputs {
		if idx >= nInst {
			return fmt.Errorf("%w: poseidon instance %d but the trace holds %d", ErrExecution, idx, nInst)
		}
	}
	const name = "poseidon/poseidon"
	cols := func(prefix, suffix string, n int) ([]air.VirtualColumn, error) {
		out := make([]air.VirtualColumn, n)
		for i := range out {
			var err error
			if out[i], err = t.vc(fmt.Sprintf("%s%d%s", prefix, i, suffix)); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	full, err := cols(name+"/full_rounds_state", "", poseidonM)
	if err != nil {
		return err
	}
	fullSq, err := cols(name+"/full_rounds_state", "_squared", poseidonM)
	if err != nil {
		return err
	}
	part, err := cols(name+"/partial_rounds_state", "", len(partition))
	if err != nil {
		return err
	}
	partSq, err := cols(name+"/partial_rounds_state", "_squared", len(partition))
	if err != nil {
		return err
	}
	var io [poseidonM]func(i, addr uint64, v fp.Element) error
	for j := range io {
		if io[j], _, err = t.memWriter(fmt.Sprintf("poseidon/param_%d/input_output", j)); err != nil {
			return err
		}
	}
	ark := poseidon.RoundConstants()
	fullCap := pow2Ceil(poseidon.FullRounds)
	halfCap := fullCap / 2
	caps := make([]uint64, len(partition))
	for i, p := range partition {
		caps[i] = pow2Ceil(p)
	}
	half := uint64(poseidon.FullRounds / 2)
	fullRound := func(s *[poseidonM]fp.Element, key int, row uint64) {
		for j := range s {
			s[j].Add(&s[j], &ark[key][j])
			var sq fp.Element
			sq.Square(&s[j])
			t.set(full[j], row, s[j])
			t.set(fullSq[j], row, sq)
			s[j].Mul(&s[j], &sq)
		}
		poseidon.MixLayer(s)
	}
	for i := range nInst {
		s := inputs[i]
		addr := begin + 2*poseidonM*i
		for j := range s {
			if err := io[j](2*i, addr+uint64(j), s[j]); err != nil {
				return err
			}
		}
		key := 0
		for r := range half {
			fullRound(&s, key, r+fullCap*i)
			key++
		}
		for p := range partition {
			first := uint64(0)
			if p > 0 {
				first = poseidonM
			}
			for r := first; r < partition[p]; r++ {
				for j := range s {
					s[j].Add(&s[j], &ark[key][j])
				}
				key++
				last := &s[poseidonM-1]
				var sq fp.Element
				sq.Square(last)
				t.set(part[p], r+caps[p]*i, *last)
				t.set(partSq[p], r+caps[p]*i, sq)
				if p < len(partition)-1 && r >= partition[p]-poseidonM {
					x := r - partition[p] + poseidonM
					t.set(part[p+1], x+caps[p+1]*i, *last)
					t.set(partSq[p+1], x+caps[p+1]*i, sq)
				}
				last.Mul(last, &sq)
				poseidon.MixLayer(&s)
			}
		}
		for r := range half {
			fullRound(&s, key, r+halfCap+fullCap*i)
			key++
		}
		for j := range s {
			if err := io[j](2*i+1, addr+poseidonM+uint64(j), s[j]); err != nil {
				return err
			}
		}
	}
	return nil
}
