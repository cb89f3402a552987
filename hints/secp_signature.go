package hints

import (
	"math/big"
)

// The hints of common/cairo_secp/signature.cairo (div_mod_n,
// get_point_from_x, try_get_point_from_x), secp256r1's
// try_get_point_from_x (in common/secp256r1/ec.cairo), and the signature
// hints of the cairo_secp and ec_recover whitelists.

// divModScope: <a>, <b> = pack(ids.<a>), pack(ids.<b>) (bound under the
// same names); value = res = div_mod(a, b, <n>), n from the scope.
func divModScope(c *Context, a, b, n string) error {
	v, err := packInto(c, a, a, b, b)
	if err != nil {
		return err
	}
	nv, err := scopeInt(c, n)
	if err != nil {
		return err
	}
	res, err := divMod(v[0], v[1], nv)
	if err != nil {
		return err
	}
	setScope(c, res, "value", "res")
	return nil
}

// safeDivResidue is safe_div(res * <b> - <a>, <m>), the names read from the
// scope.
func safeDivResidue(c *Context, b, a, m string) (*big.Int, error) {
	if err := needFunc(c, "safe_div", modMathUtils); err != nil {
		return nil, err
	}
	v, err := scopeInts(c, "res", b, a, m)
	if err != nil {
		return nil, err
	}
	num := new(big.Int).Mul(v[0], v[1])
	return safeDiv(num.Sub(num, v[2]), v[3])
}

// safeDivK: <k> = safe_div(res * <b> - <a>, N) + plus.
func safeDivK(c *Context, b, a string, plus int64, names ...string) error {
	k, err := safeDivResidue(c, b, a, "N")
	if err != nil {
		return err
	}
	setScope(c, k.Add(k, big1(plus)), names...)
	return nil
}

// chooseY: y = pow(y_square_int, (p + 1) // 4, p); value = y if ids.v % 2
// == y % 2 else (-y) % p.
func chooseY(c *Context, ySquare, p *big.Int) error {
	e := new(big.Int).Add(p, big1(1))
	y, err := pyPowMod(ySquare, e.Rsh(e, 2), p)
	if err != nil {
		return err
	}
	setScope(c, y, "y")
	v, err := c.Int("v")
	if err != nil {
		return err
	}
	if v.Bit(0) == y.Bit(0) {
		setScope(c, y, "value")
		return nil
	}
	setScope(c, new(big.Int).Mod(new(big.Int).Neg(y), p), "value")
	return nil
}

// isOnCurve: ids.is_on_curve = (y * y) % <prime> == y_square_int.
func isOnCurve(c *Context, prime func() (*big.Int, error)) error {
	y, err := scopeInt(c, "y")
	if err != nil {
		return err
	}
	p, err := prime()
	if err != nil {
		return err
	}
	sq, err := pyMod(new(big.Int).Mul(y, y), p)
	if err != nil {
		return err
	}
	ys, err := scopeInt(c, "y_square_int")
	if err != nil {
		return err
	}
	return c.SetInt("is_on_curve", boolInt(sq.Cmp(ys) == 0))
}

