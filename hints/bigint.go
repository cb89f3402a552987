package hints

import (
	"fmt"
	"math/big"
	"strings"
)

// The hints of common/cairo_secp/bigint.cairo (nondet_bigint3,
// bigint_to_uint256) and of the ec_bigint whitelist, and the Python-integer
// helpers the bigint, secp, uint256/384/512/768 and ed25519 hint families
// share: secp_utils.pack and split, math_utils.div_mod, safe_div,
// line_slope, ec_double_slope, is_quad_residue, sqrt, and the exec-scope
// variables (Python locals) those hints leave for later hints.
//
// In the exec scope (Context.Scope), Python ints are *big.Int (never
// mutated once stored), Python bools Go bools, imported or hint-defined
// functions pyFunc (so that a hint calling pack or safe_div without
// importing it fails with NameError as in cairo-lang), secp_utils' Curve
// objects *curveParams, and ec_mul_by_uint256's nibbles a *[]*big.Int.

// PythonError is a Python exception other than AssertionError that a hint
// raises: Type is the class as the last line of cairo-run's traceback names
// it ("ZeroDivisionError", "NameError",
// "starkware.python.math_utils.NotOnCurveException"), and Error() is that
// line.
type PythonError struct{ Type, Msg string }

func (e *PythonError) Error() string { return e.Type + ": " + e.Msg }

// pyErr returns a *PythonError.
func pyErr(kind, format string, args ...any) error {
	return &PythonError{Type: kind, Msg: fmt.Sprintf(format, args...)}
}

func nameError(name string) error { return pyErr("NameError", "name '%s' is not defined", name) }

var errZeroDivision = pyErr("ZeroDivisionError", "integer division or modulo by zero")

// scopeInt reads a Python int that an earlier hint left in the exec scope.
func scopeInt(c *Context, name string) (*big.Int, error) {
	v, ok := c.Scope()[name]
	if !ok {
		return nil, nameError(name)
	}
	switch x := v.(type) {
	case *big.Int:
		return x, nil
	case int:
		return big.NewInt(int64(x)), nil
	case bool:
		return boolInt(x), nil
	}
	return nil, pyErr("TypeError", "'%s' is not an integer (%T)", name, v)
}

// setScope binds Python locals to an int (a = b = v binds both). The
// stored value is never mutated afterwards.
func setScope(c *Context, v *big.Int, names ...string) {
	s := c.Scope()
	for _, n := range names {
		s[n] = v
	}
}

// curveParams is secp_utils.Curve (SECP256R1 is imported into the scope as
// this).
type curveParams struct{ Prime, Alpha, Beta, Order *big.Int }

func scopeCurve(c *Context, name string) (*curveParams, error) {
	v, ok := c.Scope()[name]
	if !ok {
		return nil, nameError(name)
	}
	cp, ok := v.(*curveParams)
	if !ok {
		return nil, pyErr("AttributeError", "'%T' object has no attribute 'prime'", v)
	}
	return cp, nil
}

