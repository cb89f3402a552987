package trace

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"
)

// writeBitwise is BitwiseBuiltinProverContext::WriteTrace: instance i
// (x, y, x&y, x^y, x|y at begin + 5i) and the diluted parts of x, y, x&y,
// x^y at the partition's shifts; the parts of x|y that pass the total
// bits go to the trim_unpacking cells, shifted back into range.
func (t *Trace) writeBitwise(begin, nInst uint64, inputs map[uint64][2]fp.Element) error {
	if t.dil == nil {
		return fmt.Errorf("%w: layout %s: bitwise without a diluted pool", ErrExecution, t.Layout.Name)
	}
	sp, nb := t.Layout.DilutedSpacing, t.Layout.DilutedNBits
	total := t.Layout.Trace.Constants["kBitwiseTotalNBits"]
	if total == 0 || sp == 0 || nb == 0 || (nb-1)*sp >= 64 {
		return fmt.Errorf("%w: layout %s: bitwise constants", ErrExecution, t.Layout.Name)
	}
	for idx := range inputs {
		if idx >= nInst {
			return fmt.Errorf("%w: bitwise instance %d but the trace holds %d", ErrExecution, idx, nInst)
		}
	}
	var partition []uint64
	for a := uint64(0); a < total; a += sp * nb {
		for b := uint64(0); b < sp; b++ {
			if a+b < total {
				partition = append(partition, a+b)
			}
		}
	}
	type trim struct {
		shift uint64
		w     func(i, v uint64) error
	}
	var trims []trim // in shift order, as Stone's std::map
	for _, s := range partition {
		if s+sp*(nb-1)+1 > total {
			w, _, err := t.tableWriter(t.dil, fmt.Sprintf("bitwise/trim_unpacking%d", s))
			if err != nil {
				return err
			}
			trims = append(trims, trim{s, w})
		}
	}
	var memW [5]func(i, addr uint64, v fp.Element) error
	for k, n := range []string{"x", "y", "x_and_y", "x_xor_y", "x_or_y"} {
		var err error
		if memW[k], _, err = t.memWriter("bitwise/" + n); err != nil {
			return err
		}
	}
	pool, _, err := t.tableWriter(t.dil, "bitwise/diluted_var_pool")
	if err != nil {
		return err
	}
	var mask uint64
	for b := range nb {
		mask |= 1 << (b * sp)
	}
	bigMask := new(big.Int).SetUint64(mask)
	part := func(v *big.Int, shift uint64) uint64 {
		return new(big.Int).And(new(big.Int).Rsh(v, uint(shift)), bigMask).Uint64()
	}
	np := uint64(len(partition))
	for i := range nInst {
		in := inputs[i]
		x, y := bigOf(&in[0]), bigOf(&in[1])
		vals := [5]*big.Int{x, y, new(big.Int).And(x, y), new(big.Int).Xor(x, y), new(big.Int).Or(x, y)}
		addr := begin + 5*i
		for k, v := range vals {
			var e fp.Element
			e.SetBigInt(v)
			if err := memW[k](i, addr+uint64(k), e); err != nil {
				return err
			}
		}
		for p, s := range partition {
			for k := range uint64(4) {
				if err := pool(uint64(p)+np*(k+4*i), part(vals[k], s)); err != nil {
					return err
				}
			}
		}
		for _, tr := range trims {
			dev := tr.shift + sp*(nb-1) + 1 - total
			delta := (dev + sp - 1) / sp * sp
			if err := tr.w(i, part(vals[4], tr.shift)<<delta); err != nil {
				return err
			}
		}
	}
	return nil
}
