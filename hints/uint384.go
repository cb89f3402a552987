package hints

import (
	"math/big"
)

// The uint384 hints of the 384_bit_prime_field whitelist (a library of
// 384-bit numbers as three 128-bit limbs d0, d1, d2). Each hint defines its
// own split and pack; they read the limbs as canonical integers.

// defLocal binds functions a hint defines (def split...) in the scope,
// where they shadow imported ones of the same name.
func defLocal(c *Context, names ...string) {
	s := c.Scope()
	for _, n := range names {
		s[n] = pyFunc("<hint>." + n)
	}
}

// divRem128: quotient, remainder = divmod(pack(ids.<a>), pack(ids.div)),
// the quotient in a's layout, the remainder in div's.
func divRem128(c *Context, a string, aLimbs, divLimbs limbs) error {
	av, err := aLimbs.packBind(c, a, a)
	if err != nil {
		return err
	}
	div, err := divLimbs.packBind(c, "div", "div")
	if err != nil {
		return err
	}
	q, r, err := pyDivMod(av, div)
	if err != nil {
		return err
	}
	setScope(c, q, "quotient")
	setScope(c, r, "remainder")
	if err := aLimbs.set(c, "quotient", q); err != nil {
		return err
	}
	return divLimbs.set(c, "remainder", r)
}

// inverseModP: b_inverse_mod_p = div_mod(1, pack(b), pack(p)) (a is packed
// too), written in limbs of 128 bits.
func inverseModP(c *Context, l limbs) error {
	v, err := l.packAll(c, "a", "b", "p")
	if err != nil {
		return err
	}
	inv, err := divMod(big1(1), v[1], v[2])
	if err != nil {
		return err
	}
	setScope(c, inv, "b_inverse_mod_p")
	return l.set(c, "b_inverse_mod_p", inv)
}

// getSquareRoot is the whitelists' get_square_root: square roots of x or
// of generator * x modulo p, exactly one of which exists when x != 0.
func getSquareRoot(c *Context, l limbs) error {
	v, err := l.packAll(c, "generator", "x", "p")
	if err != nil {
		return err
	}
	gen, x, p := v[0], v[1], v[2]
	root := func(n *big.Int, success string) (bool, *big.Int, error) {
		ok, err := isQuadResidue(n, p)
		if err != nil {
			return false, nil, err
		}
		c.Scope()[success] = ok
		r := big1(0)
		if ok {
			if r, err = modSqrt(n, p); err != nil {
				return false, nil, err
			}
		}
		return ok, r, nil
	}
	okX, rootX, err := root(x, "success_x")
	if err != nil {
		return err
	}
	gx := new(big.Int).Mul(gen, x)
	okGX, rootGX, err := root(gx, "success_gx")
	if err != nil {
		return err
	}
	if x.Sign() != 0 && okX == okGX {
		return assertf("")
	}
	setScope(c, rootX, "root_x")
	setScope(c, rootGX, "root_gx")
	if err := c.SetInt("success_x", boolInt(okX)); err != nil {
		return err
	}
	if err := c.SetInt("success_gx", boolInt(okGX)); err != nil {
		return err
	}
	if err := l.set(c, "sqrt_x", rootX); err != nil {
		return err
	}
	return l.set(c, "sqrt_gx", rootGX)
}

