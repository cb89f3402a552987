package trace

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/crypto/keccak"
	"github.com/cairn-vm/cairn/stark/air"
)

// Stone's KeccakComponent shape: 8 words of 200 bits per state, the bits
// parsed to a 64 × 25 grid (capacities 64 × 32), 2048 rows of each
// diluted view per component.
const (
	keccakWords       = 8
	keccakWordBytes   = 25
	keccakWordBits    = 8 * keccakWordBytes
	keccakStateBits   = keccakWords * keccakWordBits
	keccakPeriod      = 2048
	keccakParseReps   = 2 // the input and the output state
	keccakRounds      = 24
	keccakDimLow      = 64
	keccakDimHigh     = 25
	keccakCapHigh     = 32
	keccakIOPerInvoke = 2 * keccakWords
)

// keccakOffsets is Stone's KeccakComponent::kOffsets (the rotation of
// state[i][j]).
var keccakOffsets = [5][5]uint64{
	{0, 1, 62, 28, 27},
	{36, 44, 6, 55, 20},
	{3, 10, 43, 25, 39},
	{41, 45, 15, 21, 8},
	{18, 2, 61, 56, 14},
}

// keccakRoundBit reports bit 2^m - 1 of round r's Iota constant (Stone's
// kRoundKeys[m][r]): bit m + 7r of the LFSR x^8 + x^6 + x^5 + x^4 + 1.
func keccakRoundBit(m, r int) bool {
	t := m + 7*r
	reg := uint8(1)
	for range t {
		hi := reg & 0x80
		reg <<= 1
		if hi != 0 {
			reg ^= 0x71
		}
	}
	return reg&1 == 1
}

// keccakRow is KeccakComponent::RowIndex.
func keccakRow(i, j, k uint64) uint64 { return j + 5*i + 32*k }

// parseRow is ParseToDilutedComponent::RowIndex for dimensions (64, 26)
// with capacities (64, 32).
func parseRow(m uint64) uint64 {
	return (m%keccakDimLow)*keccakCapHigh + (m/keccakDimLow)%(keccakDimHigh+1)
}

