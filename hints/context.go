package hints

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/cairn-vm/cairn/builtins"
	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/program"
	"github.com/cairn-vm/cairn/vm"
	"github.com/cairn-vm/cairn/vm/memory"
)

// Env is the state hints share across a run: cairo-lang's exec scopes and
// hint locals.
type Env struct {
	Program      *program.Program
	ProgramBase  memory.Ptr
	Scopes       []map[string]any
	ProgramInput map[string]any
	Builtins     map[string]builtins.Runner

	rcBound *big.Int // range_check_builtin.bound, once computed
}

// NewEnv returns an Env with the main scope holding program_input.
func NewEnv(p *program.Program, base memory.Ptr, input map[string]any, bs map[string]builtins.Runner) *Env {
	if input == nil {
		input = map[string]any{}
	}
	return &Env{Program: p, ProgramBase: base, ProgramInput: input, Builtins: bs,
		Scopes: []map[string]any{{"program_input": input}}}
}

// Context is what one hint execution sees.
type Context struct {
	VM   *vm.VM
	Mem  *memory.Memory
	Env  *Env
	Hint *Bound
}

// AP, FP and PC are the registers when the hint runs.
func (c *Context) AP() memory.Ptr { return c.VM.AP }
func (c *Context) FP() memory.Ptr { return c.VM.FP }
func (c *Context) PC() memory.Ptr { return c.VM.PC }

// Scope is the innermost exec scope.
func (c *Context) Scope() map[string]any { return c.Env.Scopes[len(c.Env.Scopes)-1] }

// EnterScope starts a new exec scope holding vars (vm_enter_scope).
func (c *Context) EnterScope(vars map[string]any) {
	s := make(map[string]any, len(vars))
	for k, v := range vars {
		s[k] = v
	}
	c.Env.Scopes = append(c.Env.Scopes, s)
}

// ExitScope ends the innermost exec scope (vm_exit_scope).
func (c *Context) ExitScope() error {
	if len(c.Env.Scopes) <= 1 {
		return assertf("Cannot exit main scope.")
	}
	c.Env.Scopes = c.Env.Scopes[:len(c.Env.Scopes)-1]
	return nil
}

// ScopeVar reads a variable of the innermost scope.
func (c *Context) ScopeVar(name string) (any, error) {
	v, ok := c.Scope()[name]
	if !ok {
		return nil, fmt.Errorf("name '%s' is not defined", name)
	}
	return v, nil
}

// RangeCheckBound is range_check_builtin.bound (2^128). The value is
// shared by every call of the run (computing it per hint would allocate):
// callers must not modify it.
func (c *Context) RangeCheckBound() (*big.Int, error) {
	if c.Env.rcBound != nil {
		return c.Env.rcBound, nil
	}
	rc, ok := c.Env.Builtins["range_check"]
	if !ok {
		return nil, fmt.Errorf("name 'range_check_builtin' is not defined")
	}
	r, ok := rc.(*builtins.RangeCheck)
	if !ok {
		return nil, fmt.Errorf("range_check_builtin is a %T, not a range check builtin", rc)
	}
	c.Env.rcBound = new(big.Int).Lsh(big.NewInt(1), uint(r.BoundLog()))
	return c.Env.rcBound, nil
}

// ref finds the reference an ids name denotes.
func (c *Context) ref(name string) (*program.Reference, bool) {
	r, ok := c.Hint.refs[name]
	return r, ok
}

// eval evaluates a reference expression as the hint sees it: ap-based
// parts are corrected by the ap tracking difference between the reference
// and the hint.
func (c *Context) eval(ref *program.Reference, e program.Expr) (memory.Value, error) {
	ap := c.VM.AP
	if program.UsesAP(ref.Expr) {
		h := c.Hint.flow.ApTracking
		if ref.ApTracking.Group != h.Group {
			return memory.Value{}, ErrApDeduction
		}
		var err error
		if ap, err = ap.Add(-int64(h.Offset - ref.ApTracking.Offset)); err != nil {
			return memory.Value{}, err
		}
	}
	return evalExpr(e, ap, c.VM.FP, c.Mem)
}