func init() {
	// uint384.unsigned_div_rem.
	register(pySplit+pyPack384+`
        a = pack(ids.a, num_bits_shift = 128)
        div = pack(ids.div, num_bits_shift = 128)
        quotient, remainder = divmod(a, div)

        quotient_split = split(quotient, num_bits_shift=128, length=3)
        assert len(quotient_split) == 3

        ids.quotient.d0 = quotient_split[0]
        ids.quotient.d1 = quotient_split[1]
        ids.quotient.d2 = quotient_split[2]

        remainder_split = split(remainder, num_bits_shift=128, length=3)
        ids.remainder.d0 = remainder_split[0]
        ids.remainder.d1 = remainder_split[1]
        ids.remainder.d2 = remainder_split[2]
    `, func(c *Context) error {
		defLocal(c, "split", "pack")
		return divRem128(c, "a", u384, u384)
	})

	// uint384.sub_reduced_a_and_reduced_b: (a - b) % p.
	register(pySplit+pyPack384+`
        a = pack(ids.a, num_bits_shift = 128)
        b = pack(ids.b, num_bits_shift = 128)
        p = pack(ids.p, num_bits_shift = 128)

        res = (a - b) % p


        res_split = split(res, num_bits_shift=128, length=3)

        ids.res.d0 = res_split[0]
        ids.res.d1 = res_split[1]
        ids.res.d2 = res_split[2]
    `, func(c *Context) error {
		defLocal(c, "split", "pack")
		v, err := u384.packAll(c, "a", "b", "p")
		if err != nil {
			return err
		}
		res, err := pyMod(new(big.Int).Sub(v[0], v[1]), v[2])
		if err != nil {
			return err
		}
		setScope(c, res, "res")
		return u384.set(c, "res", res)
	})

	// uint384.get_inverse_mod / div_mod.
	register(`
        from starkware.python.math_utils import div_mod

`+pySplit+pyPack384+`
        a = pack(ids.a, num_bits_shift = 128)
        b = pack(ids.b, num_bits_shift = 128)
        p = pack(ids.p, num_bits_shift = 128)
        # For python3.8 and above the modular inverse can be computed as follows:
        # b_inverse_mod_p = pow(b, -1, p)
        # Instead we use the python3.7-friendly function div_mod from starkware.python.math_utils
        b_inverse_mod_p = div_mod(1, b, p)


        b_inverse_mod_p_split = split(b_inverse_mod_p, num_bits_shift=128, length=3)

        ids.b_inverse_mod_p.d0 = b_inverse_mod_p_split[0]
        ids.b_inverse_mod_p.d1 = b_inverse_mod_p_split[1]
        ids.b_inverse_mod_p.d2 = b_inverse_mod_p_split[2]
    `, func(c *Context) error {
		pyFrom(c, modMathUtils, "div_mod")
		defLocal(c, "split", "pack")
		return inverseModP(c, u384)
	})

	// uint384.sqrt (integer square root).
	register(`
        from starkware.python.math_utils import isqrt

`+pySplit+pyPack384+`
        a = pack(ids.a, num_bits_shift=128)
        root = isqrt(a)
        assert 0 <= root < 2 ** 192
        root_split = split(root, num_bits_shift=128, length=3)
        ids.root.d0 = root_split[0]
        ids.root.d1 = root_split[1]
        ids.root.d2 = root_split[2]
    `, func(c *Context) error {
		pyFrom(c, modMathUtils, "isqrt")
		defLocal(c, "split", "pack")
		a, err := u384.packBind(c, "a", "a")
		if err != nil {
			return err
		}
		root := new(big.Int).Sqrt(a)
		setScope(c, root, "root")
		if root.Cmp(pow2(192)) >= 0 {
			return assertf("")
		}
		return u384.set(c, "root", root)
	})

	// uint384.signed_nn.
	register(`memory[ap] = 1 if 0 <= (ids.a.d2 % PRIME) < 2 ** 127 else 0`, func(c *Context) error {
		h, err := c.Int("a.d2")
		if err != nil {
			return err
		}
		return c.SetAP(0, feltValue(boolInt(h.Cmp(pow2(127)) < 0)))
	})

	// uint384.add.
	register(`
        sum_d0 = ids.a.d0 + ids.b.d0
        ids.carry_d0 = 1 if sum_d0 >= ids.SHIFT else 0
        sum_d1 = ids.a.d1 + ids.b.d1 + ids.carry_d0
        ids.carry_d1 = 1 if sum_d1 >= ids.SHIFT else 0
        sum_d2 = ids.a.d2 + ids.b.d2 + ids.carry_d1
        ids.carry_d2 = 1 if sum_d2 >= ids.SHIFT else 0
    `, func(c *Context) error {
		if err := carryHint(c, "a.d0", "b.d0", "", "carry_d0", "sum_d0"); err != nil {
			return err
		}
		if err := carryHint(c, "a.d1", "b.d1", "carry_d0", "carry_d1", "sum_d1"); err != nil {
			return err
		}
		return carryHint(c, "a.d2", "b.d2", "carry_d1", "carry_d2", "sum_d2")
	})

	// uint384.get_square_root.
	register(`
        from starkware.python.math_utils import is_quad_residue, sqrt

`+pyDefSplit("num: int, num_bits_shift: int = 128, length: int = 3")+pyDefPack("pack(z, num_bits_shift: int = 128)", "z.d0, z.d1, z.d2")+`

        generator = pack(ids.generator)
        x = pack(ids.x)
        p = pack(ids.p)

        success_x = is_quad_residue(x, p)
        root_x = sqrt(x, p) if success_x else None

        success_gx = is_quad_residue(generator*x, p)
        root_gx = sqrt(generator*x, p) if success_gx else None

        # Check that one is 0 and the other is 1
        if x != 0:
            assert success_x + success_gx ==1

        # `+"`None`"+` means that no root was found, but we need to transform these into a felt no matter what
        if root_x == None:
            root_x = 0
        if root_gx == None:
            root_gx = 0
        ids.success_x = int(success_x)
        ids.success_gx = int(success_gx)
        split_root_x = split(root_x)
        split_root_gx = split(root_gx)
        ids.sqrt_x.d0 = split_root_x[0]
        ids.sqrt_x.d1 = split_root_x[1]
        ids.sqrt_x.d2 = split_root_x[2]
        ids.sqrt_gx.d0 = split_root_gx[0]
        ids.sqrt_gx.d1 = split_root_gx[1]
        ids.sqrt_gx.d2 = split_root_gx[2]
    `, func(c *Context) error {
		pyFrom(c, modMathUtils, "is_quad_residue", "sqrt")
		defLocal(c, "split", "pack")
		return getSquareRoot(c, u384)
	})
}
