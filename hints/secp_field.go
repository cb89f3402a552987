package hints

import (
	"fmt"
	"math/big"
	"strings"
)

// The hints of common/cairo_secp/field.cairo and common/secp256r1/field.cairo
// (verify_zero, is_zero, reduce, assert_165_bit) and their cairo_secp
// whitelist variants, with the curve constants of secp_utils.py and
// secp256r1_utils.py and the imports those hints bind in the exec scope.

var (
	// secp_utils.SECP_P, N, ALPHA, BETA.
	secpP    = new(big.Int).Sub(pow2(256), new(big.Int).SetUint64(1<<32+977))
	secpN    = hexBig("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141")
	secpBeta = big1(7)
	// secp256r1_utils.
	r1P     = hexBig("FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF")
	r1N     = hexBig("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551")
	r1Alpha = hexBig("FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFC")
	r1Beta  = hexBig("5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B")

	secp256k1 = &curveParams{Prime: secpP, Alpha: big1(0), Beta: secpBeta, Order: secpN}
	secp256r1 = &curveParams{Prime: r1P, Alpha: r1Alpha, Beta: r1Beta, Order: r1N}
)

// pyFunc is a Python function an import or a def bound in the exec scope,
// by qualified name. Hints that call a function they did not import (pack,
// safe_div...) find it there, as in cairo-lang.
type pyFunc string

const (
	modSecpUtils = "starkware.cairo.common.cairo_secp.secp_utils"
	modR1Utils   = "starkware.cairo.common.cairo_secp.secp256r1_utils"
	modMathUtils = "starkware.python.math_utils"
	modCairoMath = "starkware.cairo.common.math_utils"
)

// pyModules holds what the hints import.
var pyModules = map[string]map[string]any{
	modSecpUtils: {
		"BASE": secpBase, "SECP_P": secpP, "N": secpN, "ALPHA": big1(0), "BETA": secpBeta,
		"SECP256K1": secp256k1, "SECP256R1": secp256r1, "SECP256R1_P": r1P, "SECP256R1_N": r1N,
		"SECP256R1_ALPHA": r1Alpha, "SECP256R1_BETA": r1Beta,
		"pack": pyFunc(modSecpUtils + ".pack"), "split": pyFunc(modSecpUtils + ".split"),
	},
	modR1Utils: {
		"SECP256R1_P": r1P, "SECP256R1_N": r1N, "SECP256R1_ALPHA": r1Alpha, "SECP256R1_BETA": r1Beta,
	},
	modCairoMath: {"as_int": pyFunc(modCairoMath + ".as_int"), "assert_integer": pyFunc(modCairoMath + ".assert_integer")},
	modMathUtils: {
		"div_mod": pyFunc(modMathUtils + ".div_mod"), "safe_div": pyFunc(modMathUtils + ".safe_div"),
		"line_slope": pyFunc(modMathUtils + ".line_slope"), "ec_double_slope": pyFunc(modMathUtils + ".ec_double_slope"),
		"isqrt": pyFunc(modMathUtils + ".isqrt"), "is_quad_residue": pyFunc(modMathUtils + ".is_quad_residue"),
		"sqrt": pyFunc(modMathUtils + ".sqrt"), "y_squared_from_x": pyFunc(modMathUtils + ".y_squared_from_x"),
		"recover_y": pyFunc(modMathUtils + ".recover_y"),
	},
}

// pyFrom is "from <module> import a, b as c": it binds the names in the
// exec scope.
func pyFrom(c *Context, module string, names ...string) {
	m := pyModules[module]
	s := c.Scope()
	for _, n := range names {
		name, alias, ok := strings.Cut(n, " as ")
		if !ok {
			alias = name
		}
		v, ok := m[name]
		if !ok {
			panic(fmt.Sprintf("hints: %s has no %s", module, name))
		}
		s[alias] = v
	}
}

// needFunc checks that the scope's <name> is the function module.<name>
// (bound by an earlier import).
func needFunc(c *Context, name, module string) error {
	v, ok := c.Scope()[name]
	if !ok {
		return nameError(name)
	}
	if v != pyFunc(module+"."+name) {
		return fmt.Errorf("%s in the exec scope is not %s.%s (%v); Cairn implements only the library's", name, module, name, v)
	}
	return nil
}

// verifyZero: q, r = divmod(pack(ids.val, PRIME), <p>); assert r == 0; ids.q = q % PRIME,
// the prime read from the scope variable p (an import binds it there).
func verifyZero(c *Context, p string) error {
	val, err := secpPack(c, "val")
	if err != nil {
		return err
	}
	pv, err := scopeInt(c, p)
	if err != nil {
		return err
	}
	q, r, err := pyDivMod(val, pv)
	if err != nil {
		return err
	}
	setScope(c, q, "q")
	setScope(c, r, "r")
	if r.Sign() != 0 {
		d, err := bigint3.values(c, "val")
		if err != nil {
			return err
		}
		return assertf("verify_zero: Invalid input (%v, %v, %v).", d[0], d[1], d[2])
	}
	return c.SetInt("q", q)
}

// packMod binds <names> = pack(ids.<id>, PRIME) % <p>.
func packMod(c *Context, id, p string, names ...string) error {
	v, err := secpPack(c, id)
	if err != nil {
		return err
	}
	pv, err := scopeInt(c, p)
	if err != nil {
		return err
	}
	r, err := pyMod(v, pv)
	if err != nil {
		return err
	}
	setScope(c, r, names...)
	return nil
}

