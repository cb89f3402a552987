package hints

import (
	"math/big"
)

// The curve25519 field and curve hints of the vrf whitelist: the secp
// field and ec hints with SECP_P = 2**255 - 19 (bound in the scope by the
// hint itself), the doubling slope of the curve's Weierstrass form, and the
// square root of a Uint256 modulo the prime.

var (
	ed25519P = new(big.Int).Sub(pow2(255), big1(19))
	// ed25519Alpha is the alpha the doubling-slope hint passes.
	ed25519Alpha, _ = new(big.Int).SetString("42204101795669822316448953119945047945709099015225996174933988943478124189485", 10)
)

func bindEd25519P(c *Context) { setScope(c, ed25519P, "SECP_P") }

func init() {
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        SECP_P = 2**255-19
        to_assert = pack(ids.val, PRIME)
        q, r = divmod(pack(ids.val, PRIME), SECP_P)
        assert r == 0, f"verify_zero: Invalid input {ids.val.d0, ids.val.d1, ids.val.d2}."
        ids.q = q % PRIME
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "pack")
		bindEd25519P(c)
		if _, err := packInto(c, "to_assert", "val"); err != nil {
			return err
		}
		return verifyZero(c, "SECP_P")
	})
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        SECP_P=2**255-19

        x = pack(ids.x, PRIME) % SECP_P
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "pack")
		bindEd25519P(c)
		return packMod(c, "x", "SECP_P", "x")
	})
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        SECP_P=2**255-19

        value = pack(ids.x, PRIME) % SECP_P
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "pack")
		bindEd25519P(c)
		return packMod(c, "x", "SECP_P", "value")
	})
	register(`
        SECP_P=2**255-19
        from starkware.python.math_utils import div_mod

        value = x_inv = div_mod(1, x, SECP_P)
    `, func(c *Context) error {
		bindEd25519P(c)
		pyFrom(c, modMathUtils, "div_mod")
		return invX(c, "SECP_P", "value", "x_inv")
	})
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        SECP_P = 2**255-19

        y = pack(ids.point.y, PRIME) % SECP_P
        # The modulo operation in python always returns a nonnegative number.
        value = (-y) % SECP_P
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "pack")
		bindEd25519P(c)
		return ecNegate(c, "SECP_P")
	})
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        SECP_P = 2**255-19

        slope = pack(ids.slope, PRIME)
        x = pack(ids.point.x, PRIME)
        y = pack(ids.point.y, PRIME)

        value = new_x = (pow(slope, 2, SECP_P) - 2 * x) % SECP_P
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "pack")
		bindEd25519P(c)
		return newXDouble(c, "point", "SECP_P")
	})
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        SECP_P = 2**255-19

        slope = pack(ids.slope, PRIME)
        x0 = pack(ids.point0.x, PRIME)
        x1 = pack(ids.point1.x, PRIME)
        y0 = pack(ids.point0.y, PRIME)

        value = new_x = (pow(slope, 2, SECP_P) - x0 - x1) % SECP_P
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "pack")
		bindEd25519P(c)
		return newXAdd(c, "point0", "point1", "SECP_P")
	})
	register(`
        from starkware.python.math_utils import ec_double_slope
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        SECP_P = 2**255-19

        # Compute the slope.
        x = pack(ids.point.x, PRIME)
        y = pack(ids.point.y, PRIME)
        value = slope = ec_double_slope(point=(x, y), alpha=42204101795669822316448953119945047945709099015225996174933988943478124189485, p=SECP_P)
    `, func(c *Context) error {
		pyFrom(c, modMathUtils, "ec_double_slope")
		pyFrom(c, modSecpUtils, "pack")
		bindEd25519P(c)
		v, err := packInto(c, "x", "point.x", "y", "point.y")
		if err != nil {
			return err
		}
		return setSlope(c)(ecDoubleSlope(v[0], v[1], ed25519Alpha, ed25519P))
	})
	register(`
        from starkware.python.math_utils import line_slope
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        SECP_P = 2**255-19
        # Compute the slope.
        x0 = pack(ids.point0.x, PRIME)
        y0 = pack(ids.point0.y, PRIME)
        x1 = pack(ids.point1.x, PRIME)
        y1 = pack(ids.point1.y, PRIME)
        value = slope = line_slope(point1=(x0, y0), point2=(x1, y1), p=SECP_P)
    `, func(c *Context) error {
		pyFrom(c, modMathUtils, "line_slope")
		pyFrom(c, modSecpUtils, "pack")
		bindEd25519P(c)
		return chordSlope(c, "point0", "point1", "SECP_P")
	})

	// The square root of xx modulo 2**255 - 19 (the even one), by the
	// Atkin-style exponentiation: x = xx^((p+3)/8), times sqrt(-1) = II when
	// x^2 != xx. The hint shadows PRIME, which cairo-lang restores after it.
	register(`
        PRIME = 2**255 - 19
        II = pow(2, (PRIME - 1) // 4, PRIME)

        xx = ids.xx.low + (ids.xx.high<<128)
        x = pow(xx, (PRIME + 3) // 8, PRIME)
        if (x * x - xx) % PRIME != 0:
            x = (x * II) % PRIME
        if x % 2 != 0:
            x = PRIME - x
        ids.x.low = x & ((1<<128)-1)
        ids.x.high = x >> 128
    `, func(c *Context) error {
		p := ed25519P
		e := new(big.Int).Sub(p, big1(1))
		ii := new(big.Int).Exp(big1(2), e.Rsh(e, 2), p)
		setScope(c, ii, "II")
		xx, err := u256.packBind(c, "xx", "xx")
		if err != nil {
			return err
		}
		e = new(big.Int).Add(p, big1(3))
		x, _ := pyPowMod(xx, e.Rsh(e, 3), p)
		d := new(big.Int).Mul(x, x)
		if d.Sub(d, xx).Mod(d, p).Sign() != 0 {
			x.Mul(x, ii).Mod(x, p)
		}
		if x.Bit(0) != 0 {
			x = new(big.Int).Sub(p, x)
		}
		setScope(c, x, "x")
		return setUint256(c, "x", x)
	})
}
