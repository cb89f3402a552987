package program

import (
	"fmt"
	"math/big"
	"strings"
)

// Expr is a parsed reference expression, such as "[cast(fp + (-3), felt*)]".
type Expr interface{ exprNode() }

// RegExpr is the ap or fp register.
type RegExpr struct{ AP bool }

// IntExpr is an integer literal.
type IntExpr struct{ V *big.Int }

// DerefExpr is [X].
type DerefExpr struct{ X Expr }

// BinExpr is L op R with op one of + - * /.
type BinExpr struct {
	Op   byte
	L, R Expr
}

// NegExpr is -X.
type NegExpr struct{ X Expr }

// CastExpr is cast(X, Type).
type CastExpr struct {
	X    Expr
	Type string
}

// AddrExpr is &X.
type AddrExpr struct{ X Expr }

// TupleExpr is (A, B, ...), as in a cast of a constant struct value.
type TupleExpr struct{ Items []Expr }

func (RegExpr) exprNode()   {}
func (IntExpr) exprNode()   {}
func (DerefExpr) exprNode() {}
func (BinExpr) exprNode()   {}
func (NegExpr) exprNode()   {}
func (CastExpr) exprNode()  {}
func (AddrExpr) exprNode()  {}
func (TupleExpr) exprNode() {}

// TypeOf returns the Cairo type of an expression as a string ("felt",
// "felt*", "a.b.Struct", "a.b.Struct*"...).
func TypeOf(e Expr) string {
	switch x := e.(type) {
	case CastExpr:
		return x.Type
	case DerefExpr:
		t := TypeOf(x.X)
		if strings.HasSuffix(t, "*") {
			return t[:len(t)-1]
		}
		return "felt"
	case AddrExpr:
		return TypeOf(x.X) + "*"
	case BinExpr:
		if x.Op == '+' || x.Op == '-' {
			lt := TypeOf(x.L)
			if strings.HasSuffix(lt, "*") {
				return lt
			}
		}
	}
	return "felt"
}

// UsesAP reports whether an expression reads the ap register.
func UsesAP(e Expr) bool {
	switch x := e.(type) {
	case RegExpr:
		return x.AP
	case DerefExpr:
		return UsesAP(x.X)
	case BinExpr:
		return UsesAP(x.L) || UsesAP(x.R)
	case NegExpr:
		return UsesAP(x.X)
	case CastExpr:
		return UsesAP(x.X)
	case AddrExpr:
		return UsesAP(x.X)
	case TupleExpr:
		for _, it := range x.Items {
			if UsesAP(it) {
				return true
			}
		}
	}
	return false
}

type parser struct {
	s   string
	pos int
}

// ParseExpr parses a reference expression as cairo-lang writes them.
func ParseExpr(s string) (Expr, error) {
	p := &parser{s: s}
	e, err := p.expr()
	if err != nil {
		return nil, fmt.Errorf("reference %q: %w", s, err)
	}
	p.skip()
	if p.pos != len(p.s) {
		return nil, fmt.Errorf("reference %q: unexpected %q at %d", s, p.s[p.pos:], p.pos)
	}
	return e, nil
}

func (p *parser) skip() {
	for p.pos < len(p.s) && (p.s[p.pos] == ' ' || p.s[p.pos] == '\n' || p.s[p.pos] == '\t') {
		p.pos++
	}
}

func (p *parser) peek() byte {
	p.skip()
	if p.pos < len(p.s) {
		return p.s[p.pos]
	}
	return 0
}

func (p *parser) expect(c byte) error {
	if p.peek() != c {
		return fmt.Errorf("expected %q at %d", c, p.pos)
	}
	p.pos++
	return nil
}

func (p *parser) expr() (Expr, error) {
	l, err := p.term()
	if err != nil {
		return nil, err
	}
	for {
		c := p.peek()
		if c != '+' && c != '-' {
			return l, nil
		}
		p.pos++
		r, err := p.term()
		if err != nil {
			return nil, err
		}
		l = BinExpr{Op: c, L: l, R: r}
	}
}

