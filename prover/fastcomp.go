package prover

import (
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/stark/air"
)

// fastComposition evaluates the layout's constraint program (stark/air's
// Program.Eval, the node table the verifier uses) with everything that
// does not depend on the point computed once per proof: coefficients,
// public values, generator shifts, conditions. air.CompositionAt redoes
// that at every point, which is most of its time. Public values come
// from the prover's own data (the same quantities Stone's CpuAir
// members hold); compose compares the result with CompositionAt at the
// first point of each coset and falls back to it on any difference, so
// this is never trusted unchecked.
type fastComposition struct {
	prog   *air.Program
	exps   []uint64 // point exponents
	coefs  []fp.Element
	inputs []fp.Element
	shifts []fp.Element
	conds  []bool
	nPer   int
}

// newFastComposition returns nil when the layout needs what it does not
// compute (periodic columns, dynamic params, unknown public values).
func (s *Session) newFastComposition() *fastComposition {
	l := s.Layout
	prog := l.Constraints
	if prog == nil || len(l.Periodic) != 0 || l.Dynamic != nil {
		return nil
	}
	traceLen := uint64(s.Main.LDE.N())
	vars := []uint64{traceLen}
	f := &fastComposition{prog: prog, nPer: len(l.Periodic)}
	for _, e := range prog.PointExponents {
		k, err := e.Eval(vars)
		if err != nil {
			return nil
		}
		f.exps = append(f.exps, k)
	}
	gen := air.TraceGenerator(traceLen)
	for _, e := range prog.GenExponents {
		k, err := e.Eval(vars)
		if err != nil {
			return nil
		}
		var x fp.Element
		x.Exp(gen, new(big.Int).SetUint64(k))
		f.shifts = append(f.shifts, x)
	}
	for _, c := range prog.Conds {
		k, err := c.Eval(vars)
		if err != nil {
			return nil
		}
		f.conds = append(f.conds, k != 0)
	}
	f.coefs = make([]fp.Element, prog.NCoefficients)
	cur := fp.One()
	for i := range f.coefs {
		f.coefs[i] = cur
		cur.Mul(&cur, &s.CompositionRandom)
	}
	seg := func(name string) (uint64, uint64, bool) {
		sg, ok := s.Public.MemorySegments[name]
		return sg.BeginAddr, sg.StopPtr, ok
	}
	el := s.InteractionElements
	for _, n := range prog.Inputs {
		var v fp.Element
		switch n {
		case "memory__multi_column_perm__perm__interaction_elm_":
			v = el[0]
		case "memory__multi_column_perm__hash_interaction_elm0_":
			v = el[1]
		case "range_check16__perm__interaction_elm_":
			v = el[2]
		case "offset_size_":
			v.SetUint64(1 << 16)
		case "half_offset_size_":
			v.SetUint64(1 << 15)
		case "range_check_min_":
			v.SetUint64(s.Public.RcMin)
		case "range_check_max_":
			v.SetUint64(s.Public.RcMax)
		case "initial_ap_", "final_ap_":
			b, e, ok := seg("execution")
			if !ok {
				return nil
			}
			v.SetUint64(map[bool]uint64{true: b, false: e}[n == "initial_ap_"])
		case "initial_pc_", "final_pc_":
			b, e, ok := seg("program")
			if !ok {
				return nil
			}
			v.SetUint64(map[bool]uint64{true: b, false: e}[n == "initial_pc_"])
		case "range_check16__perm__public_memory_prod_":
			v.SetOne()
		case "memory__multi_column_perm__perm__public_memory_prod_":
			v = s.Trace.PublicMemoryProd(el[0], el[1])
		default:
			return nil
		}
		f.inputs = append(f.inputs, v)
	}
	return f
}

// fastFromAIR takes the point-independent values from stark/air's own
// ValuesAt (at any point x with its mask) for the layouts whose public
// values newFastComposition does not compute itself.
func (s *Session) fastFromAIR(x fp.Element, mask []fp.Element) *fastComposition {
	l := s.Layout
	if l.Constraints == nil || l.Dynamic != nil {
		return nil
	}
	v, err := l.ValuesAt(&air.Point{Public: s.Public, Interaction: s.InteractionElements[:], Alpha: s.CompositionRandom, Z: x, Mask: mask})
	if err != nil {
		return nil
	}
	f := &fastComposition{prog: l.Constraints, nPer: len(l.Periodic), coefs: v.Coefs, inputs: v.Inputs, shifts: v.Shifts, conds: v.Conds}
	vars := []uint64{uint64(s.Main.LDE.N())}
	for _, e := range l.Constraints.PointExponents {
		k, err := e.Eval(vars)
		if err != nil {
			return nil
		}
		f.exps = append(f.exps, k)
	}
	return f
}

// at evaluates the composition at x with the mask values; pp must hold
// x and x^exps[i] (len(exps)+1 values), per the periodic columns at x
// (nil when there are none).
func (f *fastComposition) at(mask, pp, per []fp.Element) (fp.Element, error) {
	if per == nil {
		per = make([]fp.Element, f.nPer)
	}
	return f.prog.Eval(&air.Values{Mask: mask, Periodic: per, Coefs: f.coefs,
		Inputs: f.inputs, PointPowers: pp, Shifts: f.shifts, Conds: f.conds})
}