// ids reads several ids.<path> values as canonical integers, in order.
func idsInts(c *Context, paths ...string) ([]*big.Int, error) {
	out := make([]*big.Int, len(paths))
	for i, p := range paths {
		v, err := c.Int(p)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// pyMod is Python's a % m: the sign of m.
func pyMod(a, m *big.Int) (*big.Int, error) {
	if m.Sign() == 0 {
		return nil, pyErr("ZeroDivisionError", "integer modulo by zero")
	}
	r := new(big.Int).Mod(a, m) // in [0, |m|)
	if m.Sign() < 0 && r.Sign() != 0 {
		r.Add(r, m)
	}
	return r, nil
}

// pyFloorDiv is Python's a // m.
func pyFloorDiv(a, m *big.Int) (*big.Int, error) {
	if m.Sign() == 0 {
		return nil, errZeroDivision
	}
	q, r := new(big.Int).QuoRem(a, m, new(big.Int))
	if r.Sign() != 0 && (r.Sign() < 0) != (m.Sign() < 0) {
		q.Sub(q, big1(1))
	}
	return q, nil
}

// pyDivMod is Python's divmod(a, m).
func pyDivMod(a, m *big.Int) (q, r *big.Int, err error) {
	if q, err = pyFloorDiv(a, m); err != nil {
		return nil, nil, err
	}
	r = new(big.Int).Sub(a, new(big.Int).Mul(q, m))
	return q, r, nil
}

// pyPowMod is Python's pow(b, e, m) for e >= 0 and m > 0.
func pyPowMod(b, e, m *big.Int) (*big.Int, error) {
	if m.Sign() == 0 {
		return nil, pyErr("ValueError", "pow() 3rd argument cannot be 0")
	}
	if m.Cmp(big1(1)) == 0 {
		return big1(0), nil
	}
	base := new(big.Int).Mod(b, m)
	if e.Sign() < 0 {
		inv := new(big.Int).ModInverse(base, m)
		if inv == nil {
			return nil, pyErr("ValueError", "base is not invertible for the given modulus")
		}
		return new(big.Int).Exp(inv, new(big.Int).Neg(e), m), nil
	}
	return new(big.Int).Exp(base, e, m), nil
}

// divMod is math_utils.div_mod(n, m, p): the x in [0, p) with m*x = n
// (mod p); igcdex's gcd must be 1 (a bare assert).
func divMod(n, m, p *big.Int) (*big.Int, error) {
	if p.Sign() <= 0 {
		return nil, assertf("")
	}
	mm := new(big.Int).Mod(m, p)
	if new(big.Int).GCD(nil, nil, mm, p).Cmp(big1(1)) != 0 {
		// gcd(0, 1) = 1: every residue mod 1 is 0.
		if p.Cmp(big1(1)) == 0 {
			return big1(0), nil
		}
		return nil, assertf("")
	}
	inv := new(big.Int).ModInverse(mm, p)
	r := new(big.Int).Mul(n, inv)
	return r.Mod(r, p), nil
}

// safeDiv is math_utils.safe_div(x, y).
func safeDiv(x, y *big.Int) (*big.Int, error) {
	if y.Sign() == 0 {
		return nil, assertf("")
	}
	q, r, err := pyDivMod(x, y)
	if err != nil {
		return nil, err
	}
	if r.Sign() != 0 {
		return nil, assertf("%v is not divisible by %v.", x, y)
	}
	return q, nil
}

// lineSlope is math_utils.line_slope((x0, y0), (x1, y1), p).
func lineSlope(x0, y0, x1, y1, p *big.Int) (*big.Int, error) {
	dx, err := pyMod(new(big.Int).Sub(x0, x1), p)
	if err != nil {
		return nil, err
	}
	if dx.Sign() == 0 {
		return nil, assertf("")
	}
	return divMod(new(big.Int).Sub(y0, y1), new(big.Int).Sub(x0, x1), p)
}

// ecDoubleSlope is math_utils.ec_double_slope((x, y), alpha, p).
func ecDoubleSlope(x, y, alpha, p *big.Int) (*big.Int, error) {
	ym, err := pyMod(y, p)
	if err != nil {
		return nil, err
	}
	if ym.Sign() == 0 {
		return nil, assertf("")
	}
	n := new(big.Int).Mul(x, x)
	n.Mul(n, big1(3)).Add(n, alpha)
	return divMod(n, new(big.Int).Lsh(y, 1), p)
}

// isQuadResidue is math_utils.is_quad_residue (sympy's) for a prime p:
// 0 and 1 are residues; otherwise Euler's criterion.
func isQuadResidue(n, p *big.Int) (bool, error) {
	if p.Sign() <= 0 {
		return false, pyErr("ValueError", "p must be > 0")
	}
	a := new(big.Int).Mod(n, p)
	if a.Cmp(big1(2)) < 0 || p.Cmp(big1(3)) < 0 {
		return true, nil
	}
	if !p.ProbablyPrime(20) {
		return false, fmt.Errorf("is_quad_residue: composite modulus %v is not supported", p)
	}
	e := new(big.Int).Rsh(new(big.Int).Sub(p, big1(1)), 1)
	return new(big.Int).Exp(a, e, p).Cmp(big1(1)) == 0, nil
}

// modSqrt is math_utils.sqrt(n, p) for a prime p: the smaller square root
// of n mod p (n must be a residue, as the hints check first).
func modSqrt(n, p *big.Int) (*big.Int, error) {
	a := new(big.Int).Mod(n, p)
	if a.Sign() == 0 || p.Cmp(big1(2)) == 0 {
		return a, nil
	}
	if !p.ProbablyPrime(20) {
		return nil, fmt.Errorf("sqrt: composite modulus %v is not supported", p)
	}
	r := new(big.Int).ModSqrt(a, p)
	if r == nil {
		return nil, pyErr("ValueError", "min() arg is an empty sequence")
	}
	if o := new(big.Int).Sub(p, r); o.Cmp(r) < 0 {
		r = o
	}
	return r, nil
}

func hexBig(s string) *big.Int {
	v, ok := new(big.Int).SetString(strings.TrimPrefix(s, "0x"), 16)
	if !ok {
		panic("hints: bad constant " + s)
	}
	return v
}

func init() {
	// nondet_bigint3 (cairo_secp/bigint.cairo and secp256r1/bigint.cairo):
	// the scope's value, split into three limbs at ids.res.
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import split

        segments.write_arg(ids.res.address_, split(value))
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "split")
		v, err := scopeInt(c, "value")
		if err != nil {
			return err
		}
		limbs, err := secpSplit(v)
		if err != nil {
			return err
		}
		at, err := c.Get("res.address_")
		if err != nil {
			return err
		}
		p, ok := at.Ptr()
		if !ok {
			return fmt.Errorf("ids.res.address_ is not a pointer: %v", at)
		}
		return writeArg(c, p, limbs)
	})

	// bigint_to_uint256.
	register(`ids.low = (ids.x.d0 + ids.x.d1 * ids.BASE) & ((1 << 128) - 1)`, func(c *Context) error {
		x, err := idsInts(c, "x.d0", "x.d1")
		if err != nil {
			return err
		}
		base, err := c.Const("BASE")
		if err != nil {
			return err
		}
		v := new(big.Int).Mul(x[1], base)
		return c.SetInt("low", u256.split(v.Add(v, x[0]))[0])
	})

	// ec_bigint whitelist: bigint_div_mod of a five-limb x by y modulo P.
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        from starkware.cairo.common.math_utils import as_int
        from starkware.python.math_utils import div_mod, safe_div

        p = pack(ids.P, PRIME)
        x = pack(ids.x, PRIME) + as_int(ids.x.d3, PRIME) * ids.BASE ** 3 + as_int(ids.x.d4, PRIME) * ids.BASE ** 4
        y = pack(ids.y, PRIME)

        value = res = div_mod(x, y, p)
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "pack")
		pyFrom(c, modCairoMath, "as_int")
		pyFrom(c, modMathUtils, "div_mod", "safe_div")
		p, err := secpPack(c, "P")
		if err != nil {
			return err
		}
		x, err := secpPack(c, "x")
		if err != nil {
			return err
		}
		hi, err := idsInts(c, "x.d3", "x.d4")
		if err != nil {
			return err
		}
		base, err := c.Const("BASE")
		if err != nil {
			return err
		}
		b3 := new(big.Int).Exp(base, big1(3), nil)
		x.Add(x, new(big.Int).Mul(asInt(hi[0]), b3))
		x.Add(x, new(big.Int).Mul(asInt(hi[1]), b3.Mul(b3, base)))
		y, err := secpPack(c, "y")
		if err != nil {
			return err
		}
		setScope(c, p, "p")
		setScope(c, x, "x")
		setScope(c, y, "y")
		res, err := divMod(x, y, p)
		if err != nil {
			return err
		}
		setScope(c, res, "value", "res")
		return nil
	})
	register(`
        k = safe_div(res * y - x, p)
        value = k if k > 0 else 0 - k
        ids.flag = 1 if k > 0 else 0
    `, func(c *Context) error {
		k, err := safeDivResidue(c, "y", "x", "p")
		if err != nil {
			return err
		}
		setScope(c, k, "k")
		setScope(c, new(big.Int).Abs(k), "value")
		return c.SetInt("flag", boolInt(k.Sign() > 0))
	})
}

// scopeInts reads several scope ints, in order.
func scopeInts(c *Context, names ...string) ([]*big.Int, error) {
	out := make([]*big.Int, len(names))
	for i, n := range names {
		v, err := scopeInt(c, n)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}