// writeKeccak is KeccakBuiltinProverContext::WriteTrace: each component
// runs n_invocations (the diluted bits) Keccak-f permutations side by side,
// invocation v in bit 4v of every diluted value.
func (t *Trace) writeKeccak(begin, nComp uint64, inputs map[uint64][keccakWords]*big.Int) error {
	if t.dil == nil {
		return fmt.Errorf("%w: layout %s: keccak without a diluted pool", ErrExecution, t.Layout.Name)
	}
	sp, nInv := t.Layout.DilutedSpacing, t.Layout.DilutedNBits
	if sp*nInv > 64 {
		return fmt.Errorf("%w: layout %s: keccak invocations exceed 64 bits", ErrExecution, t.Layout.Name)
	}
	for idx, in := range inputs {
		if idx >= nComp*nInv {
			return fmt.Errorf("%w: keccak instance %d but the trace holds %d", ErrExecution, idx, nComp*nInv)
		}
		for w, x := range in {
			if x.BitLen() > keccakWordBits {
				return fmt.Errorf("%w: keccak instance %d: input_s%d above 2^200", ErrExecution, idx, w)
			}
		}
	}
	const name = "keccak/keccak"
	type dv = func(i, v uint64) error
	dw := func(n string) (dv, view, error) { return t.tableWriter(t.dil, name+"/"+n) }
	var err error
	var stateW, beginW, endW, afterW, aux0W, aux2W dv
	var beginV view
	for _, f := range []struct {
		dst *dv
		n   string
	}{{&stateW, "state"}, {&endW, "state_end"}, {&afterW, "after_theta_rho_pi"}, {&aux0W, "chi_iota_aux0"}, {&aux2W, "chi_iota_aux2"}} {
		if *f.dst, _, err = dw(f.n); err != nil {
			return err
		}
	}
	if beginW, beginV, err = dw("state_begin"); err != nil {
		return err
	}
	var parityW [3][5]dv
	for b := range 3 {
		for j := range 5 {
			if parityW[b][j], _, err = dw(fmt.Sprintf("parity%d_%d", b, j)); err != nil {
				return err
			}
		}
	}
	var rotated [5]air.VirtualColumn
	for j := range rotated {
		if rotated[j], err = t.vc(fmt.Sprintf("%s/rotated_parity%d", name, j)); err != nil {
			return err
		}
	}
	var thetaW [5][5][]dv
	for i := range 5 {
		for j := range 5 {
			if 5*i+j < 21 {
				w, _, err := dw(fmt.Sprintf("theta_aux_i%d_j%d", i, j))
				if err != nil {
					return err
				}
				thetaW[i][j] = []dv{w}
				continue
			}
			for _, s := range []string{"_start0_stop8", "_start8_stop16", "_start16_stop24"} {
				w, _, err := dw(fmt.Sprintf("theta_aux_i%d_j%d%s", i, j, s))
				if err != nil {
					return err
				}
				thetaW[i][j] = append(thetaW[i][j], w)
			}
		}
	}
	var inter, final, cum air.VirtualColumn
	for _, f := range []struct {
		dst *air.VirtualColumn
		n   string
	}{{&inter, "reshaped_intermediate"}, {&final, "final_reshaped_input"}, {&cum, "cumulative_sum"}} {
		if *f.dst, err = t.vc(name + "/parse_to_diluted/" + f.n); err != nil {
			return err
		}
	}
	ioW, _, err := t.memWriter("keccak/input_output")
	if err != nil {
		return err
	}
	var mask uint64
	for range nInv {
		mask = mask<<sp + 1
	}
	var shiftSp, two fp.Element
	shiftSp.SetUint64(1 << sp)
	two.SetUint64(2)
	for ci := range nComp {
		// The input and output words of each invocation.
		io := make([]fp.Element, 0, nInv*keccakIOPerInvoke)
		for v := range nInv {
			var st [keccak.StateBytes]byte
			if in, ok := inputs[ci*nInv+v]; ok {
				for w, x := range in {
					b := x.Bytes() // big-endian
					for k := range b {
						st[keccakWordBytes*w+len(b)-1-k] = b[k]
					}
				}
			}
			appendWords := func(s *[keccak.StateBytes]byte) {
				for w := range keccakWords {
					var be [keccakWordBytes]byte
					for k := range keccakWordBytes {
						be[keccakWordBytes-1-k] = s[keccakWordBytes*w+k]
					}
					var e fp.Element
					e.SetBytes(be[:])
					io = append(io, e)
				}
			}
			appendWords(&st)
			keccak.PermuteBytes(&st)
			appendWords(&st)
		}
		// ParseToDilutedComponent::WriteTrace.
		cumCell := func(rep, inst, row uint64) *fp.Element {
			return &t.Columns[cum.Column][cum.Row(rep+keccakParseReps*(inst+nInv*(row+keccakPeriod*ci)))]
		}
		for rep := range uint64(keccakParseReps) {
			out := beginW
			if rep == 1 {
				out = endW
			}
			for inst := range nInv {
				for idx := uint64(keccakStateBits); idx < keccakDimLow*(keccakDimHigh+1); idx++ {
					*cumCell(rep, inst, parseRow(idx)) = fp.Element{}
				}
				var sum, prev fp.Element
				bit := uint64(keccakStateBits - 1)
				for i := keccakWords - 1; i >= 0; i-- {
					cur := io[uint64(i)+keccakWords*(rep+keccakParseReps*inst)]
					t.set(inter, uint64(i)+keccakWords*(rep+keccakParseReps*keccakPeriod*(inst+nInv*ci)), cur)
					t.set(final, uint64(i)+keccakWords*(rep+keccakParseReps*(inst+nInv*keccakPeriod*ci)), cur)
					cb := bigOf(&cur)
					for j := keccakWordBits - 1; j >= 0; j-- {
						sum.Double(&sum)
						if cb.Bit(j) == 1 {
							one := fp.One()
							sum.Add(&sum, &one)
						}
						val := sum
						row := parseRow(bit)
						if inst > 0 {
							var p fp.Element
							p.Mul(&shiftSp, cumCell(rep, inst-1, row))
							val.Add(&val, &p)
						}
						*cumCell(rep, inst, row) = val
						if inst == nInv-1 {
							var d fp.Element
							d.Mul(&two, &prev)
							d.Sub(&val, &d)
							if !d.IsUint64() {
								return fmt.Errorf("%w: keccak component %d: parsed value out of range", ErrExecution, ci)
							}
							if err := out(row+keccakPeriod*ci, d.Uint64()); err != nil {
								return err
							}
							prev = val
						}
						bit--
					}
				}
			}
		}
		// KeccakComponent::WriteTrace: the rounds on diluted lanes.
		var state [5][5][64]uint64
		for i := range uint64(5) {
			for j := range uint64(5) {
				for k := range uint64(64) {
					state[i][j][k] = t.dil.values[beginV.at(keccakRow(i, j, k)+keccakPeriod*ci)]
				}
			}
		}
		base := keccakPeriod * ci
		for round := range uint64(keccakRounds) {
			var par [5][64]uint64
			for j := range 5 {
				for k := range uint64(64) {
					v := state[0][j][k] + state[1][j][k] + state[2][j][k] + state[3][j][k] + state[4][j][k]
					par[j][k] = mask & v
					for b := range 3 {
						if err := parityW[b][j](round+32*(keccakRow(0, 0, k)+base), mask&(v>>b)); err != nil {
							return err
						}
					}
					var e fp.Element
					e.SetUint64(mask & v)
					t.set(rotated[j], round+32*(keccakRow(0, 0, (k+1)%64)+base), e)
				}
			}
			var after [5][5][64]uint64
			for i := range uint64(5) {
				for j := range uint64(5) {
					pi, pj := (3*i+2*j)%5, i
					aux := thetaW[pi][pj]
					n := (round / 8) % uint64(len(aux))
					adj := round - 8*n
					for k := range uint64(64) {
						v := state[i][j][k] + par[(j+4)%5][k] + par[(j+1)%5][(k+63)%64]
						rk := (k + keccakOffsets[i][j]) % 64
						after[pi][pj][rk] = mask & v
						if err := afterW(round+32*(keccakRow(pi, pj, rk)+base), mask&v); err != nil {
							return err
						}
						if err := aux[n](adj+32*(keccakRow(0, 0, rk)+base), mask&(v>>1)); err != nil {
							return err
						}
					}
				}
			}
			for i := range uint64(5) {
				for j := range uint64(5) {
					for k := range uint64(64) {
						v := after[i][j][k]*2 + (mask - after[i][(j+1)%5][k]) + after[i][(j+2)%5][k]
						if i == 0 && j == 0 && (^k&(k>>1)) == 0 && keccakRoundBit(lenBits(k), int(round)) {
							v += 2 * mask
						}
						state[i][j][k] = mask & (v >> 1)
						r := keccakRow(i, j, k) + base
						if err := aux0W(round+32*r, mask&v); err != nil {
							return err
						}
						if round < keccakRounds-1 {
							if err := stateW(round+1+32*r, mask&(v>>1)); err != nil {
								return err
							}
						}
						if err := aux2W(round+32*r, mask&(v>>2)); err != nil {
							return err
						}
					}
				}
			}
		}
		for v := range nInv {
			inv := ci*nInv + v
			for idx := range uint64(keccakIOPerInvoke) {
				if err := ioW(idx+keccakIOPerInvoke*inv, begin+idx+keccakIOPerInvoke*inv, io[idx+keccakIOPerInvoke*v]); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// lenBits is Stone's kLog for k = 2^m - 1: m.
func lenBits(k uint64) int {
	m := 0
	for k != 0 {
		m++
		k >>= 1
	}
	return m
}