func (p *parser) term() (Expr, error) {
	l, err := p.unary()
	if err != nil {
		return nil, err
	}
	for {
		c := p.peek()
		if c != '*' && c != '/' {
			return l, nil
		}
		p.pos++
		r, err := p.unary()
		if err != nil {
			return nil, err
		}
		l = BinExpr{Op: c, L: l, R: r}
	}
}

func (p *parser) unary() (Expr, error) {
	switch p.peek() {
	case '-':
		p.pos++
		x, err := p.unary()
		if err != nil {
			return nil, err
		}
		return NegExpr{x}, nil
	case '&':
		p.pos++
		x, err := p.unary()
		if err != nil {
			return nil, err
		}
		return AddrExpr{x}, nil
	}
	return p.atom()
}

func isIdent(c byte) bool {
	return c == '_' || c == '.' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

func (p *parser) atom() (Expr, error) {
	c := p.peek()
	switch {
	case c == '(':
		p.pos++
		e, err := p.tupleItem()
		if err != nil {
			return nil, err
		}
		if p.peek() != ',' {
			return e, p.expect(')')
		}
		items := []Expr{e}
		for p.peek() == ',' {
			p.pos++
			if p.peek() == ')' { // a trailing comma
				break
			}
			it, err := p.tupleItem()
			if err != nil {
				return nil, err
			}
			items = append(items, it)
		}
		return TupleExpr{items}, p.expect(')')
	case c == '[':
		p.pos++
		e, err := p.expr()
		if err != nil {
			return nil, err
		}
		return DerefExpr{e}, p.expect(']')
	case c >= '0' && c <= '9':
		start := p.pos
		for p.pos < len(p.s) && isIdent(p.s[p.pos]) {
			p.pos++
		}
		v, ok := new(big.Int).SetString(p.s[start:p.pos], 0)
		if !ok {
			return nil, fmt.Errorf("bad number %q", p.s[start:p.pos])
		}
		return IntExpr{v}, nil
	case isIdent(c):
		start := p.pos
		for p.pos < len(p.s) && isIdent(p.s[p.pos]) {
			p.pos++
		}
		word := p.s[start:p.pos]
		switch word {
		case "ap":
			return RegExpr{AP: true}, nil
		case "fp":
			return RegExpr{AP: false}, nil
		case "cast":
			if err := p.expect('('); err != nil {
				return nil, err
			}
			x, err := p.expr()
			if err != nil {
				return nil, err
			}
			if err := p.expect(','); err != nil {
				return nil, err
			}
			t, err := p.typeText()
			if err != nil {
				return nil, err
			}
			return CastExpr{X: x, Type: t}, nil
		}
		return nil, fmt.Errorf("unsupported identifier %q in a reference", word)
	}
	return nil, fmt.Errorf("unexpected character at %d", p.pos)
}

// tupleItem reads an expression, or a named tuple item "name=expr" (the
// name is dropped: struct members are positional).
func (p *parser) tupleItem() (Expr, error) {
	p.skip()
	i := p.pos
	for i < len(p.s) && isIdent(p.s[i]) && p.s[i] != '.' {
		i++
	}
	j := i
	for j < len(p.s) && (p.s[j] == ' ' || p.s[j] == '\n' || p.s[j] == '\t') {
		j++
	}
	if i > p.pos && j < len(p.s) && p.s[j] == '=' && (j+1 >= len(p.s) || p.s[j+1] != '=') {
		p.pos = j + 1
	}
	return p.expr()
}

// typeText reads a type up to the cast's closing parenthesis.
func (p *parser) typeText() (string, error) {
	p.skip()
	start, depth := p.pos, 0
	for p.pos < len(p.s) {
		switch p.s[p.pos] {
		case '(':
			depth++
		case ')':
			if depth == 0 {
				t := strings.TrimSpace(p.s[start:p.pos])
				p.pos++
				if t == "" {
					return "", fmt.Errorf("empty type in cast")
				}
				return t, nil
			}
			depth--
		}
		p.pos++
	}
	return "", fmt.Errorf("unterminated cast")
}
