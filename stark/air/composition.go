package air

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/stark/proof"
)

// TraceGenerator returns Stone's generator of the trace domain of size
// traceLen (a power of two): 3^((p-1)/traceLen).
func TraceGenerator(traceLen uint64) fp.Element {
	e := new(big.Int).Sub(fp.Modulus(), big.NewInt(1))
	e.Div(e, new(big.Int).SetUint64(traceLen))
	var g, three fp.Element
	three.SetUint64(3)
	g.Exp(three, e)
	return g
}

// Point is everything one evaluation of a layout's composition polynomial
// depends on besides the layout.
type Point struct {
	// Public is the proof's public input; Interaction the interaction
	// elements drawn after the main trace commitment.
	Public      *proof.PublicInput
	Interaction []fp.Element
	// Alpha is the first "Constraint polynomial random element": the
	// constraint coefficients are 1, alpha, alpha², ...
	Alpha fp.Element
	// Z is the point and Mask the mask values at it (GetMask order).
	Z    fp.Element
	Mask []fp.Element
}

// CompositionAt evaluates the layout's composition polynomial at pt.Z from
// the mask values, as Stone's CompositionPolynomialImpl::EvalAtPoint does
// in the verifier's OODS check.
func (l *Layout) CompositionAt(pt *Point) (fp.Element, error) {
	v, err := l.ValuesAt(pt)
	if err != nil {
		return fp.Element{}, err
	}
	return l.Constraints.Eval(v)
}

// ValuesAt returns the inputs of the constraint program at pt (the
// values CompositionAt evaluates). Only PointPowers, Periodic and Mask
// depend on the point; a prover evaluating many points reads the rest
// once and the periodic columns through PeriodicAt.
func (l *Layout) ValuesAt(pt *Point) (*Values, error) {
	prog := l.Constraints
	if prog == nil {
		return nil, fmt.Errorf("%w: layout %s has no constraints", ErrEval, l.Name)
	}
	if len(pt.Mask) != len(l.Mask) {
		return nil, fmt.Errorf("%w: %d mask values, layout %s has %d", ErrEval, len(pt.Mask), l.Name, len(l.Mask))
	}
	pi := pt.Public
	traceLen := l.TraceLength(pi.NSteps)
	if traceLen == 0 || traceLen&(traceLen-1) != 0 {
		return nil, fmt.Errorf("%w: trace length %d", ErrEval, traceLen)
	}
	if l.Dynamic != nil {
		return nil, fmt.Errorf("%w: layout %s: use Instance for the public input's dynamic params", ErrEval, l.Name)
	}
	gen := TraceGenerator(traceLen)
	vars := append([]uint64{traceLen}, l.vars[min(1, len(l.vars)):]...)
	v := &Values{Mask: pt.Mask}
	v.PointPowers = append(v.PointPowers, pt.Z)
	for i, e := range prog.PointExponents {
		k, err := e.Eval(vars)
		if err != nil {
			return nil, fmt.Errorf("point exponent %d: %w", i, err)
		}
		var x fp.Element
		x.Exp(pt.Z, new(big.Int).SetUint64(k))
		v.PointPowers = append(v.PointPowers, x)
	}
	for i, e := range prog.GenExponents {
		k, err := e.Eval(vars)
		if err != nil {
			return nil, fmt.Errorf("gen exponent %d: %w", i, err)
		}
		var x fp.Element
		x.Exp(gen, new(big.Int).SetUint64(k))
		v.Shifts = append(v.Shifts, x)
	}
	var err error
	if v.Periodic, err = l.PeriodicAt(traceLen, pt.Z); err != nil {
		return nil, err
	}
	v.Coefs = make([]fp.Element, prog.NCoefficients)
	cur := fp.One()
	for i := range v.Coefs {
		v.Coefs[i] = cur
		cur.Mul(&cur, &pt.Alpha)
	}
	for i, c := range prog.Conds {
		k, err := c.Eval(vars)
		if err != nil {
			return nil, fmt.Errorf("condition %d: %w", i, err)
		}
		v.Conds = append(v.Conds, k != 0)
	}
	if v.Inputs, err = l.publicValues(prog.Inputs, pi, pt.Interaction, traceLen); err != nil {
		return nil, err
	}
	return v, nil
}

// BrokenAt recombines the broken composition columns' values at z^D (D =
// len(broken)) into the composition polynomial's value at z: Σ_i broken_i·z^i
// (Stone's PolynomialBreak::EvalFromSamples on bit-reversed bases).
func BrokenAt(broken []fp.Element, z fp.Element) fp.Element {
	var acc fp.Element
	for i := len(broken) - 1; i >= 0; i-- {
		acc.Mul(&acc, &z)
		acc.Add(&acc, &broken[i])
	}
	return acc
}

// PeriodicAt evaluates every periodic column at x (Values.Periodic order)
// for a trace of traceLen rows.
func (l *Layout) PeriodicAt(traceLen uint64, x fp.Element) ([]fp.Element, error) {
	gen := TraceGenerator(traceLen)
	out := make([]fp.Element, len(l.Periodic))
	for _, c := range l.Periodic {
		vals, err := l.periodicValues(c)
		if err != nil {
			return nil, err
		}
		if c.Index < 0 || c.Index >= len(out) {
			return nil, fmt.Errorf("%w: periodic column %s index %d", ErrEval, c.Name, c.Index)
		}
		if out[c.Index], err = evalPeriodic(vals, c.Step, traceLen, gen, x); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// PeriodicPeriod is the number of rows after which every periodic column
// repeats on any coset of a trace of traceLen rows: a column of n values
// with step s is a polynomial in x^(traceLen/(n·s)), and x ↦ x·g multiplies
// that by a root of unity of order n·s.
func (l *Layout) PeriodicPeriod(traceLen uint64) (uint64, error) {
	p := uint64(1)
	for _, c := range l.Periodic {
		vals, err := l.periodicValues(c)
		if err != nil {
			return 0, err
		}
		k := uint64(len(vals)) * c.Step
		if k == 0 || k&(k-1) != 0 || k > traceLen {
			return 0, fmt.Errorf("%w: periodic column %s of %d values, step %d, in a trace of %d rows", ErrEval, c.Name, len(vals), c.Step, traceLen)
		}
		p = max(p, k)
	}
	return p, nil
}
