package main

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/cairn-vm/cairn/stark/air"
)

// progBuilder lowers field expressions to air.Program nodes, sharing equal
// subtrees.
type progBuilder struct {
	prog    air.Program
	seen    map[air.Node]uint32
	consts  map[string]uint32
	inputs  map[string]uint32
	enums   map[string]map[string]int // enum name -> member -> index
	locals  map[string]uint32
	domains []uint32 // DomainEvalsAtPoint's results (precomp_domains)
	zero    uint32
	hasZero bool
	ints    *intBuilder
	cond    uint32 // the enclosing if block's condition (1 + index in Conds), 0 outside
}

func newProgBuilder(enums map[string]map[string]int, ints *intBuilder) *progBuilder {
	return &progBuilder{
		seen: map[air.Node]uint32{}, consts: map[string]uint32{}, inputs: map[string]uint32{},
		enums: enums, locals: map[string]uint32{}, ints: ints,
	}
}

// condition adds an integer condition (over the dynamic params) and
// returns its index in Conds.
func (b *progBuilder) condition(e *expr) (uint32, error) {
	ie, err := b.ints.lower(e)
	if err != nil {
		return 0, fmt.Errorf("condition %s: %w", e, err)
	}
	b.prog.Conds = append(b.prog.Conds, ie)
	return uint32(len(b.prog.Conds) - 1), nil
}

func (b *progBuilder) node(n air.Node) uint32 {
	if i, ok := b.seen[n]; ok {
		return i
	}
	i := uint32(len(b.prog.Nodes))
	b.prog.Nodes = append(b.prog.Nodes, n)
	b.seen[n] = i
	return i
}

func (b *progBuilder) constant(v *big.Int) uint32 {
	s := v.String()
	if v.BitLen() > 64 {
		s = "0x" + v.Text(16)
	}
	k, ok := b.consts[s]
	if !ok {
		k = uint32(len(b.prog.Consts))
		b.prog.Consts = append(b.prog.Consts, s)
		b.consts[s] = k
	}
	n := b.node(air.Node{Op: air.OpConst, A: k})
	if v.Sign() == 0 {
		b.zero, b.hasZero = n, true
	}
	return n
}

func (b *progBuilder) input(name string) uint32 {
	k, ok := b.inputs[name]
	if !ok {
		k = uint32(len(b.prog.Inputs))
		b.prog.Inputs = append(b.prog.Inputs, name)
		b.inputs[name] = k
	}
	return b.node(air.Node{Op: air.OpInput, A: k})
}

func (b *progBuilder) isZero(n uint32) bool { return b.hasZero && n == b.zero }

func (b *progBuilder) bin(op string, x, y uint32) (uint32, error) {
	switch op {
	case "+":
		if b.isZero(x) {
			return y, nil
		}
		if b.isZero(y) {
			return x, nil
		}
		return b.node(air.Node{Op: air.OpAdd, A: x, B: y}), nil
	case "-":
		return b.node(air.Node{Op: air.OpSub, A: x, B: y}), nil
	case "*":
		return b.node(air.Node{Op: air.OpMul, A: x, B: y}), nil
	}
	return 0, fmt.Errorf("field operator %q", op)
}

func indexNum(e *expr) (int, error) {
	if e.kind != "num" || !e.num.IsUint64() {
		return 0, fmt.Errorf("index %s is not a number", e)
	}
	return int(e.num.Uint64()), nil
}

// memberName flattens (x_).a.b to "x_.a.b".
func memberName(e *expr) (string, bool) {
	switch e.kind {
	case "id":
		return e.op, strings.HasSuffix(e.op, "_")
	case "member":
		s, ok := memberName(e.args[0])
		return s + "." + e.op, ok
	}
	return "", false
}

