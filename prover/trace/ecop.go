package trace

import (
	"fmt"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/stark/air"
)

// ecOpInput is EcOpBuiltinProverContext::Input: R = P + m·Q.
type ecOpInput struct {
	p, q point
	m    fp.Element
}

// writeEcOp is EcOpBuiltinProverContext::WriteTrace: instance i (p, q, m,
// r at begin + 7i) doubles Q over the scalar height and sums the doublings
// selected by m onto P; instances without a private input compute
// shift + 0·generator.
func (t *Trace) writeEcOp(begin, nInst uint64, inputs map[uint64]ecOpInput) error {
	k := t.Layout.Trace.Constants
	height, nBits := k["kEcOpScalarHeight"], k["kEcOpNBits"]
	if height == 0 || nBits == 0 || nBits >= height {
		return fmt.Errorf("%w: layout %s: ec_op constants", ErrExecution, t.Layout.Name)
	}
	for idx := range inputs {
		if idx >= nInst {
			return fmt.Errorf("%w: ec_op instance %d but the trace holds %d", ErrExecution, idx, nInst)
		}
	}
	var dx, dy, ds air.VirtualColumn
	var err error
	for _, f := range []struct {
		dst *air.VirtualColumn
		n   string
	}{{&dx, "ec_op/doubled_points/x"}, {&dy, "ec_op/doubled_points/y"}, {&ds, "ec_op/doubling_slope"}} {
		if *f.dst, err = t.vc(f.n); err != nil {
			return err
		}
	}
	sum, err := t.newSubsetSum("ec_op/ec_subset_sum", height, nBits, true, true)
	if err != nil {
		return err
	}
	var memW [7]func(i, addr uint64, v fp.Element) error
	for j, n := range []string{"p_x", "p_y", "q_x", "q_y", "m", "r_x", "r_y"} {
		if memW[j], _, err = t.memWriter("ec_op/" + n); err != nil {
			return err
		}
	}
	dummy := ecOpInput{p: shiftPoint, q: generatorPoint}
	for idx := range nInst {
		in, ok := inputs[idx]
		if !ok {
			in = dummy
		}
		pts, slopes, err := twosPowers(in.q, int(height))
		if err != nil {
			return fmt.Errorf("ec_op instance %d: %w", idx, err)
		}
		for i := range height {
			t.set(dx, idx*height+i, pts[i].x)
			t.set(dy, idx*height+i, pts[i].y)
			if i < height-1 {
				t.set(ds, idx*height+i, slopes[i])
			}
		}
		r, err := sum.write(t, in.p, pts, in.m, idx)
		if err != nil {
			return err
		}
		addr := begin + 7*idx
		for j, v := range []fp.Element{in.p.x, in.p.y, in.q.x, in.q.y, in.m, r.x, r.y} {
			if err := memW[j](idx, addr+uint64(j), v); err != nil {
				return err
			}
		}
	}
	return nil
}
