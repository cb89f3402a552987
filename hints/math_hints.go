package hints

import (
	"math/big"
)

// The hints of common/math.cairo and common/math_cmp.cairo. Each quotes the
// Python it implements; messages match the Python assertions.

// assertBitBound is assert_250_bit's (and secp256r1's assert_165_bit's)
// hint: value = as_int(ids.value, PRIME) % PRIME (the canonical value);
// assert value < ids.UPPER_BOUND; ids.high, ids.low = divmod(ids.value,
// ids.SHIFT).
func assertBitBound(c *Context, bits int) error {
	v, err := c.Int("value")
	if err != nil {
		return err
	}
	setScope(c, v, "value")
	upper, err := c.Const("UPPER_BOUND")
	if err != nil {
		return err
	}
	if v.Cmp(upper) >= 0 {
		return assertf("%v is outside of the range [0, 2**%d).", v, bits)
	}
	shift, err := c.Const("SHIFT")
	if err != nil {
		return err
	}
	q, r, err := pyDivMod(v, shift)
	if err != nil {
		return err
	}
	if err := c.SetInt("high", q); err != nil {
		return err
	}
	return c.SetInt("low", r)
}

func init() {
	register(`
        from starkware.cairo.common.math_utils import assert_integer
        assert_integer(ids.value)
        assert ids.value % PRIME != 0, f'assert_not_zero failed: {ids.value} = 0.'
    `, func(c *Context) error {
		v, err := c.Int("value")
		if err != nil {
			return err
		}
		if v.Sign() == 0 {
			return assertf("assert_not_zero failed: %v = 0.", v)
		}
		return nil
	})

	register(`
        from starkware.cairo.lang.vm.relocatable import RelocatableValue
        both_ints = isinstance(ids.a, int) and isinstance(ids.b, int)
        both_relocatable = (
            isinstance(ids.a, RelocatableValue) and isinstance(ids.b, RelocatableValue) and
            ids.a.segment_index == ids.b.segment_index)
        assert both_ints or both_relocatable, \
            f'assert_not_equal failed: non-comparable values: {ids.a}, {ids.b}.'
        assert (ids.a - ids.b) % PRIME != 0, f'assert_not_equal failed: {ids.a} = {ids.b}.'
    `, func(c *Context) error {
		a, err := c.Get("a")
		if err != nil {
			return err
		}
		b, err := c.Get("b")
		if err != nil {
			return err
		}
		pa, aPtr := a.Ptr()
		pb, bPtr := b.Ptr()
		switch {
		case a.IsFelt() && b.IsFelt():
			if a == b {
				return assertf("assert_not_equal failed: %v = %v.", a, b)
			}
		case aPtr && bPtr && pa.Segment == pb.Segment:
			if pa.Offset == pb.Offset {
				return assertf("assert_not_equal failed: %v = %v.", a, b)
			}
		default:
			return assertf("assert_not_equal failed: non-comparable values: %v, %v.", a, b)
		}
		return nil
	})

	register(`
        from starkware.cairo.common.math_utils import assert_integer
        assert_integer(ids.a)
        assert 0 <= ids.a % PRIME < range_check_builtin.bound, f'a = {ids.a} is out of range.'
    `, func(c *Context) error {
		a, err := c.Int("a")
		if err != nil {
			return err
		}
		bound, err := c.RangeCheckBound()
		if err != nil {
			return err
		}
		if a.Cmp(bound) >= 0 {
			return assertf("a = %v is out of range.", a)
		}
		return nil
	})

	register(`
        from starkware.cairo.common.math_utils import as_int

        # Correctness check.
        value = as_int(ids.value, PRIME) % PRIME
        assert value < ids.UPPER_BOUND, f'{value} is outside of the range [0, 2**250).'

        # Calculation for the assertion.
        ids.high, ids.low = divmod(ids.value, ids.SHIFT)
    `, func(c *Context) error { return assertBitBound(c, 250) })

	register(`
        from starkware.cairo.common.math_utils import assert_integer
        assert ids.MAX_HIGH < 2**128 and ids.MAX_LOW < 2**128
        assert PRIME - 1 == ids.MAX_HIGH * 2**128 + ids.MAX_LOW
        assert_integer(ids.value)
        ids.low = ids.value & ((1 << 128) - 1)
        ids.high = ids.value >> 128
    `, func(c *Context) error {
		maxHigh, err := c.Const("MAX_HIGH")
		if err != nil {
			return err
		}
		maxLow, err := c.Const("MAX_LOW")
		if err != nil {
			return err
		}
		b128 := pow2(128)
		if maxHigh.Cmp(b128) >= 0 || maxLow.Cmp(b128) >= 0 {
			return assertf("")
		}
		sum := new(big.Int).Add(new(big.Int).Mul(maxHigh, b128), maxLow)
		if sum.Cmp(new(big.Int).Sub(primeBig, big1(1))) != 0 {
			return assertf("")
		}
		v, err := c.Int("value")
		if err != nil {
			return err
		}
		low := new(big.Int).And(v, new(big.Int).Sub(b128, big1(1)))
		if err := c.SetInt("low", low); err != nil {
			return err
		}
		return c.SetInt("high", new(big.Int).Rsh(v, 128))
	})

	register(`
        import itertools

        from starkware.cairo.common.math_utils import assert_integer
        assert_integer(ids.a)
        assert_integer(ids.b)
        a = ids.a % PRIME
        b = ids.b % PRIME
        assert a <= b, f'a = {a} is not less than or equal to b = {b}.'

        # Find an arc less than PRIME / 3, and another less than PRIME / 2.
        lengths_and_indices = [(a, 0), (b - a, 1), (PRIME - 1 - b, 2)]
        lengths_and_indices.sort()
        assert lengths_and_indices[0][0] <= PRIME // 3 and lengths_and_indices[1][0] <= PRIME // 2
        excluded = lengths_and_indices[2][1]

        memory[ids.range_check_ptr + 1], memory[ids.range_check_ptr + 0] = (
            divmod(lengths_and_indices[0][0], ids.PRIME_OVER_3_HIGH))
        memory[ids.range_check_ptr + 3], memory[ids.range_check_ptr + 2] = (
            divmod(lengths_and_indices[1][0], ids.PRIME_OVER_2_HIGH))
    `, assertLeFelt)

	register(`memory[ap] = 1 if excluded != 0 else 0`, func(c *Context) error { return excludedFlag(c, 0) })
	register(`memory[ap] = 1 if excluded != 1 else 0`, func(c *Context) error { return excludedFlag(c, 1) })
	register(`assert excluded == 2`, func(c *Context) error {
		v, err := c.ScopeVar("excluded")
		if err != nil {
			return err
		}
		if v.(int) != 2 {
			return assertf("")
		}
		return nil
	})

	register(`
        from starkware.cairo.common.math_utils import assert_integer
        assert_integer(ids.a)
        assert_integer(ids.b)
        assert (ids.a % PRIME) < (ids.b % PRIME), \
            f'a = {ids.a % PRIME} is not less than b = {ids.b % PRIME}.'
    `, func(c *Context) error {
		a, err := c.Int("a")
		if err != nil {
			return err
		}
		b, err := c.Int("b")
		if err != nil {
			return err
		}
		if a.Cmp(b) >= 0 {
			return assertf("a = %v is not less than b = %v.", a, b)
		}
		return nil
	})

	isPositive := func(c *Context) error {
		v, err := c.Int("value")
		if err != nil {
			return err
		}
		bound, err := c.RangeCheckBound()
		if err != nil {
			return err
		}
		val := asInt(v)
		if new(big.Int).Abs(val).Cmp(bound) >= 0 {
			return assertf("value=%v is out of the valid range.", val)
		}
		r := int64(0)
		if val.Sign() > 0 {
			r = 1
		}
		return c.SetInt("is_positive", big1(r))
	}
	register(`
        from starkware.cairo.common.math_utils import is_positive
        ids.is_positive = 1 if is_positive(
            value=ids.value, prime=PRIME, rc_bound=range_check_builtin.bound) else 0
    `, isPositive)

	register(`
        from starkware.cairo.common.math_utils import assert_integer
        assert_integer(ids.div)
        assert 0 < ids.div <= PRIME // range_check_builtin.bound, \
            f'div={hex(ids.div)} is out of the valid range.'
        ids.q, ids.r = divmod(ids.value, ids.div)
    `, func(c *Context) error {
		div, err := checkDiv(c)
		if err != nil {
			return err
		}
		v, err := c.Int("value")
		if err != nil {
			return err
		}
		q, r := floorDivMod(v, div)
		if err := c.SetInt("q", q); err != nil {
			return err
		}
		return c.SetInt("r", r)
	})

	register(`
        from starkware.cairo.common.math_utils import as_int, assert_integer

        assert_integer(ids.div)
        assert 0 < ids.div <= PRIME // range_check_builtin.bound, \
            f'div={hex(ids.div)} is out of the valid range.'

        assert_integer(ids.bound)
        assert ids.bound <= range_check_builtin.bound // 2, \
            f'bound={hex(ids.bound)} is out of the valid range.'

        int_value = as_int(ids.value, PRIME)
        q, ids.r = divmod(int_value, ids.div)

        assert -ids.bound <= q < ids.bound, \
            f'{int_value} / {ids.div} = {q} is out of the range [{-ids.bound}, {ids.bound}).'

        ids.biased_q = q + ids.bound
    `, func(c *Context) error {
		div, err := checkDiv(c)
		if err != nil {
			return err
		}
		bound, err := c.Int("bound")
		if err != nil {
			return err
		}
		rcb, err := c.RangeCheckBound()
		if err != nil {
			return err
		}
		if bound.Cmp(new(big.Int).Rsh(rcb, 1)) > 0 {
			return assertf("bound=%s is out of the valid range.", hexStr(bound))
		}
		v, err := c.Int("value")
		if err != nil {
			return err
		}
		iv := asInt(v)
		q, r := floorDivMod(iv, div)
		if err := c.SetInt("r", r); err != nil {
			return err
		}
		negBound := new(big.Int).Neg(bound)
		if q.Cmp(negBound) < 0 || q.Cmp(bound) >= 0 {
			return assertf("%v / %v = %v is out of the range [%v, %v).", iv, div, q, negBound, bound)
		}
		return c.SetInt("biased_q", new(big.Int).Add(q, bound))
	})

	register(`assert ids.value == 0, 'split_int(): value is out of range.'`, func(c *Context) error {
		v, err := c.Int("value")
		if err != nil {
			return err
		}
		if v.Sign() != 0 {
			return assertf("split_int(): value is out of range.")
		}
		return nil
	})

	register(`
        memory[ids.output] = res = (int(ids.value) % PRIME) % ids.base
        assert res < ids.bound, f'split_int(): Limb {res} is out of range.'
    `, func(c *Context) error {
		v, err := c.Int("value")
		if err != nil {
			return err
		}
		base, err := c.Int("base")
		if err != nil {
			return err
		}
		bound, err := c.Int("bound")
		if err != nil {
			return err
		}
		out, err := c.Ptr("output")
		if err != nil {
			return err
		}
		if base.Sign() == 0 {
			return assertf("integer division or modulo by zero")
		}
		res := new(big.Int).Mod(v, base)
		if err := c.Mem.Set(out, feltValue(res)); err != nil {
			return err
		}
		if res.Cmp(bound) >= 0 {
			return assertf("split_int(): Limb %v is out of range.", res)
		}
		return nil
	})

	register(`
        from starkware.python.math_utils import isqrt
        value = ids.value % PRIME
        assert value < 2 ** 250, f"value={value} is outside of the range [0, 2**250)."
        assert 2 ** 250 < PRIME
        ids.root = isqrt(value)
    `, func(c *Context) error {
		v, err := c.Int("value")
		if err != nil {
			return err
		}
		if v.Cmp(pow2(250)) >= 0 {
			return assertf("value=%v is outside of the range [0, 2**250).", v)
		}
		return c.SetInt("root", new(big.Int).Sqrt(v))
	})

	// math_cmp.cairo.
	register(`memory[ap] = 0 if 0 <= (ids.a % PRIME) < range_check_builtin.bound else 1`, func(c *Context) error {
		a, err := c.Int("a")
		if err != nil {
			return err
		}
		bound, err := c.RangeCheckBound()
		if err != nil {
			return err
		}
		return c.SetAP(0, feltValue(boolInt(a.Cmp(bound) >= 0)))
	})
	register(`memory[ap] = 0 if 0 <= ((-ids.a - 1) % PRIME) < range_check_builtin.bound else 1`, func(c *Context) error {
		a, err := c.Int("a")
		if err != nil {
			return err
		}
		bound, err := c.RangeCheckBound()
		if err != nil {
			return err
		}
		x := new(big.Int).Neg(a)
		x.Sub(x, big1(1)).Mod(x, primeBig)
		return c.SetAP(0, feltValue(boolInt(x.Cmp(bound) >= 0)))
	})
	register(`memory[ap] = 0 if (ids.a % PRIME) <= (ids.b % PRIME) else 1`, func(c *Context) error {
		a, err := c.Int("a")
		if err != nil {
			return err
		}
		b, err := c.Int("b")
		if err != nil {
			return err
		}
		return c.SetAP(0, feltValue(boolInt(a.Cmp(b) > 0)))
	})
}

