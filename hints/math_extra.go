package hints

import (
	"math/big"
)

// Math hints not in math_hints.go: common/math.cairo's is_quad_residue,
// common/log2_ceil.cairo, starknet/common/storage.cairo's normalize_address,
// the encode_packed whitelist's bit_length, and the older forms of
// assert_le / assert_le_felt and the lsb hint of the 0.6.0 and 0.8.2
// whitelists.

func init() {
	// is_quad_residue: y with y^2 = x, or with 3 * y^2 = x (3 is not a
	// square modulo the STARK prime).
	register(`
        from starkware.crypto.signature.signature import FIELD_PRIME
        from starkware.python.math_utils import div_mod, is_quad_residue, sqrt

        x = ids.x
        if is_quad_residue(x, FIELD_PRIME):
            ids.y = sqrt(x, FIELD_PRIME)
        else:
            ids.y = sqrt(div_mod(x, 3, FIELD_PRIME), FIELD_PRIME)
    `, func(c *Context) error {
		pyFrom(c, modMathUtils, "div_mod", "is_quad_residue", "sqrt")
		x, err := c.Int("x")
		if err != nil {
			return err
		}
		setScope(c, x, "x")
		ok, err := isQuadResidue(x, primeBig)
		if err != nil {
			return err
		}
		if !ok {
			if x, err = divMod(x, big1(3), primeBig); err != nil {
				return err
			}
		}
		y, err := modSqrt(x, primeBig)
		if err != nil {
			return err
		}
		return c.SetInt("y", y)
	})

	// log2_ceil.
	register(`
        from starkware.python.math_utils import log2_ceil
        ids.res = log2_ceil(ids.value)
    `, func(c *Context) error {
		v, err := c.Int("value")
		if err != nil {
			return err
		}
		if v.Sign() <= 0 {
			return assertf("")
		}
		return c.SetInt("res", big1(int64(new(big.Int).Sub(v, big1(1)).BitLen())))
	})

	// encode_packed whitelist.
	register(`
        x = ids.x
        ids.bit_length = x.bit_length()
    `, func(c *Context) error {
		x, err := c.Int("x")
		if err != nil {
			return err
		}
		setScope(c, x, "x")
		return c.SetInt("bit_length", big1(int64(x.BitLen())))
	})

	// normalize_address.
	register(`
        # Verify the assumptions on the relationship between 2**250, ADDR_BOUND and PRIME.
        ADDR_BOUND = ids.ADDR_BOUND % PRIME
        assert (2**250 < ADDR_BOUND <= 2**251) and (2 * 2**250 < PRIME) and (
                ADDR_BOUND * 2 > PRIME), \
            'normalize_address() cannot be used with the current constants.'
        ids.is_small = 1 if ids.addr < ADDR_BOUND else 0
    `, func(c *Context) error {
		ab, err := c.Const("ADDR_BOUND")
		if err != nil {
			return err
		}
		ab.Mod(ab, primeBig)
		setScope(c, ab, "ADDR_BOUND")
		if ab.Cmp(pow2(250)) <= 0 || ab.Cmp(pow2(251)) > 0 || new(big.Int).Lsh(ab, 1).Cmp(primeBig) <= 0 {
			return assertf("normalize_address() cannot be used with the current constants.")
		}
		addr, err := c.Int("addr")
		if err != nil {
			return err
		}
		return c.SetInt("is_small", boolInt(addr.Cmp(ab) < 0))
	})
	register(`ids.is_250 = 1 if ids.addr < 2**250 else 0`, func(c *Context) error {
		addr, err := c.Int("addr")
		if err != nil {
			return err
		}
		return c.SetInt("is_250", boolInt(addr.Cmp(pow2(250)) < 0))
	})

	// 0.6.0 whitelist: assert_le.
	register(`
        from starkware.cairo.common.math_utils import assert_integer
        assert_integer(ids.a)
        assert_integer(ids.b)
        assert (ids.a % PRIME) <= (ids.b % PRIME), \
            f'a = {ids.a % PRIME} is not less than or equal to b = {ids.b % PRIME}.'
    `, func(c *Context) error {
		pyFrom(c, modCairoMath, "assert_integer")
		v, err := idsInts(c, "a", "b")
		if err != nil {
			return err
		}
		if v[0].Cmp(v[1]) > 0 {
			return assertf("a = %v is not less than or equal to b = %v.", v[0], v[1])
		}
		return nil
	})
	// 0.6.0 whitelist: the low bits of a and b.
	register(`
        ids.a_lsb = ids.a & 1
        ids.b_lsb = ids.b & 1
    `, func(c *Context) error {
		a, err := c.Int("a")
		if err != nil {
			return err
		}
		if err := c.SetInt("a_lsb", big1(int64(a.Bit(0)))); err != nil {
			return err
		}
		b, err := c.Int("b")
		if err != nil {
			return err
		}
		return c.SetInt("b_lsb", big1(int64(b.Bit(0))))
	})
	// 0.8.2 whitelist: assert_le_felt's small-inputs shortcut.
	register(`
        from starkware.cairo.common.math_utils import assert_integer
        assert_integer(ids.a)
        assert_integer(ids.b)
        a = ids.a % PRIME
        b = ids.b % PRIME
        assert a <= b, f'a = {a} is not less than or equal to b = {b}.'

        ids.small_inputs = int(
            a < range_check_builtin.bound and (b - a) < range_check_builtin.bound)
    `, func(c *Context) error {
		pyFrom(c, modCairoMath, "assert_integer")
		v, err := idsInts(c, "a", "b")
		if err != nil {
			return err
		}
		a, b := v[0], v[1]
		setScope(c, a, "a")
		setScope(c, b, "b")
		if a.Cmp(b) > 0 {
			return assertf("a = %v is not less than or equal to b = %v.", a, b)
		}
		bound, err := c.RangeCheckBound()
		if err != nil {
			return err
		}
		small := a.Cmp(bound) < 0 && new(big.Int).Sub(b, a).Cmp(bound) < 0
		return c.SetInt("small_inputs", boolInt(small))
	})
}
