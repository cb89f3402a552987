package main

import (
	"fmt"
	"math/big"
	"strings"
)

// The generator reads Stone's machine-written C++ (cpu_air_definition*.inl),
// which uses a small, fully parenthesized expression language. This file
// tokenizes it and parses expressions into a tree; lower.go turns trees into
// the runtime tables.

type token struct {
	kind byte // 'i' identifier, 'n' number, 'p' punctuation, 's' string
	text string
}

func tokenize(src string) ([]token, error) {
	var out []token
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case strings.HasPrefix(src[i:], "//"):
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case strings.HasPrefix(src[i:], "/*"):
			j := strings.Index(src[i+2:], "*/")
			if j < 0 {
				return nil, fmt.Errorf("unterminated comment")
			}
			i += j + 4
		case c == '"':
			j := strings.IndexByte(src[i+1:], '"')
			if j < 0 {
				return nil, fmt.Errorf("unterminated string")
			}
			out = append(out, token{'s', src[i+1 : i+1+j]})
			i += j + 2
		case isIdentStart(c):
			j := i
			for j < len(src) && (isIdentStart(src[j]) || isDigit(src[j]) || (src[j] == ':' && j+1 < len(src) && src[j+1] == ':')) {
				if src[j] == ':' {
					j += 2
				} else {
					j++
				}
			}
			out = append(out, token{'i', src[i:j]})
			i = j
		case isDigit(c):
			j := i
			for j < len(src) && (isDigit(src[j]) || isIdentStart(src[j])) {
				j++
			}
			out = append(out, token{'n', src[i:j]})
			i = j
		default:
			two := ""
			if i+1 < len(src) {
				two = src[i : i+2]
			}
			switch two {
			case "+=", "==", "!=", "<=", ">=", "&&", "||", "[[", "]]":
				out = append(out, token{'p', two})
				i += 2
				continue
			}
			out = append(out, token{'p', string(c)})
			i++
		}
	}
	return out, nil
}