func (b *progBuilder) lower(e *expr) (uint32, error) {
	switch e.kind {
	case "num":
		return b.constant(e.num), nil
	case "id":
		if n, ok := b.locals[e.op]; ok {
			return n, nil
		}
		if e.op == "point" {
			return b.node(air.Node{Op: air.OpPointPower, A: 0}), nil
		}
		if strings.HasSuffix(e.op, "_") {
			return b.input(e.op), nil
		}
		return 0, fmt.Errorf("unknown name %q", e.op)
	case "member":
		name, ok := memberName(e)
		if !ok {
			return 0, fmt.Errorf("unsupported member expression %s", e)
		}
		return b.input(name), nil
	case "call":
		switch e.op {
		case "FieldElementT::One":
			return b.constant(big.NewInt(1)), nil
		case "FieldElementT::Zero":
			return b.constant(big.NewInt(0)), nil
		case "FieldElementT::ConstexprFromBigInt":
			if len(e.args) != 1 || e.args[0].kind != "num" {
				return 0, fmt.Errorf("bad constant %s", e)
			}
			return b.constant(e.args[0].num), nil
		}
		return 0, fmt.Errorf("unknown function %s", e)
	case "neg":
		x, err := b.lower(e.args[0])
		if err != nil {
			return 0, err
		}
		return b.node(air.Node{Op: air.OpNeg, A: x}), nil
	case "tern":
		// cond ? x : y over an integer condition: y + c·(x - y) with c the
		// condition as 0 or 1 (field operations cannot fail, so evaluating
		// both sides is harmless).
		k, err := b.condition(e.args[0])
		if err != nil {
			return 0, err
		}
		c := b.node(air.Node{Op: air.OpCond, A: k})
		x, err := b.lower(e.args[1])
		if err != nil {
			return 0, err
		}
		y, err := b.lower(e.args[2])
		if err != nil {
			return 0, err
		}
		if b.isZero(y) {
			return b.bin("*", c, x)
		}
		d, err := b.bin("-", x, y)
		if err != nil {
			return 0, err
		}
		if d, err = b.bin("*", c, d); err != nil {
			return 0, err
		}
		return b.bin("+", y, d)
	case "bin":
		x, err := b.lower(e.args[0])
		if err != nil {
			return 0, err
		}
		y, err := b.lower(e.args[1])
		if err != nil {
			return 0, err
		}
		return b.bin(e.op, x, y)
	case "index":
		base := e.args[0]
		if base.kind != "id" {
			return 0, fmt.Errorf("unsupported index %s", e)
		}
		idx := e.args[1]
		enumIndex := func(enum string) (uint32, error) {
			if idx.kind != "id" {
				return 0, fmt.Errorf("index %s of %s is not an enum member", idx, base.op)
			}
			k, ok := b.enums[enum][idx.op]
			if !ok {
				return 0, fmt.Errorf("%s is not in enum %s", idx.op, enum)
			}
			return uint32(k), nil
		}
		switch base.op {
		case "neighbors":
			k, err := enumIndex("Neighbors")
			if err != nil {
				return 0, err
			}
			return b.node(air.Node{Op: air.OpNeighbor, A: k}), nil
		case "periodic_columns":
			k, err := enumIndex("PeriodicColumns")
			if err != nil {
				return 0, err
			}
			return b.node(air.Node{Op: air.OpPeriodic, A: k}), nil
		}
		k, err := indexNum(idx)
		if err != nil {
			return 0, err
		}
		switch base.op {
		case "precomp_domains":
			if k >= len(b.domains) {
				return 0, fmt.Errorf("precomp_domains[%d] of %d", k, len(b.domains))
			}
			return b.domains[k], nil
		case "point_powers":
			return b.node(air.Node{Op: air.OpPointPower, A: uint32(k)}), nil
		case "shifts":
			return b.node(air.Node{Op: air.OpShift, A: uint32(k)}), nil
		case "random_coefficients":
			if k+1 > b.prog.NCoefficients {
				b.prog.NCoefficients = k + 1
			}
			return b.node(air.Node{Op: air.OpCoef, A: uint32(k)}), nil
		}
		return 0, fmt.Errorf("unknown array %s", base.op)
	}
	return 0, fmt.Errorf("unsupported expression %s", e)
}