// invX binds <names> = div_mod(1, x, <p>).
func invX(c *Context, p string, names ...string) error {
	x, err := scopeInt(c, "x")
	if err != nil {
		return err
	}
	pv, err := scopeInt(c, p)
	if err != nil {
		return err
	}
	v, err := divMod(big1(1), x, pv)
	if err != nil {
		return err
	}
	setScope(c, v, names...)
	return nil
}

func xIsZero(c *Context) error {
	x, err := scopeInt(c, "x")
	if err != nil {
		return err
	}
	return c.SetAP(0, feltValue(boolInt(x.Sign() == 0)))
}

func init() {
	// verify_zero.
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack

        q, r = divmod(pack(ids.val, PRIME), SECP_P)
        assert r == 0, f"verify_zero: Invalid input {ids.val.d0, ids.val.d1, ids.val.d2}."
        ids.q = q % PRIME
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "SECP_P", "pack")
		return verifyZero(c, "SECP_P")
	})
	// cairo_secp whitelist: SECP_P imported, pack from the scope.
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import SECP_P
        q, r = divmod(pack(ids.val, PRIME), SECP_P)
        assert r == 0, f"verify_zero: Invalid input {ids.val.d0, ids.val.d1, ids.val.d2}."
        ids.q = q % PRIME
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "SECP_P")
		if err := needFunc(c, "pack", modSecpUtils); err != nil {
			return err
		}
		return verifyZero(c, "SECP_P")
	})
	// cairo_secp whitelist: pack imported, SECP_P from the scope.
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import pack

        q, r = divmod(pack(ids.val, PRIME), SECP_P)
        assert r == 0, f"verify_zero: Invalid input {ids.val.d0, ids.val.d1, ids.val.d2}."
        ids.q = q % PRIME
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "pack")
		return verifyZero(c, "SECP_P")
	})
	// secp256r1 verify_zero.
	register(`
        from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_P
        from starkware.cairo.common.cairo_secp.secp_utils import pack

        q, r = divmod(pack(ids.val, PRIME), SECP256R1_P)
        assert r == 0, f"verify_zero: Invalid input {ids.val.d0, ids.val.d1, ids.val.d2}."
        ids.q = q % PRIME
    `, func(c *Context) error {
		pyFrom(c, modR1Utils, "SECP256R1_P")
		pyFrom(c, modSecpUtils, "pack")
		return verifyZero(c, "SECP256R1_P")
	})

	// is_zero: x = pack(ids.x, PRIME) % P.
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack

        x = pack(ids.x, PRIME) % SECP_P
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "SECP_P", "pack")
		return packMod(c, "x", "SECP_P", "x")
	})
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import pack

        x = pack(ids.x, PRIME) % SECP_P
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "pack")
		return packMod(c, "x", "SECP_P", "x")
	})
	register(`
        from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_P
        from starkware.cairo.common.cairo_secp.secp_utils import pack

        x = pack(ids.x, PRIME) % SECP256R1_P
    `, func(c *Context) error {
		pyFrom(c, modR1Utils, "SECP256R1_P")
		pyFrom(c, modSecpUtils, "pack")
		return packMod(c, "x", "SECP256R1_P", "x")
	})
	// is_zero's nondet %{ x == 0 %} as the compiler writes it, and the
	// cairo_secp whitelist's older form.
	register(`memory[ap] = to_felt_or_relocatable(x == 0)`, xIsZero)
	register(`memory[ap] = int(x == 0)`, xIsZero)

	// is_zero: the inverse of x.
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import SECP_P
        from starkware.python.math_utils import div_mod

        value = x_inv = div_mod(1, x, SECP_P)
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "SECP_P")
		pyFrom(c, modMathUtils, "div_mod")
		return invX(c, "SECP_P", "value", "x_inv")
	})
	register(`
        from starkware.python.math_utils import div_mod

        value = x_inv = div_mod(1, x, SECP_P)
    `, func(c *Context) error {
		pyFrom(c, modMathUtils, "div_mod")
		return invX(c, "SECP_P", "value", "x_inv")
	})
	register(`
        from starkware.python.math_utils import div_mod

        value = div_mod(1, x, SECP256R1_P)
    `, func(c *Context) error {
		pyFrom(c, modMathUtils, "div_mod")
		return invX(c, "SECP256R1_P", "value")
	})

	// reduce: value = pack(ids.x, PRIME) % P.
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack

        value = pack(ids.x, PRIME) % SECP_P
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "SECP_P", "pack")
		return packMod(c, "x", "SECP_P", "value")
	})
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import pack

        value = pack(ids.x, PRIME) % SECP_P
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "pack")
		return packMod(c, "x", "SECP_P", "value")
	})
	register(`
        from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_P
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        value = pack(ids.x, PRIME) % SECP256R1_P
    `, func(c *Context) error {
		pyFrom(c, modR1Utils, "SECP256R1_P")
		pyFrom(c, modSecpUtils, "pack")
		return packMod(c, "x", "SECP256R1_P", "value")
	})

	// secp256r1 assert_165_bit.
	register(`
        from starkware.cairo.common.math_utils import as_int

        # Correctness check.
        value = as_int(ids.value, PRIME) % PRIME
        assert value < ids.UPPER_BOUND, f'{value} is outside of the range [0, 2**165).'

        # Calculation for the assertion.
        ids.high, ids.low = divmod(ids.value, ids.SHIFT)
    `, func(c *Context) error { return assertBitBound(c, 165) })
}