func evalExpr(e program.Expr, ap, fp memory.Ptr, m *memory.Memory) (memory.Value, error) {
	switch x := e.(type) {
	case program.RegExpr:
		if x.AP {
			return memory.FromPtr(ap), nil
		}
		return memory.FromPtr(fp), nil
	case program.IntExpr:
		return memory.FromFelt(felt.FromBigInt(x.V)), nil
	case program.CastExpr:
		return evalExpr(x.X, ap, fp, m)
	case program.NegExpr:
		v, err := evalExpr(x.X, ap, fp, m)
		if err != nil {
			return v, err
		}
		return memory.Mul(v, memory.FromFelt(felt.FromInt64(-1)))
	case program.DerefExpr:
		a, err := evalExpr(x.X, ap, fp, m)
		if err != nil {
			return a, err
		}
		p, ok := a.Ptr()
		if !ok {
			return memory.Value{}, fmt.Errorf("cannot dereference the felt %v", a)
		}
		return m.Read(p)
	case program.AddrExpr:
		d, ok := x.X.(program.DerefExpr)
		if !ok {
			return memory.Value{}, fmt.Errorf("cannot take the address of a non-memory expression")
		}
		return evalExpr(d.X, ap, fp, m)
	case program.BinExpr:
		l, err := evalExpr(x.L, ap, fp, m)
		if err != nil {
			return l, err
		}
		r, err := evalExpr(x.R, ap, fp, m)
		if err != nil {
			return r, err
		}
		switch x.Op {
		case '+':
			return memory.Add(l, r)
		case '-':
			return memory.Sub(l, r)
		case '*':
			return memory.Mul(l, r)
		case '/':
			lf, ok1 := l.Felt()
			rf, ok2 := r.Felt()
			if !ok1 || !ok2 {
				return memory.Value{}, &memory.PureValueError{Op: "/", Values: []memory.Value{l, r}}
			}
			q, err := lf.Div(rf)
			return memory.FromFelt(q), err
		}
	}
	return memory.Value{}, fmt.Errorf("unsupported reference expression %T", e)
}

func isStructType(t string) bool {
	return t != "felt" && !strings.HasSuffix(t, "*") && !strings.HasPrefix(t, "(")
}

// cell resolves an ids path ("x", "x.low", "p.a.b") to either a value (for
// a plain felt or pointer reference) or the address of the memory cell
// that holds it.
func (c *Context) cell(path string) (addr memory.Ptr, hasAddr bool, val memory.Value, typ string, err error) {
	name, rest, _ := strings.Cut(path, ".")
	ref, ok := c.ref(name)
	if !ok {
		return addr, false, val, "", &IdentifierError{Name: path}
	}
	typ = program.TypeOf(ref.Expr)
	addrOf := func() (memory.Ptr, error) {
		d, ok := ref.Expr.(program.DerefExpr)
		if !ok {
			return memory.Ptr{}, fmt.Errorf("ids.%s is not a memory reference", name)
		}
		v, err := c.eval(ref, d.X)
		if err != nil {
			return memory.Ptr{}, err
		}
		p, ok := v.Ptr()
		if !ok {
			return memory.Ptr{}, fmt.Errorf("ids.%s has a non-pointer address %v", name, v)
		}
		return p, nil
	}
	if rest == "" {
		if _, ok := ref.Expr.(program.DerefExpr); ok {
			a, err := addrOf()
			if err != nil {
				return addr, false, val, typ, &IdentifierError{Name: path, Err: err}
			}
			return a, true, val, typ, nil
		}
		v, err := c.eval(ref, ref.Expr)
		if err != nil {
			return addr, false, val, typ, &IdentifierError{Name: path, Err: err}
		}
		return addr, false, v, typ, nil
	}
	// Struct member access: find the struct's base address.
	var base memory.Ptr
	switch {
	case strings.HasSuffix(typ, "*"):
		v, err := c.eval(ref, ref.Expr)
		if err != nil {
			return addr, false, val, typ, &IdentifierError{Name: path, Err: err}
		}
		p, ok := v.Ptr()
		if !ok {
			return addr, false, val, typ, &IdentifierError{Name: path, Err: fmt.Errorf("not a pointer: %v", v)}
		}
		base, typ = p, typ[:len(typ)-1]
	case isStructType(typ):
		if base, err = addrOf(); err != nil {
			return addr, false, val, typ, &IdentifierError{Name: path, Err: err}
		}
	default:
		return addr, false, val, typ, &IdentifierError{Name: path, Err: fmt.Errorf("%s has no members", typ)}
	}
	// The members are walked with strings.Cut: a hint's ids lookups then
	// allocate nothing.
	for rest != "" {
		m, next, more := strings.Cut(rest, ".")
		rest = next
		if m == "address_" && !more {
			return addr, false, memory.FromPtr(base), typ + "*", nil
		}
		st, _, ok := c.Env.Program.Get(typ)
		if !ok || st.Type != "struct" {
			return addr, false, val, typ, &IdentifierError{Name: path, Err: fmt.Errorf("unknown struct %s", typ)}
		}
		mem, ok := st.Members[m]
		if !ok {
			return addr, false, val, typ, &IdentifierError{Name: path, Err: fmt.Errorf("%s has no member %s", typ, m)}
		}
		at := base.AddUint(uint64(mem.Offset))
		typ = mem.CairoType
		if !more {
			return at, true, val, typ, nil
		}
		if strings.HasSuffix(typ, "*") {
			v, err := c.Mem.Read(at)
			if err != nil {
				return addr, false, val, typ, &IdentifierError{Name: path, Err: err}
			}
			p, ok := v.Ptr()
			if !ok {
				return addr, false, val, typ, &IdentifierError{Name: path, Err: fmt.Errorf("not a pointer: %v", v)}
			}
			base, typ = p, typ[:len(typ)-1]
		} else {
			base = at
		}
	}
	return addr, false, val, typ, nil
}

