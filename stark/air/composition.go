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
	var zero fp.Element
	prog := l.Constraints
	if prog == nil {
		return zero, fmt.Errorf("%w: layout %s has no constraints", ErrEval, l.Name)
	}
	if len(pt.Mask) != len(l.Mask) {
		return zero, fmt.Errorf("%w: %d mask values, layout %s has %d", ErrEval, len(pt.Mask), l.Name, len(l.Mask))
	}
	pi := pt.Public
	traceLen := l.TraceLength(pi.NSteps)
	if traceLen == 0 || traceLen&(traceLen-1) != 0 {
		return zero, fmt.Errorf("%w: trace length %d", ErrEval, traceLen)
	}
	if l.Dynamic != nil {
		return zero, fmt.Errorf("%w: layout %s: use Instance for the public input's dynamic params", ErrEval, l.Name)
	}
	gen := TraceGenerator(traceLen)
	vars := append([]uint64{traceLen}, l.vars[min(1, len(l.vars)):]...)
	v := &Values{Mask: pt.Mask}
	v.PointPowers = append(v.PointPowers, pt.Z)
	for i, e := range prog.PointExponents {
		k, err := e.Eval(vars)
		if err != nil {
			return zero, fmt.Errorf("point exponent %d: %w", i, err)
		}
		var x fp.Element
		x.Exp(pt.Z, new(big.Int).SetUint64(k))
		v.PointPowers = append(v.PointPowers, x)
	}
	for i, e := range prog.GenExponents {
		k, err := e.Eval(vars)
		if err != nil {
			return zero, fmt.Errorf("gen exponent %d: %w", i, err)
		}
		var x fp.Element
		x.Exp(gen, new(big.Int).SetUint64(k))
		v.Shifts = append(v.Shifts, x)
	}
	v.Periodic = make([]fp.Element, len(l.Periodic))
	for _, c := range l.Periodic {
		vals, err := l.periodicValues(c)
		if err != nil {
			return zero, err
		}
		if c.Index < 0 || c.Index >= len(v.Periodic) {
			return zero, fmt.Errorf("%w: periodic column %s index %d", ErrEval, c.Name, c.Index)
		}
		if v.Periodic[c.Index], err = evalPeriodic(vals, c.Step, traceLen, gen, pt.Z); err != nil {
			return zero, err
		}
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
			return zero, fmt.Errorf("condition %d: %w", i, err)
		}
		v.Conds = append(v.Conds, k != 0)
	}
	var err error
	if v.Inputs, err = l.publicValues(prog.Inputs, pi, pt.Interaction, traceLen); err != nil {
		return zero, err
	}
	return prog.Eval(v)
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