func boolInt(b bool) *big.Int {
	if b {
		return big1(1)
	}
	return big1(0)
}

// checkDiv is the shared div range check of unsigned_div_rem and
// signed_div_rem.
func checkDiv(c *Context) (*big.Int, error) {
	div, err := c.Int("div")
	if err != nil {
		return nil, err
	}
	bound, err := c.RangeCheckBound()
	if err != nil {
		return nil, err
	}
	limit := new(big.Int).Quo(primeBig, bound)
	if div.Sign() <= 0 || div.Cmp(limit) > 0 {
		return nil, assertf("div=%s is out of the valid range.", hexStr(div))
	}
	return div, nil
}

func assertLeFelt(c *Context) error {
	a, err := c.Int("a")
	if err != nil {
		return err
	}
	b, err := c.Int("b")
	if err != nil {
		return err
	}
	if a.Cmp(b) > 0 {
		return assertf("a = %v is not less than or equal to b = %v.", a, b)
	}
	type arc struct {
		length *big.Int
		index  int
	}
	arcs := []arc{
		{new(big.Int).Set(a), 0},
		{new(big.Int).Sub(b, a), 1},
		{new(big.Int).Sub(new(big.Int).Sub(primeBig, big1(1)), b), 2},
	}
	// Python sorts the tuples: by length, then by index.
	for i := 0; i < 3; i++ {
		for j := i + 1; j < 3; j++ {
			if c := arcs[j].length.Cmp(arcs[i].length); c < 0 || (c == 0 && arcs[j].index < arcs[i].index) {
				arcs[i], arcs[j] = arcs[j], arcs[i]
			}
		}
	}
	third := new(big.Int).Quo(primeBig, big1(3))
	half := new(big.Int).Quo(primeBig, big1(2))
	if arcs[0].length.Cmp(third) > 0 || arcs[1].length.Cmp(half) > 0 {
		return assertf("")
	}
	c.Scope()["excluded"] = arcs[2].index
	over3, err := c.Const("PRIME_OVER_3_HIGH")
	if err != nil {
		return err
	}
	over2, err := c.Const("PRIME_OVER_2_HIGH")
	if err != nil {
		return err
	}
	rc, err := c.Ptr("range_check_ptr")
	if err != nil {
		return err
	}
	q0, r0 := floorDivMod(arcs[0].length, over3)
	q1, r1 := floorDivMod(arcs[1].length, over2)
	for i, v := range []*big.Int{r0, q0, r1, q1} {
		if err := c.Mem.Set(rc.AddUint(uint64(i)), feltValue(v)); err != nil {
			return err
		}
	}
	return nil
}

func excludedFlag(c *Context, k int) error {
	v, err := c.ScopeVar("excluded")
	if err != nil {
		return err
	}
	return c.SetAP(0, feltValue(boolInt(v.(int) != k)))
}
