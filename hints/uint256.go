package hints

import (
	"math/big"
)

// The hints of common/uint256.cairo, and the uint256 variants of the
// uint256_improvements and vrf whitelists.

// carryHint is "sum = ids.a.<x> + ids.b.<x> (+ ids.<prev>); ids.<carry> =
// 1 if sum >= ids.SHIFT else 0".
func carryHint(c *Context, a, b, prev, carry, sumName string) error {
	s, err := idsInts(c, a, b)
	if err != nil {
		return err
	}
	sum := new(big.Int).Add(s[0], s[1])
	if prev != "" {
		p, err := c.Int(prev)
		if err != nil {
			return err
		}
		sum.Add(sum, p)
	}
	setScope(c, sum, sumName)
	shift, err := c.Const("SHIFT")
	if err != nil {
		return err
	}
	return c.SetInt(carry, boolInt(sum.Cmp(shift) >= 0))
}

func uint256DivRem(c *Context, divLow, divHigh string) error {
	a, err := uint256Of(c, "a")
	if err != nil {
		return err
	}
	div, err := u256Named(divLow, divHigh).packHighFirst(c, "div")
	if err != nil {
		return err
	}
	setScope(c, a, "a")
	setScope(c, div, "div")
	q, r, err := pyDivMod(a, div)
	if err != nil {
		return err
	}
	setScope(c, q, "quotient")
	setScope(c, r, "remainder")
	if err := setUint256(c, "quotient", q); err != nil {
		return err
	}
	return setUint256(c, "remainder", r)
}

func uint256Sqrt(c *Context, setRoot func(root *big.Int) error) error {
	n, err := uint256Of(c, "n")
	if err != nil {
		return err
	}
	setScope(c, n, "n")
	root := new(big.Int).Sqrt(n)
	setScope(c, root, "root")
	if root.Cmp(pow2(128)) >= 0 {
		return assertf("")
	}
	return setRoot(root)
}

