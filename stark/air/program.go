package air

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"
)

// ErrEval is wrapped by every error from evaluating a layout's tables.
var ErrEval = errors.New("air evaluation")

// Op is one operation of a constraint Program.
type Op uint8

// The operations. A and B of a Node are operand indices: earlier nodes for
// the arithmetic, an input slot for the leaves.
const (
	OpConst      Op = iota // Consts[A]
	OpNeighbor             // mask value A (GetMask order)
	OpPeriodic             // periodic column A at the point
	OpCoef                 // random coefficient A (alpha^A)
	OpInput                // public value Inputs[A]
	OpPointPower           // point^PointExponents[A-1]; A = 0 is the point
	OpShift                // gen^GenExponents[A]
	OpAdd                  // node A + node B
	OpSub                  // node A - node B
	OpMul                  // node A * node B
	OpNeg                  // -node A
	OpCond                 // 1 if Conds[A] is non-zero, else 0
)

// Node is one value of a Program: nodes are in evaluation order, each
// operand an earlier node.
type Node struct {
	Op   Op
	A, B uint32
}

// Fraction is one term Num/Den of the composition polynomial, counted
// only when Cond is 0 or Conds[Cond-1] is non-zero (the dynamic layout's
// "if (uses_<builtin>) { ... }" blocks, whose denominators are zero for an
// unused builtin).
type Fraction struct{ Num, Den, Cond uint32 }

// Program is a layout's composition polynomial as Stone's ConstraintsEval,
// with its DomainEvalsAtPoint folded in, computes it: a list of nodes and
// the sum of fractions of nodes. It is data so that one interpreter serves
// the OODS check (one point) and, later, the prover (a whole coset).
type Program struct {
	// PointExponents and GenExponents are Stone's point_exponents and
	// gen_exponents (CreateCompositionPolynomial), functions of the trace
	// length and the dynamic params.
	PointExponents []IntExpr
	GenExponents   []IntExpr
	// Inputs names the public values the constraints read (Stone's member
	// variables such as initial_ap_ or range_check16__perm__interaction_elm_).
	Inputs []string
	// Consts holds the field constants, as decimal or 0x-hex strings.
	Consts []string
	Nodes  []Node
	// Fractions are summed to give the composition polynomial's value.
	Fractions []Fraction
	// NCoefficients is Stone's kNumConstraints.
	NCoefficients int
	// Conds are integer conditions over the dynamic params (OpCond,
	// Fraction.Cond).
	Conds []IntExpr

	consts []fp.Element
}

// IntExpr is an integer expression tree, flattened: node 0 is the root.
type IntExpr []IntNode

// IntOp is an operation of an IntExpr.
type IntOp uint8

// The integer operations; A, B and C index nodes of the same IntExpr.
const (
	IntConst   IntOp = iota // K
	IntVar                  // variable K (0 = trace length, k > 0 = dynamic param k-1)
	IntAdd                  // A + B
	IntSub                  // A - B (an error below zero)
	IntMul                  // A * B
	IntDiv                  // A / B (an error unless exact: Stone's SafeDiv)
	IntNe                   // A != B ? 1 : 0
	IntTernary              // A != 0 ? B : C
	// Stone's uint64 arithmetic, for its ASSERT_RELEASE conditions (where
	// "x - y >= 0" wraps and always holds).
	IntWrapAdd // A + B mod 2^64
	IntWrapSub // A - B mod 2^64
	IntWrapMul // A * B mod 2^64
	IntGe      // A >= B ? 1 : 0
	IntEq      // A == B ? 1 : 0
	IntPow2    // A is a power of 2 ? 1 : 0 (Stone's IsPowerOfTwo; 0 is not)
)

// IntNode is one node of an IntExpr.
type IntNode struct {
	Op      IntOp
	A, B, C uint32
	K       uint64
}

// Eval evaluates e with vars[0] the trace length and vars[k] dynamic param
// k-1.
func (e IntExpr) Eval(vars []uint64) (uint64, error) {
	if len(e) == 0 {
		return 0, fmt.Errorf("%w: empty integer expression", ErrEval)
	}
	return e.eval(0, vars, 0)
}