// cleanStatement drops declaration noise: attributes, const, the value
// type and references.
func cleanStatement(st []token) []token {
	var out []token
	for i := 0; i < len(st); i++ {
		t := st[i]
		if t.kind == 'p' && t.text == "[[" {
			for i < len(st) && !(st[i].kind == 'p' && st[i].text == "]]") {
				i++
			}
			continue
		}
		if t.kind == 'i' && (t.text == "const" || t.text == "FieldElementT" || t.text == "auto") {
			continue
		}
		if t.kind == 'p' && t.text == "&" && len(out) == 0 {
			continue
		}
		out = append(out, t)
	}
	return out
}

// splitArgs splits tokens at top-level commas.
func splitArgs(toks []token) [][]token {
	var out [][]token
	var cur []token
	depth := 0
	for _, t := range toks {
		if t.kind == 'p' {
			switch t.text {
			case "(", "[", "{":
				depth++
			case ")", "]", "}":
				depth--
			case ",":
				if depth == 0 {
					out = append(out, cur)
					cur = nil
					continue
				}
			}
		}
		cur = append(cur, t)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// function lowers one of the generated functions. With domains, it is
// DomainEvalsAtPoint, whose return list becomes b.domains; otherwise it is
// ConstraintsEval, whose "res += FractionFieldElement(num, den)" lines become
// the program's fractions.
func (b *progBuilder) function(body []token, domains bool) error {
	b.locals = map[string]uint32{}
	for _, raw := range statements(body) {
		st := cleanStatement(raw)
		if len(st) == 0 {
			continue
		}
		first := st[0].text
		switch {
		case first == "ASSERT_VERIFIER" || first == "FractionFieldElement":
			continue
		case first == "if":
			if b.cond != 0 {
				return fmt.Errorf("nested if")
			}
			e, err := parseAll(st[1:])
			if err != nil {
				return err
			}
			k, err := b.condition(e)
			if err != nil {
				return err
			}
			b.cond = k + 1
		case first == "}":
			b.cond = 0
		case first == "return":
			if !domains {
				return nil
			}
			if len(st) < 3 || st[1].text != "{" || st[len(st)-1].text != "}" {
				return fmt.Errorf("unexpected return statement")
			}
			for _, a := range splitArgs(st[2 : len(st)-1]) {
				if len(a) != 1 {
					return fmt.Errorf("return list item")
				}
				n, ok := b.locals[a[0].text]
				if !ok {
					return fmt.Errorf("returned %q undefined", a[0].text)
				}
				b.domains = append(b.domains, n)
			}
			return nil
		case first == "res" && len(st) > 2 && st[1].text == "+=":
			i := 2
			for i < len(st) && st[i].text != "(" {
				i++
			}
			if i == len(st) || st[len(st)-1].text != ")" {
				return fmt.Errorf("unexpected res statement")
			}
			args := splitArgs(st[i+1 : len(st)-1])
			if len(args) != 2 {
				return fmt.Errorf("fraction with %d arguments", len(args))
			}
			num, err := b.lowerTokens(args[0])
			if err != nil {
				return err
			}
			den, err := b.lowerTokens(args[1])
			if err != nil {
				return err
			}
			b.prog.Fractions = append(b.prog.Fractions, air.Fraction{Num: num, Den: den, Cond: b.cond})
		case len(st) > 2 && st[0].kind == 'i' && (st[1].text == "=" || st[1].text == "+="):
			v, err := b.lowerTokens(st[2:])
			if err != nil {
				return fmt.Errorf("%s: %w", first, err)
			}
			if st[1].text == "+=" {
				old, ok := b.locals[first]
				if !ok {
					return fmt.Errorf("%s += before its definition", first)
				}
				if v, err = b.bin("+", old, v); err != nil {
					return err
				}
			}
			b.locals[first] = v
		default:
			return fmt.Errorf("unexpected statement starting %q", first)
		}
	}
	if domains {
		return fmt.Errorf("DomainEvalsAtPoint without return")
	}
	return fmt.Errorf("ConstraintsEval without return")
}

func (b *progBuilder) lowerTokens(toks []token) (uint32, error) {
	e, err := parseAll(toks)
	if err != nil {
		return 0, err
	}
	return b.lower(e)
}

// intBuilder lowers integer expressions (exponents, mask offsets).
type intBuilder struct {
	vars   map[string]uint64 // name -> variable index
	consts map[string]uint64 // enum members (column indices)
	// wrap lowers with Stone's uint64 semantics (+, -, * mod 2^64) and
	// allows the comparisons and IsPowerOfTwo of its assertions.
	wrap bool
}

func (ib *intBuilder) lower(e *expr) (air.IntExpr, error) {
	var out air.IntExpr
	var rec func(e *expr) (uint32, error)
	rec = func(e *expr) (uint32, error) {
		i := uint32(len(out))
		out = append(out, air.IntNode{})
		var n air.IntNode
		switch e.kind {
		case "num":
			if !e.num.IsUint64() {
				return 0, fmt.Errorf("integer %s too large", e.num)
			}
			n = air.IntNode{Op: air.IntConst, K: e.num.Uint64()}
		case "id":
			if c, ok := ib.consts[e.op]; ok {
				n = air.IntNode{Op: air.IntConst, K: c}
				break
			}
			k, ok := ib.vars[e.op]
			if !ok {
				return 0, fmt.Errorf("unknown integer variable %q", e.op)
			}
			n = air.IntNode{Op: air.IntVar, K: k}
		case "call":
			switch {
			case e.op == "uint64_t" && len(e.args) == 1:
				out = out[:i]
				return rec(e.args[0])
			case e.op == "SafeDiv" && len(e.args) == 2:
				n.Op = air.IntDiv
			case e.op == "IsPowerOfTwo" && len(e.args) == 1 && ib.wrap:
				a, err := rec(e.args[0])
				if err != nil {
					return 0, err
				}
				out[i] = air.IntNode{Op: air.IntPow2, A: a}
				return i, nil
			default:
				return 0, fmt.Errorf("unknown integer function %s", e)
			}
			a, err := rec(e.args[0])
			if err != nil {
				return 0, err
			}
			b, err := rec(e.args[1])
			if err != nil {
				return 0, err
			}
			n.A, n.B = a, b
		case "bin":
			ops := map[string]air.IntOp{"+": air.IntAdd, "-": air.IntSub, "*": air.IntMul, "/": air.IntDiv, "!=": air.IntNe}
			if ib.wrap {
				ops = map[string]air.IntOp{"+": air.IntWrapAdd, "-": air.IntWrapSub, "*": air.IntWrapMul, "!=": air.IntNe, "==": air.IntEq, ">=": air.IntGe}
			}
			op, ok := ops[e.op]
			if !ok {
				return 0, fmt.Errorf("integer operator %q", e.op)
			}
			a, err := rec(e.args[0])
			if err != nil {
				return 0, err
			}
			b, err := rec(e.args[1])
			if err != nil {
				return 0, err
			}
			n = air.IntNode{Op: op, A: a, B: b}
		case "tern":
			var abc [3]uint32
			for j := range abc {
				x, err := rec(e.args[j])
				if err != nil {
					return 0, err
				}
				abc[j] = x
			}
			n = air.IntNode{Op: air.IntTernary, A: abc[0], B: abc[1], C: abc[2]}
		default:
			return 0, fmt.Errorf("unsupported integer expression %s", e)
		}
		out[i] = n
		return i, nil
	}
	if _, err := rec(e); err != nil {
		return nil, err
	}
	return out, nil
}

func (ib *intBuilder) lowerTokens(toks []token) (air.IntExpr, error) {
	e, err := parseAll(toks)
	if err != nil {
		return nil, err
	}
	return ib.lower(e)
}

// constInt evaluates an integer expression that needs no variables.
func constInt(ie air.IntExpr) (uint64, bool) {
	v, err := ie.Eval(nil)
	return v, err == nil
}

func itoa(i int) string { return strconv.Itoa(i) }
