package trace

import (
	"fmt"
	"sync"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/crypto/pedersen"
)

// Stone's standard Pedersen hash context: two inputs of 252 bits, each
// summed over 256 rows.
const (
	pedersenInputs = 2
	pedersenBits   = pedersen.ElementBits
	pedersenHeight = 256
	pedersenLow    = pedersen.LowPartBits
)

var (
	pedersenOnce   sync.Once
	pedersenPts    []point
	pedersenPtsErr error
)

// pedersenPoints are the hash context's points (CONSTANT_POINTS[2:506]):
// P0·2^i (i < 248), P1·2^i (i < 4), then P2 and P3 alike.
func pedersenPoints() ([]point, error) {
	pedersenOnce.Do(func() {
		for _, pq := range [][2]pedersen.Point{{pedersen.P0, pedersen.P1}, {pedersen.P2, pedersen.P3}} {
			lo, _, err := twosPowers(fromFelt(pq[0].X, pq[0].Y), pedersenLow)
			if err != nil {
				pedersenPtsErr = err
				return
			}
			hi, _, err := twosPowers(fromFelt(pq[1].X, pq[1].Y), pedersenBits-pedersenLow)
			if err != nil {
				pedersenPtsErr = err
				return
			}
			pedersenPts = append(pedersenPts, lo...)
			pedersenPts = append(pedersenPts, hi...)
		}
	})
	return pedersenPts, pedersenPtsErr
}

// writePedersen is HashBuiltinProverContext::WriteTrace with the Pedersen
// hash component: instance i (inputs at begin + 3i, output at begin + 3i +
// 2) goes to repetition i mod R, component i / R; instances without a
// private input hash (0, 0).
func (t *Trace) writePedersen(begin, nInst uint64, inputs map[uint64][2]fp.Element) error {
	reps := t.Layout.Trace.Constants["kPedersenBuiltinRepetitions"]
	if reps == 0 {
		return fmt.Errorf("%w: layout %s has no kPedersenBuiltinRepetitions", ErrExecution, t.Layout.Name)
	}
	for idx := range inputs {
		if idx >= nInst {
			return fmt.Errorf("%w: pedersen instance %d but the trace holds %d", ErrExecution, idx, nInst)
		}
	}
	pts, err := pedersenPoints()
	if err != nil {
		return err
	}
	comps := make([]*subsetSum, reps)
	for r := range comps {
		if comps[r], err = t.newSubsetSum(fmt.Sprintf("pedersen/hash%d/ec_subset_sum", r), pedersenHeight, pedersenBits, false, true); err != nil {
			return err
		}
	}
	in0, _, err := t.memWriter("pedersen/input0")
	if err != nil {
		return err
	}
	in1, _, err := t.memWriter("pedersen/input1")
	if err != nil {
		return err
	}
	out, _, err := t.memWriter("pedersen/output")
	if err != nil {
		return err
	}
	for idx := range nInst {
		in := inputs[idx]
		c := comps[idx%reps]
		comp := idx / reps
		sum := shiftPoint
		for i := range uint64(pedersenInputs) {
			if sum, err = c.write(t, sum, pts[i*pedersenBits:(i+1)*pedersenBits], in[i], comp*pedersenInputs+i); err != nil {
				return err
			}
		}
		addr := begin + 3*idx
		if err := in0(idx, addr, in[0]); err != nil {
			return err
		}
		if err := in1(idx, addr+1, in[1]); err != nil {
			return err
		}
		if err := out(idx, addr+2, sum.x); err != nil {
			return err
		}
	}
	return nil
}