// Get returns the value of ids.<path> (a felt or a pointer).
func (c *Context) Get(path string) (memory.Value, error) {
	addr, hasAddr, v, typ, err := c.cell(path)
	if err != nil {
		return v, err
	}
	if !hasAddr {
		return v, nil
	}
	if isStructType(typ) {
		return memory.Value{}, &IdentifierError{Name: path, Err: fmt.Errorf("is a struct of type %s; use its members", typ)}
	}
	return c.Mem.Read(addr)
}

// Felt returns ids.<path> as a felt.
func (c *Context) Felt(path string) (felt.Felt, error) {
	v, err := c.Get(path)
	if err != nil {
		return felt.Felt{}, err
	}
	f, ok := v.Felt()
	if !ok {
		return felt.Felt{}, assertf("Expected integer, found: %v.", v)
	}
	return f, nil
}

// Int returns ids.<path> as its canonical integer in [0, p) — what a
// Python hint sees. Pointers are an error (assert_integer).
func (c *Context) Int(path string) (*big.Int, error) {
	f, err := c.Felt(path)
	if err != nil {
		return nil, err
	}
	return f.BigInt(), nil
}

// Ptr returns ids.<path> as a pointer.
func (c *Context) Ptr(path string) (memory.Ptr, error) {
	v, err := c.Get(path)
	if err != nil {
		return memory.Ptr{}, err
	}
	p, ok := v.Ptr()
	if !ok {
		return memory.Ptr{}, fmt.Errorf("ids.%s: expected a pointer, found %v", path, v)
	}
	return p, nil
}

// Addr returns the address of ids.<path> (Python's ids.x.address_ or the
// cell a [..] reference names).
func (c *Context) Addr(path string) (memory.Ptr, error) {
	addr, hasAddr, _, _, err := c.cell(path)
	if err != nil {
		return addr, err
	}
	if !hasAddr {
		return addr, &IdentifierError{Name: path, Err: fmt.Errorf("is not stored in memory")}
	}
	return addr, nil
}

// Set writes ids.<path> = v.
func (c *Context) Set(path string, v memory.Value) error {
	addr, err := c.Addr(path)
	if err != nil {
		return err
	}
	return c.Mem.Set(addr, v)
}

// SetFelt writes a felt to ids.<path>.
func (c *Context) SetFelt(path string, f felt.Felt) error { return c.Set(path, memory.FromFelt(f)) }

// SetInt writes an integer (reduced mod p) to ids.<path>.
func (c *Context) SetInt(path string, v *big.Int) error { return c.SetFelt(path, felt.FromBigInt(v)) }

// Const returns the value of a constant the hint sees (ids.SHIFT...).
func (c *Context) Const(name string) (*big.Int, error) {
	id, _, ok := c.Env.Program.Search(c.Hint.Scopes, name)
	if !ok || id.Const == nil {
		if ok && id.Type == "struct" && id.Size != nil {
			return big.NewInt(int64(*id.Size)), nil
		}
		return nil, &IdentifierError{Name: name}
	}
	return new(big.Int).Set(id.Const), nil
}

// SetAP writes memory[ap + off] = v.
func (c *Context) SetAP(off int64, v memory.Value) error {
	p, err := c.VM.AP.Add(off)
	if err != nil {
		return err
	}
	return c.Mem.Set(p, v)
}

// Eval evaluates a reference expression with the given registers.
func Eval(e program.Expr, ap, fp memory.Ptr, m *memory.Memory) (memory.Value, error) {
	return evalExpr(e, ap, fp, m)
}
