package air

import (
	"errors"
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/crypto/pedersen"
	"github.com/cairn-vm/cairn/stark/proof"
)

// TestLayoutWidths checks the generated widths against the Stone vectors'
// README (columns of the main + interaction trace per layout).
func TestLayoutWidths(t *testing.T) {
	for name, w := range map[string][2]int{
		"plain": {6, 2}, "small": {23, 2}, "dex": {21, 1}, "recursive": {7, 3},
		"recursive_with_poseidon": {6, 2}, "starknet": {9, 1}, "starknet_with_keccak": {12, 3},
	} {
		l, err := ByName(name)
		if err != nil {
			t.Fatal(err)
		}
		if l.NColumnsFirst != w[0] || l.NColumnsSecond != w[1] {
			t.Errorf("%s: %d+%d columns, want %d+%d", name, l.NColumnsFirst, l.NColumnsSecond, w[0], w[1])
		}
	}
	for name, l := range layouts {
		if l.Dynamic != nil {
			continue
		}
		if l.Constraints == nil || l.Constraints.NCoefficients == 0 {
			t.Errorf("%s: no constraints", name)
		}
		for _, m := range l.Mask {
			if m.Column < 0 || m.Column >= l.Width() || m.RowOffset < 0 {
				t.Errorf("%s: mask item %+v outside %d columns", name, m, l.Width())
			}
		}
		for _, c := range l.Periodic {
			if _, err := l.periodicValues(c); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
	}
}

func TestIntExprErrors(t *testing.T) {
	c := func(k uint64) IntNode { return IntNode{Op: IntConst, K: k} }
	for name, e := range map[string]IntExpr{
		"empty":        {},
		"div by zero":  {{Op: IntDiv, A: 1, B: 2}, c(4), c(0)},
		"inexact div":  {{Op: IntDiv, A: 1, B: 2}, c(5), c(2)},
		"negative":     {{Op: IntSub, A: 1, B: 2}, c(1), c(2)},
		"overflow":     {{Op: IntMul, A: 1, B: 2}, c(1 << 40), c(1 << 40)},
		"add overflow": {{Op: IntAdd, A: 1, B: 2}, c(1 << 63), c(1 << 63)},
		"bad node":     {{Op: IntAdd, A: 7, B: 1}, c(1)},
		"unset var":    {{Op: IntVar, K: 3}},
		"self loop":    {{Op: IntAdd, A: 0, B: 0}},
		"bad op":       {{Op: 99, A: 1, B: 1}, c(1)},
	} {
		if _, err := e.Eval([]uint64{16}); !errors.Is(err, ErrEval) {
			t.Errorf("%s: %v", name, err)
		}
	}
	// (v1 != 0) ? t/v1 : 0 does not divide by zero when v1 = 0.
	e := IntExpr{{Op: IntTernary, A: 1, B: 4, C: 7}, {Op: IntNe, A: 2, B: 3}, {Op: IntVar, K: 1}, c(0),
		{Op: IntDiv, A: 5, B: 6}, {Op: IntVar, K: 0}, {Op: IntVar, K: 1}, c(0)}
	if v, err := e.Eval([]uint64{64, 0}); err != nil || v != 0 {
		t.Errorf("ternary, v1 = 0: %d, %v", v, err)
	}
	if v, err := e.Eval([]uint64{64, 4}); err != nil || v != 16 {
		t.Errorf("ternary, v1 = 4: %d, %v", v, err)
	}
}

func TestProgramMalformed(t *testing.T) {
	base := func() *Program {
		return &Program{Consts: []string{"1"}, Nodes: []Node{{OpConst, 0, 0}, {OpNeighbor, 0, 0}, {OpMul, 0, 1}}, Fractions: []Fraction{{2, 0, 0}}}
	}
	v := &Values{Mask: make([]fp.Element, 1)}
	if _, err := base().Eval(v); err != nil {
		t.Fatal(err)
	}
	for name, f := range map[string]func(p *Program){
		"forward ref":    func(p *Program) { p.Nodes[2].B = 2 },
		"bad slot":       func(p *Program) { p.Nodes[1].A = 5 },
		"bad op":         func(p *Program) { p.Nodes[1].Op = 200 },
		"bad const":      func(p *Program) { p.Consts[0] = "0xzz" },
		"big const":      func(p *Program) { p.Consts[0] = fp.Modulus().String() },
		"bad fraction":   func(p *Program) { p.Fractions[0].Den = 9 },
		"zero den":       func(p *Program) { p.Fractions[0].Den = 1 },
		"bad cond":       func(p *Program) { p.Fractions[0].Cond = 3 },
		"bad cond node":  func(p *Program) { p.Nodes[1] = Node{OpCond, 4, 0} },
		"few coefs":      func(p *Program) { p.NCoefficients = 2 },
		"unknown inputs": func(p *Program) { p.Inputs = []string{"x_"} },
	} {
		p := base()
		f(p)
		if _, err := p.Eval(v); !errors.Is(err, ErrEval) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestEvalPeriodic compares the barycentric evaluation with the Lagrange
// product formula, and checks the column's values on its rows.
func TestEvalPeriodic(t *testing.T) {
	const n, step, traceLen = 8, 2, 64
	vals := make([]fp.Element, n)
	for i := range vals {
		vals[i].SetUint64(uint64(1000 + 37*i*i))
	}
	gen := TraceGenerator(traceLen)
	for r := uint64(0); r < traceLen; r += step {
		var x fp.Element
		x.Exp(gen, new(big.Int).SetUint64(r))
		got, err := evalPeriodic(vals, step, traceLen, gen, x)
		if err != nil {
			t.Fatal(err)
		}
		if want := vals[(r/step)%n]; !got.Equal(&want) {
			t.Errorf("row %d: got %s, want %s", r, got.String(), want.String())
		}
	}
	var x fp.Element
	x.SetUint64(123456789)
	got, err := evalPeriodic(vals, step, traceLen, gen, x)
	if err != nil {
		t.Fatal(err)
	}
	copies := uint64(traceLen / (n * step))
	var tt, w fp.Element
	tt.Exp(x, new(big.Int).SetUint64(copies))
	w.Exp(gen, new(big.Int).SetUint64(step*copies))
	roots := make([]fp.Element, n)
	roots[0].SetOne()
	for j := 1; j < n; j++ {
		roots[j].Mul(&roots[j-1], &w)
	}
	var want fp.Element
	for j := range vals {
		l := vals[j]
		for k := range roots {
			if k == j {
				continue
			}
			var num, den fp.Element
			num.Sub(&tt, &roots[k])
			den.Sub(&roots[j], &roots[k])
			den.Inverse(&den)
			l.Mul(&l, &num)
			l.Mul(&l, &den)
		}
		want.Add(&want, &l)
	}
	if !got.Equal(&want) {
		t.Errorf("off-domain: got %s, want %s", got.String(), want.String())
	}
	if _, err := evalPeriodic(vals, 3, traceLen, gen, x); !errors.Is(err, ErrEval) {
		t.Errorf("step 3: %v", err)
	}
	if _, err := evalPeriodic(vals, step, 8, gen, x); !errors.Is(err, ErrEval) {
		t.Errorf("short trace: %v", err)
	}
}

// TestDilutedFinalCumVal runs the recursion the closed form stands for:
// r_1 = 1, r_{j+1} = r_j·(1 + z·u_j) + alpha·u_j², u_j = dilute(j) -
// dilute(j-1), up to r_{2^nBits}.
func TestDilutedFinalCumVal(t *testing.T) {
	const spacing, nBits = 4, 16
	var z, alpha fp.Element
	z.SetUint64(0x1234567)
	alpha.SetUint64(0xabcdef)
	dilute := func(j uint64) fp.Element {
		var acc fp.Element
		for i := uint64(0); i < nBits; i++ {
			if j>>i&1 == 1 {
				var b fp.Element
				b.SetBigInt(new(big.Int).Lsh(big.NewInt(1), uint(i*spacing)))
				acc.Add(&acc, &b)
			}
		}
		return acc
	}
	r := fp.One()
	prev := dilute(0)
	for j := uint64(1); j < 1<<nBits; j++ {
		d := dilute(j)
		var u, t1, t2 fp.Element
		u.Sub(&d, &prev)
		prev = d
		t1.Mul(&z, &u)
		one := fp.One()
		t1.Add(&t1, &one)
		r.Mul(&r, &t1)
		t2.Square(&u)
		t2.Mul(&t2, &alpha)
		r.Add(&r, &t2)
	}
	if got := dilutedFinalCumVal(spacing, nBits, z, alpha); !got.Equal(&r) {
		t.Errorf("got %s, want %s", got.String(), r.String())
	}
}

// TestCurvePoints ties Stone's constant points (generated) to cairo-lang's
// (crypto/pedersen) and checks the hash points are successive doublings,
// as the Pedersen periodic columns assume.
func TestCurvePoints(t *testing.T) {
	c, err := curveConsts()
	if err != nil {
		t.Fatal(err)
	}
	eq := func(a [2]fp.Element, b pedersen.Point) bool {
		return a[0] == fp.Element(b.X) && a[1] == fp.Element(b.Y)
	}
	if len(c.points) < 2+pedersenInputs*pedersenBits {
		t.Fatalf("%d points", len(c.points))
	}
	for i, want := range map[int]pedersen.Point{0: pedersen.ShiftPoint, 2: pedersen.P0, 250: pedersen.P1, 254: pedersen.P2, 502: pedersen.P3} {
		if !eq(c.points[i], want) {
			t.Errorf("point %d differs from crypto/pedersen", i)
		}
	}
	for _, run := range [][2]int{{2, 248}, {250, 4}, {254, 248}, {502, 4}} {
		for i := run[0]; i+1 < run[0]+run[1]; i++ {
			if c.double(c.points[i]) != c.points[i+1] {
				t.Errorf("point %d is not twice point %d", i+1, i)
			}
		}
	}
}

func TestCompositionAtErrors(t *testing.T) {
	pi := &proof.PublicInput{Layout: "plain", NSteps: 16}
	if _, err := Plain.CompositionAt(&Point{Public: pi, Mask: make([]fp.Element, 3)}); !errors.Is(err, ErrEval) {
		t.Errorf("short mask: %v", err)
	}
	d, err := ByName("dynamic")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.CompositionAt(&Point{Public: pi, Mask: make([]fp.Element, len(d.Mask))}); !errors.Is(err, ErrEval) {
		t.Errorf("dynamic without Instance: %v", err)
	}
	if _, err := d.Instance(pi); !errors.Is(err, ErrPublicInput) {
		t.Errorf("dynamic without params: %v", err)
	}
	if _, err := Plain.Instance(&proof.PublicInput{DynamicParams: map[string]uint64{"x": 1}}); !errors.Is(err, ErrPublicInput) {
		t.Errorf("plain with params: %v", err)
	}
	// An empty public memory cannot give the memory product.
	mask := make([]fp.Element, len(Plain.Mask))
	_, err = Plain.CompositionAt(&Point{Public: &proof.PublicInput{NSteps: 16, MemorySegments: map[string]proof.Segment{"program": {}, "execution": {}}},
		Interaction: make([]fp.Element, 3), Mask: mask})
	if !errors.Is(err, ErrPublicInput) {
		t.Errorf("empty public memory: %v", err)
	}
}

// BenchmarkCompositionAt evaluates plain's and starknet_with_keccak's
// composition polynomials at a point (the OODS check's work).
func BenchmarkCompositionAt(b *testing.B) {
	for _, name := range []string{"plain", "starknet_with_keccak"} {
		b.Run(name, func(b *testing.B) {
			l, err := ByName(name)
			if err != nil {
				b.Fatal(err)
			}
			pi := &proof.PublicInput{NSteps: 1 << 15, MemorySegments: map[string]proof.Segment{}, PublicMemory: []proof.MemoryCell{{Address: 1}}}
			for _, s := range []string{"program", "execution", "output", "pedersen", "range_check", "ecdsa", "bitwise", "ec_op", "keccak", "poseidon"} {
				pi.MemorySegments[s] = proof.Segment{BeginAddr: 10, StopPtr: 20}
			}
			pt := &Point{Public: pi, Interaction: make([]fp.Element, l.NInteractionElements), Mask: make([]fp.Element, len(l.Mask))}
			pt.Z.SetUint64(987654321)
			pt.Alpha.SetUint64(5)
			for i := range pt.Mask {
				pt.Mask[i].SetUint64(uint64(i + 7))
			}
			for i := range pt.Interaction {
				pt.Interaction[i].SetUint64(uint64(i + 100))
			}
			if _, err := l.CompositionAt(pt); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for b.Loop() {
				if _, err := l.CompositionAt(pt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestEvaluatorReuse: one Evaluator at several points gives what fresh
// evaluations give.
func TestEvaluatorReuse(t *testing.T) {
	p := Plain.Constraints
	ev, err := p.NewEvaluator()
	if err != nil {
		t.Fatal(err)
	}
	mk := func(seed uint64) *Values {
		v := &Values{
			Mask: make([]fp.Element, len(Plain.Mask)), Coefs: make([]fp.Element, p.NCoefficients),
			Inputs: make([]fp.Element, len(p.Inputs)), PointPowers: make([]fp.Element, 1+len(p.PointExponents)),
			Shifts: make([]fp.Element, len(p.GenExponents)),
		}
		for _, s := range [][]fp.Element{v.Mask, v.Coefs, v.Inputs, v.PointPowers, v.Shifts} {
			for i := range s {
				s[i].SetUint64(seed*1000 + uint64(i) + 2)
			}
		}
		return v
	}
	for seed := uint64(1); seed < 4; seed++ {
		a, err := ev.Eval(mk(seed))
		if err != nil {
			t.Fatal(err)
		}
		b, err := p.Eval(mk(seed))
		if err != nil {
			t.Fatal(err)
		}
		if !a.Equal(&b) {
			t.Errorf("seed %d: reused %s, fresh %s", seed, a.String(), b.String())
		}
	}
}