func init() {
	// div_mod_n.
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import N, pack
        from starkware.python.math_utils import div_mod, safe_div

        a = pack(ids.a, PRIME)
        b = pack(ids.b, PRIME)
        value = res = div_mod(a, b, N)
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "N", "pack")
		pyFrom(c, modMathUtils, "div_mod", "safe_div")
		return divModScope(c, "a", "b", "N")
	})
	register(`value = k = safe_div(res * b - a, N)`, func(c *Context) error {
		return safeDivK(c, "b", "a", 0, "value", "k")
	})
	// cairo_secp whitelist: N from the scope (secp256r1's, by the import hint).
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        from starkware.python.math_utils import div_mod, safe_div

        a = pack(ids.a, PRIME)
        b = pack(ids.b, PRIME)
        value = res = div_mod(a, b, N)
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "pack")
		pyFrom(c, modMathUtils, "div_mod", "safe_div")
		return divModScope(c, "a", "b", "N")
	})
	register(`value = k_plus_one = safe_div(res * b - a, N) + 1`, func(c *Context) error {
		return safeDivK(c, "b", "a", 1, "value", "k_plus_one")
	})
	// cairo_secp whitelist: x / s modulo the secp256k1 order.
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        from starkware.python.math_utils import div_mod, safe_div

        N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141
        x = pack(ids.x, PRIME) % N
        s = pack(ids.s, PRIME) % N
        value = res = div_mod(x, s, N)
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "pack")
		pyFrom(c, modMathUtils, "div_mod", "safe_div")
		setScope(c, secpN, "N")
		return divModReduced(c)
	})
	register(`value = k = safe_div(res * s - x, N)`, func(c *Context) error {
		return safeDivK(c, "s", "x", 0, "value", "k")
	})

	// ec_recover whitelist.
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        from starkware.python.math_utils import div_mod, safe_div

        N = pack(ids.n, PRIME)
        x = pack(ids.x, PRIME) % N
        s = pack(ids.s, PRIME) % N
        value = res = div_mod(x, s, N)
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "pack")
		pyFrom(c, modMathUtils, "div_mod", "safe_div")
		if _, err := packInto(c, "N", "n"); err != nil {
			return err
		}
		return divModReduced(c)
	})
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        from starkware.python.math_utils import div_mod, safe_div

        a = pack(ids.a, PRIME)
        b = pack(ids.b, PRIME)

        value = res = a - b
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "pack")
		pyFrom(c, modMathUtils, "div_mod", "safe_div")
		v, err := packInto(c, "a", "a", "b", "b")
		if err != nil {
			return err
		}
		setScope(c, new(big.Int).Sub(v[0], v[1]), "value", "res")
		return nil
	})
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        from starkware.python.math_utils import div_mod, safe_div

        a = pack(ids.a, PRIME)
        b = pack(ids.b, PRIME)
        product = a * b
        m = pack(ids.m, PRIME)

        value = res = product % m
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "pack")
		pyFrom(c, modMathUtils, "div_mod", "safe_div")
		v, err := packInto(c, "a", "a", "b", "b")
		if err != nil {
			return err
		}
		product := new(big.Int).Mul(v[0], v[1])
		setScope(c, product, "product")
		m, err := packInto(c, "m", "m")
		if err != nil {
			return err
		}
		res, err := pyMod(product, m[0])
		if err != nil {
			return err
		}
		setScope(c, res, "value", "res")
		return nil
	})
	register(`value = k = product // m`, func(c *Context) error {
		v, err := scopeInts(c, "product", "m")
		if err != nil {
			return err
		}
		k, err := pyFloorDiv(v[0], v[1])
		if err != nil {
			return err
		}
		setScope(c, k, "value", "k")
		return nil
	})

	// get_point_from_x and try_get_point_from_x (secp256k1).
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack

        x_cube_int = pack(ids.x_cube, PRIME) % SECP_P
        y_square_int = (x_cube_int + ids.BETA) % SECP_P
        y = pow(y_square_int, (SECP_P + 1) // 4, SECP_P)

        # We need to decide whether to take y or SECP_P - y.
        if ids.v % 2 == y % 2:
            value = y
        else:
            value = (-y) % SECP_P
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "SECP_P", "pack")
		if err := packMod(c, "x_cube", "SECP_P", "x_cube_int"); err != nil {
			return err
		}
		xc, _ := scopeInt(c, "x_cube_int")
		beta, err := c.Const("BETA")
		if err != nil {
			return err
		}
		ys := new(big.Int).Add(xc, beta)
		ys.Mod(ys, secpP)
		setScope(c, ys, "y_square_int")
		return chooseY(c, ys, secpP)
	})
	register(`ids.is_on_curve = (y * y) % SECP_P == y_square_int`, func(c *Context) error {
		return isOnCurve(c, func() (*big.Int, error) { return scopeInt(c, "SECP_P") })
	})

	// secp256r1 try_get_point_from_x.
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import SECP256R1, pack
        from starkware.python.math_utils import y_squared_from_x

        y_square_int = y_squared_from_x(
            x=pack(ids.x, PRIME),
            alpha=SECP256R1.alpha,
            beta=SECP256R1.beta,
            field_prime=SECP256R1.prime,
        )

        # Note that (y_square_int ** ((SECP256R1.prime + 1) / 4)) ** 2 =
        #   = y_square_int ** ((SECP256R1.prime + 1) / 2) =
        #   = y_square_int ** ((SECP256R1.prime - 1) / 2 + 1) =
        #   = y_square_int * y_square_int ** ((SECP256R1.prime - 1) / 2) = y_square_int * {+/-}1.
        y = pow(y_square_int, (SECP256R1.prime + 1) // 4, SECP256R1.prime)

        # We need to decide whether to take y or prime - y.
        if ids.v % 2 == y % 2:
            value = y
        else:
            value = (-y) % SECP256R1.prime
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "SECP256R1", "pack")
		pyFrom(c, modMathUtils, "y_squared_from_x")
		x, err := secpPack(c, "x")
		if err != nil {
			return err
		}
		cv := secp256r1
		ys := ySquaredFromX(x, cv.Alpha, cv.Beta, cv.Prime)
		setScope(c, ys, "y_square_int")
		return chooseY(c, ys, cv.Prime)
	})
	register(`ids.is_on_curve = (y * y) % SECP256R1.prime == y_square_int`, func(c *Context) error {
		return isOnCurve(c, func() (*big.Int, error) {
			cv, err := scopeCurve(c, "SECP256R1")
			if err != nil {
				return nil, err
			}
			return cv.Prime, nil
		})
	})
}

// divModReduced: x = pack(ids.x) % N; s = pack(ids.s) % N; value = res =
// div_mod(x, s, N), N from the scope.
func divModReduced(c *Context) error {
	if err := packMod(c, "x", "N", "x"); err != nil {
		return err
	}
	if err := packMod(c, "s", "N", "s"); err != nil {
		return err
	}
	v, err := scopeInts(c, "x", "s", "N")
	if err != nil {
		return err
	}
	res, err := divMod(v[0], v[1], v[2])
	if err != nil {
		return err
	}
	setScope(c, res, "value", "res")
	return nil
}

// ySquaredFromX is math_utils.y_squared_from_x.
func ySquaredFromX(x, alpha, beta, p *big.Int) *big.Int {
	r := new(big.Int).Exp(new(big.Int).Mod(x, p), big1(3), p)
	r.Add(r, new(big.Int).Mul(alpha, x)).Add(r, beta)
	return r.Mod(r, p)
}