func (e IntExpr) eval(i uint32, vars []uint64, depth int) (uint64, error) {
	if int(i) >= len(e) || depth > 1000 {
		return 0, fmt.Errorf("%w: integer expression node %d out of range", ErrEval, i)
	}
	n := e[i]
	switch n.Op {
	case IntConst:
		return n.K, nil
	case IntVar:
		if n.K >= uint64(len(vars)) {
			return 0, fmt.Errorf("%w: integer variable %d not set", ErrEval, n.K)
		}
		return vars[n.K], nil
	case IntPow2:
		a, err := e.eval(n.A, vars, depth+1)
		if err != nil {
			return 0, err
		}
		if a != 0 && a&(a-1) == 0 {
			return 1, nil
		}
		return 0, nil
	case IntTernary:
		c, err := e.eval(n.A, vars, depth+1)
		if err != nil {
			return 0, err
		}
		if c != 0 {
			return e.eval(n.B, vars, depth+1)
		}
		return e.eval(n.C, vars, depth+1)
	}
	a, err := e.eval(n.A, vars, depth+1)
	if err != nil {
		return 0, err
	}
	b, err := e.eval(n.B, vars, depth+1)
	if err != nil {
		return 0, err
	}
	switch n.Op {
	case IntAdd:
		if a+b < a {
			return 0, fmt.Errorf("%w: %d + %d overflows", ErrEval, a, b)
		}
		return a + b, nil
	case IntSub:
		if b > a {
			return 0, fmt.Errorf("%w: %d - %d is negative", ErrEval, a, b)
		}
		return a - b, nil
	case IntMul:
		hi, lo := mul64(a, b)
		if hi != 0 {
			return 0, fmt.Errorf("%w: %d * %d overflows", ErrEval, a, b)
		}
		return lo, nil
	case IntDiv:
		if b == 0 || a%b != 0 {
			return 0, fmt.Errorf("%w: %d is not divisible by %d", ErrEval, a, b)
		}
		return a / b, nil
	case IntNe:
		return b2u(a != b), nil
	case IntWrapAdd:
		return a + b, nil
	case IntWrapSub:
		return a - b, nil
	case IntWrapMul:
		return a * b, nil
	case IntGe:
		return b2u(a >= b), nil
	case IntEq:
		return b2u(a == b), nil
	}
	return 0, fmt.Errorf("%w: integer op %d", ErrEval, n.Op)
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func mul64(a, b uint64) (uint64, uint64) {
	var x, y big.Int
	x.SetUint64(a)
	y.SetUint64(b)
	x.Mul(&x, &y)
	if x.BitLen() > 64 {
		return 1, 0
	}
	return 0, x.Uint64()
}

// Values are the inputs of one evaluation of a Program.
type Values struct {
	Mask        []fp.Element // the mask values, GetMask order
	Periodic    []fp.Element // the periodic columns at the point
	Coefs       []fp.Element // NCoefficients random coefficients
	Inputs      []fp.Element // in Program.Inputs order
	PointPowers []fp.Element // point, then point^PointExponents[i]
	Shifts      []fp.Element // gen^GenExponents[i]
	Conds       []bool       // Conds[i] evaluated
}

func (p *Program) init() error {
	if p.consts != nil || len(p.Consts) == 0 {
		return nil
	}
	cs := make([]fp.Element, len(p.Consts))
	for i, s := range p.Consts {
		v, ok := new(big.Int).SetString(s, 0)
		if !ok || v.Sign() < 0 || v.Cmp(fp.Modulus()) >= 0 {
			return fmt.Errorf("%w: constant %q", ErrEval, s)
		}
		cs[i].SetBigInt(v)
	}
	p.consts = cs
	return nil
}

// Eval computes the program's value: Σ num/den over its fractions. A zero
// denominator (the point is on a constraint's domain) is an error, as the
// OODS point is drawn outside the trace domain.
func (p *Program) Eval(v *Values) (fp.Element, error) {
	e, err := p.NewEvaluator()
	if err != nil {
		return fp.Element{}, err
	}
	return e.Eval(v)
}

// Evaluator evaluates one Program at many points, reusing its buffers (a
// prover evaluates the composition polynomial on every point of a coset).
// It is not safe for concurrent use; make one per goroutine.
type Evaluator struct {
	p    *Program
	vals []fp.Element
	dens []fp.Element
	used []Fraction
}

// NewEvaluator returns an Evaluator for p.
func (p *Program) NewEvaluator() (*Evaluator, error) {
	if err := p.init(); err != nil {
		return nil, err
	}
	return &Evaluator{p: p, vals: make([]fp.Element, len(p.Nodes))}, nil
}

// Eval is Program.Eval at the point v describes.
func (e *Evaluator) Eval(v *Values) (fp.Element, error) {
	var zero fp.Element
	p := e.p
	if len(v.Coefs) < p.NCoefficients {
		return zero, fmt.Errorf("%w: %d coefficients, want %d", ErrEval, len(v.Coefs), p.NCoefficients)
	}
	if len(v.Inputs) != len(p.Inputs) {
		return zero, fmt.Errorf("%w: %d inputs, want %d", ErrEval, len(v.Inputs), len(p.Inputs))
	}
	vals := e.vals
	for i, n := range p.Nodes {
		var src []fp.Element
		idx := n.A
		switch n.Op {
		case OpConst:
			src = p.consts
		case OpNeighbor:
			src = v.Mask
		case OpPeriodic:
			src = v.Periodic
		case OpCoef:
			src = v.Coefs
		case OpInput:
			src = v.Inputs
		case OpPointPower:
			src = v.PointPowers
		case OpShift:
			src = v.Shifts
		case OpCond:
			if int(n.A) >= len(v.Conds) {
				return zero, fmt.Errorf("%w: node %d reads condition %d of %d", ErrEval, i, n.A, len(v.Conds))
			}
			vals[i].SetZero()
			if v.Conds[n.A] {
				vals[i].SetOne()
			}
			continue
		case OpAdd, OpSub, OpMul, OpNeg:
			if n.A >= uint32(i) || (n.Op != OpNeg && n.B >= uint32(i)) {
				return zero, fmt.Errorf("%w: node %d reads a later node", ErrEval, i)
			}
			switch n.Op {
			case OpAdd:
				vals[i].Add(&vals[n.A], &vals[n.B])
			case OpSub:
				vals[i].Sub(&vals[n.A], &vals[n.B])
			case OpMul:
				vals[i].Mul(&vals[n.A], &vals[n.B])
			case OpNeg:
				vals[i].Neg(&vals[n.A])
			}
			continue
		default:
			return zero, fmt.Errorf("%w: node %d has op %d", ErrEval, i, n.Op)
		}
		if int(idx) >= len(src) {
			return zero, fmt.Errorf("%w: node %d reads slot %d of %d (op %d)", ErrEval, i, idx, len(src), n.Op)
		}
		vals[i] = src[idx]
	}
	used, dens := e.used[:0], e.dens[:0]
	for i, f := range p.Fractions {
		if int(f.Num) >= len(vals) || int(f.Den) >= len(vals) {
			return zero, fmt.Errorf("%w: fraction %d out of range", ErrEval, i)
		}
		if f.Cond != 0 {
			if int(f.Cond) > len(v.Conds) {
				return zero, fmt.Errorf("%w: fraction %d reads condition %d of %d", ErrEval, i, f.Cond-1, len(v.Conds))
			}
			if !v.Conds[f.Cond-1] {
				continue
			}
		}
		if vals[f.Den].IsZero() {
			return zero, fmt.Errorf("%w: denominator %d vanishes at the point", ErrEval, i)
		}
		used = append(used, f)
		dens = append(dens, vals[f.Den])
	}
	e.used, e.dens = used, dens
	inv := fp.BatchInvert(dens)
	var sum fp.Element
	for i, f := range used {
		var t fp.Element
		t.Mul(&vals[f.Num], &inv[i])
		sum.Add(&sum, &t)
	}
	return sum, nil
}