func isIdentStart(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// parseNumber reads a C++ literal: decimal, 0x hex, with an optional _Z
// (BigInt) suffix.
func parseNumber(s string) (*big.Int, error) {
	s = strings.TrimSuffix(s, "_Z")
	v, ok := new(big.Int).SetString(s, 0)
	if !ok {
		return nil, fmt.Errorf("bad number %q", s)
	}
	return v, nil
}

// expr is a parsed expression.
type expr struct {
	kind string // num, id, bin, call, index, member, neg, tern
	op   string // bin operator, call name, member field, id name
	num  *big.Int
	args []*expr
}

func (e *expr) String() string {
	switch e.kind {
	case "num":
		return e.num.String()
	case "id":
		return e.op
	case "bin":
		return "(" + e.args[0].String() + e.op + e.args[1].String() + ")"
	case "neg":
		return "-(" + e.args[0].String() + ")"
	case "member":
		return e.args[0].String() + "." + e.op
	case "index":
		return e.args[0].String() + "[" + e.args[1].String() + "]"
	case "tern":
		return "(" + e.args[0].String() + "?" + e.args[1].String() + ":" + e.args[2].String() + ")"
	case "call":
		var s []string
		for _, a := range e.args {
			s = append(s, a.String())
		}
		return e.op + "(" + strings.Join(s, ",") + ")"
	}
	return "?"
}

type parser struct {
	toks []token
	pos  int
}

func (p *parser) peek() token {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return token{}
}

func (p *parser) next() token {
	t := p.peek()
	p.pos++
	return t
}

func (p *parser) is(text string) bool { t := p.peek(); return t.kind == 'p' && t.text == text }

func (p *parser) expect(text string) error {
	if !p.is(text) {
		return fmt.Errorf("expected %q, found %q", text, p.peek().text)
	}
	p.pos++
	return nil
}

func (p *parser) done() bool { return p.pos >= len(p.toks) }

// parseExpr parses a ternary expression.
func (p *parser) parseExpr() (*expr, error) {
	c, err := p.parseCmp()
	if err != nil {
		return nil, err
	}
	if p.is("?") {
		p.pos++
		a, err := p.parseExpr()
		if err != nil {
			return nil, err
		}
		if err := p.expect(":"); err != nil {
			return nil, err
		}
		b, err := p.parseExpr()
		if err != nil {
			return nil, err
		}
		return &expr{kind: "tern", args: []*expr{c, a, b}}, nil
	}
	return c, nil
}

func (p *parser) parseCmp() (*expr, error) {
	a, err := p.parseAdd()
	if err != nil {
		return nil, err
	}
	for p.is("==") || p.is("!=") || p.is("<") || p.is(">") || p.is("<=") || p.is(">=") || p.is("&&") || p.is("||") {
		op := p.next().text
		b, err := p.parseAdd()
		if err != nil {
			return nil, err
		}
		a = &expr{kind: "bin", op: op, args: []*expr{a, b}}
	}
	return a, nil
}

func (p *parser) parseAdd() (*expr, error) {
	a, err := p.parseMul()
	if err != nil {
		return nil, err
	}
	for p.is("+") || p.is("-") {
		op := p.next().text
		b, err := p.parseMul()
		if err != nil {
			return nil, err
		}
		a = &expr{kind: "bin", op: op, args: []*expr{a, b}}
	}
	return a, nil
}

func (p *parser) parseMul() (*expr, error) {
	a, err := p.parseUnary()
	if err != nil {
		return nil, err
	}
	for p.is("*") || p.is("/") || p.is("%") {
		op := p.next().text
		b, err := p.parseUnary()
		if err != nil {
			return nil, err
		}
		a = &expr{kind: "bin", op: op, args: []*expr{a, b}}
	}
	return a, nil
}

func (p *parser) parseUnary() (*expr, error) {
	if p.is("-") {
		p.pos++
		a, err := p.parseUnary()
		if err != nil {
			return nil, err
		}
		return &expr{kind: "neg", args: []*expr{a}}, nil
	}
	return p.parsePostfix()
}

func (p *parser) parsePostfix() (*expr, error) {
	a, err := p.parsePrimary()
	if err != nil {
		return nil, err
	}
	for {
		switch {
		case p.is("."):
			p.pos++
			t := p.next()
			if t.kind != 'i' {
				return nil, fmt.Errorf("member name expected, found %q", t.text)
			}
			a = &expr{kind: "member", op: t.text, args: []*expr{a}}
		case p.is("["):
			p.pos++
			i, err := p.parseExpr()
			if err != nil {
				return nil, err
			}
			if err := p.expect("]"); err != nil {
				return nil, err
			}
			a = &expr{kind: "index", args: []*expr{a, i}}
		case p.is("(") && a.kind == "id":
			p.pos++
			var args []*expr
			for !p.is(")") {
				x, err := p.parseExpr()
				if err != nil {
					return nil, err
				}
				args = append(args, x)
				if p.is(",") {
					p.pos++
				}
			}
			p.pos++
			a = &expr{kind: "call", op: a.op, args: args}
		default:
			return a, nil
		}
	}
}

func (p *parser) parsePrimary() (*expr, error) {
	t := p.next()
	switch {
	case t.kind == 'n':
		v, err := parseNumber(t.text)
		if err != nil {
			return nil, err
		}
		return &expr{kind: "num", num: v}, nil
	case t.kind == 'i':
		return &expr{kind: "id", op: t.text}, nil
	case t.kind == 'p' && t.text == "(":
		e, err := p.parseExpr()
		if err != nil {
			return nil, err
		}
		return e, p.expect(")")
	}
	return nil, fmt.Errorf("unexpected %q", t.text)
}

// parseAll parses toks as exactly one expression.
func parseAll(toks []token) (*expr, error) {
	p := &parser{toks: toks}
	e, err := p.parseExpr()
	if err != nil {
		return nil, err
	}
	if !p.done() {
		return nil, fmt.Errorf("trailing %q after %s", p.peek().text, e)
	}
	return e, nil
}

// functionBody returns the tokens between the braces of the function whose
// definition contains sig (for example "::ConstraintsEval(").
func functionBody(src, sig string) ([]token, error) {
	i := strings.Index(src, sig)
	if i < 0 {
		return nil, fmt.Errorf("%s not found", sig)
	}
	// The body opens at the first "{" after the parameter list closes.
	depth := 0
	j := i + strings.Index(src[i:], "(")
	for ; j < len(src); j++ {
		if src[j] == '(' {
			depth++
		} else if src[j] == ')' {
			depth--
			if depth == 0 {
				break
			}
		}
	}
	k := j + strings.IndexByte(src[j:], '{')
	depth = 0
	end := k
	for ; end < len(src); end++ {
		if src[end] == '{' {
			depth++
		} else if src[end] == '}' {
			depth--
			if depth == 0 {
				break
			}
		}
	}
	return tokenize(src[k+1 : end])
}

// statements splits a body into statements at ";", dropping the braces of
// blocks (the generated code uses blocks only for scoping) but keeping
// braces inside a statement (return {a, b}; and initializer lists).
//
// "if (cond) {" becomes a statement of its own ("if" and the condition),
// and its closing brace a statement "}".
func statements(toks []token) [][]token {
	var out [][]token
	var cur []token
	var blocks []bool // true for an if block
	paren := 0
	for _, t := range toks {
		if t.kind == 'p' {
			switch t.text {
			case "(", "[":
				paren++
			case ")", "]":
				paren--
			case "{":
				if paren == 0 && len(cur) == 0 {
					blocks = append(blocks, false)
					continue
				}
				if paren == 0 && cur[0].text == "if" {
					out = append(out, cur)
					cur = nil
					blocks = append(blocks, true)
					continue
				}
			case "}":
				if paren == 0 && len(cur) == 0 && len(blocks) > 0 {
					if blocks[len(blocks)-1] {
						out = append(out, []token{t})
					}
					blocks = blocks[:len(blocks)-1]
					continue
				}
			case ";":
				if paren == 0 {
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