func init() {
	// uint256_add.
	register(`
        sum_low = ids.a.low + ids.b.low
        ids.carry_low = 1 if sum_low >= ids.SHIFT else 0
        sum_high = ids.a.high + ids.b.high + ids.carry_low
        ids.carry_high = 1 if sum_high >= ids.SHIFT else 0
    `, func(c *Context) error {
		if err := carryHint(c, "a.low", "b.low", "", "carry_low", "sum_low"); err != nil {
			return err
		}
		return carryHint(c, "a.high", "b.high", "carry_low", "carry_high", "sum_high")
	})
	// vrf whitelist: the low half of uint256_add.
	register(`
        sum_low = ids.a.low + ids.b.low
        ids.carry_low = 1 if sum_low >= ids.SHIFT else 0
    `, func(c *Context) error {
		return carryHint(c, "a.low", "b.low", "", "carry_low", "sum_low")
	})
	// uint256_improvements whitelist: uint128_add.
	register(`
        res = ids.a + ids.b
        ids.carry = 1 if res >= ids.SHIFT else 0
    `, func(c *Context) error {
		return carryHint(c, "a", "b", "", "carry", "res")
	})

	// split_64.
	register(`
        ids.low = ids.a & ((1<<64) - 1)
        ids.high = ids.a >> 64
    `, func(c *Context) error {
		a, err := c.Int("a")
		if err != nil {
			return err
		}
		if err := c.SetInt("low", new(big.Int).And(a, new(big.Int).Sub(pow2(64), big1(1)))); err != nil {
			return err
		}
		return c.SetInt("high", new(big.Int).Rsh(a, 64))
	})
	// vrf whitelist: split_128.
	register(`
        ids.low = ids.a & ((1<<128) - 1)
        ids.high = ids.a >> 128
    `, func(c *Context) error {
		a, err := c.Int("a")
		if err != nil {
			return err
		}
		return u256.setValues(c, "", u256.splitTop(a))
	})

	// uint256_sqrt.
	register(`
        from starkware.python.math_utils import isqrt
        n = (ids.n.high << 128) + ids.n.low
        root = isqrt(n)
        assert 0 <= root < 2 ** 128
        ids.root.low = root
        ids.root.high = 0
    `, func(c *Context) error {
		return uint256Sqrt(c, func(root *big.Int) error {
			if err := c.SetInt("root.low", root); err != nil {
				return err
			}
			return c.SetInt("root.high", big1(0))
		})
	})
	// uint256_improvements whitelist: the root as a felt.
	register(`
        from starkware.python.math_utils import isqrt
        n = (ids.n.high << 128) + ids.n.low
        root = isqrt(n)
        assert 0 <= root < 2 ** 128
        ids.root = root
    `, func(c *Context) error {
		return uint256Sqrt(c, func(root *big.Int) error { return c.SetInt("root", root) })
	})

	// uint256_signed_nn.
	register(`memory[ap] = 1 if 0 <= (ids.a.high % PRIME) < 2 ** 127 else 0`, func(c *Context) error {
		h, err := c.Int("a.high")
		if err != nil {
			return err
		}
		return c.SetAP(0, feltValue(boolInt(h.Cmp(pow2(127)) < 0)))
	})

	// uint256_unsigned_div_rem.
	register(`
        a = (ids.a.high << 128) + ids.a.low
        div = (ids.div.high << 128) + ids.div.low
        quotient, remainder = divmod(a, div)

        ids.quotient.low = quotient & ((1 << 128) - 1)
        ids.quotient.high = quotient >> 128
        ids.remainder.low = remainder & ((1 << 128) - 1)
        ids.remainder.high = remainder >> 128
    `, func(c *Context) error { return uint256DivRem(c, "low", "high") })
	// uint256_improvements whitelist: the divisor as b01/b23.
	register(`
        a = (ids.a.high << 128) + ids.a.low
        div = (ids.div.b23 << 128) + ids.div.b01
        quotient, remainder = divmod(a, div)

        ids.quotient.low = quotient & ((1 << 128) - 1)
        ids.quotient.high = quotient >> 128
        ids.remainder.low = remainder & ((1 << 128) - 1)
        ids.remainder.high = remainder >> 128
    `, func(c *Context) error { return uint256DivRem(c, "b01", "b23") })

	// uint256_mul_div_mod.
	register(`
        a = (ids.a.high << 128) + ids.a.low
        b = (ids.b.high << 128) + ids.b.low
        div = (ids.div.high << 128) + ids.div.low
        quotient, remainder = divmod(a * b, div)

        ids.quotient_low.low = quotient & ((1 << 128) - 1)
        ids.quotient_low.high = (quotient >> 128) & ((1 << 128) - 1)
        ids.quotient_high.low = (quotient >> 256) & ((1 << 128) - 1)
        ids.quotient_high.high = quotient >> 384
        ids.remainder.low = remainder & ((1 << 128) - 1)
        ids.remainder.high = remainder >> 128
    `, func(c *Context) error {
		a, err := uint256Of(c, "a")
		if err != nil {
			return err
		}
		b, err := uint256Of(c, "b")
		if err != nil {
			return err
		}
		div, err := uint256Of(c, "div")
		if err != nil {
			return err
		}
		setScope(c, a, "a")
		setScope(c, b, "b")
		setScope(c, div, "div")
		q, r, err := pyDivMod(new(big.Int).Mul(a, b), div)
		if err != nil {
			return err
		}
		setScope(c, q, "quotient")
		setScope(c, r, "remainder")
		quotient := limbs{names: []string{"quotient_low.low", "quotient_low.high", "quotient_high.low", "quotient_high.high"}, bits: 128}
		if err := quotient.setValues(c, "", quotient.splitTop(q)); err != nil {
			return err
		}
		return setUint256(c, "remainder", r)
	})

	// uint256_improvements whitelist: uint256_sub.
	register(pyDefSplit("num: int, num_bits_shift: int = 128, length: int = 2")+pyDefPack("pack(z, num_bits_shift: int = 128)", "z.low, z.high")+`
        a = pack(ids.a)
        b = pack(ids.b)
        res = (a - b)%2**256
        res_split = split(res)
        ids.res.low = res_split[0]
        ids.res.high = res_split[1]
    `, func(c *Context) error {
		v, err := u256.packAll(c, "a", "b")
		if err != nil {
			return err
		}
		res := new(big.Int).Sub(v[0], v[1])
		res.Mod(res, pow2(256))
		setScope(c, res, "res")
		return u256.set(c, "res", res)
	})
}
