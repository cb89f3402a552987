package hints

import (
	"fmt"
	"math/big"
)

// The hints of common/cairo_secp/ec.cairo and common/secp256r1/ec.cairo
// (ec_negate, the doubling and chord slopes, ec_double and fast_ec_add,
// ec_mul_inner, ec_mul_by_uint256), and their cairo_secp whitelist
// variants. The prime (SECP_P, SECP256R1_P...) and the curve's alpha are
// read from the exec scope, where the hint's own import or an earlier one
// bound them, as in cairo-lang.

// packInto binds scope names to pack(ids.<path>, PRIME), in order:
// packInto(c, "x", "point.x", "y", "point.y").
func packInto(c *Context, namePath ...string) ([]*big.Int, error) {
	out := make([]*big.Int, 0, len(namePath)/2)
	for i := 0; i+1 < len(namePath); i += 2 {
		v, err := secpPack(c, namePath[i+1])
		if err != nil {
			return nil, err
		}
		setScope(c, v, namePath[i])
		out = append(out, v)
	}
	return out, nil
}

// ecNegate: y = pack(ids.point.y, PRIME) % P; value = (-y) % P.
func ecNegate(c *Context, p string) error {
	if err := packMod(c, "point.y", p, "y"); err != nil {
		return err
	}
	y, _ := scopeInt(c, "y")
	pv, err := scopeInt(c, p)
	if err != nil {
		return err
	}
	v, err := pyMod(new(big.Int).Neg(y), pv)
	if err != nil {
		return err
	}
	setScope(c, v, "value")
	return nil
}

// setSlope returns a func binding value = slope = the result (or failing
// with its error): return setSlope(c)(ecDoubleSlope(...)).
func setSlope(c *Context) func(*big.Int, error) error {
	return func(s *big.Int, err error) error {
		if err != nil {
			return err
		}
		setScope(c, s, "value", "slope")
		return nil
	}
}

// doublingSlope: x, y = pack(ids.<pt>.x), pack(ids.<pt>.y); value = slope =
// ec_double_slope((x, y), alpha, p). alpha is a scope name, or "" for 0.
func doublingSlope(c *Context, pt, alpha, p string) error {
	v, err := packInto(c, "x", pt+".x", "y", pt+".y")
	if err != nil {
		return err
	}
	a := big1(0)
	if alpha != "" {
		if a, err = scopeInt(c, alpha); err != nil {
			return err
		}
	}
	pv, err := scopeInt(c, p)
	if err != nil {
		return err
	}
	return setSlope(c)(ecDoubleSlope(v[0], v[1], a, pv))
}

// chordSlope: x0, y0, x1, y1 packed; value = slope = line_slope(...).
func chordSlope(c *Context, pt0, pt1, p string) error {
	v, err := packInto(c, "x0", pt0+".x", "y0", pt0+".y", "x1", pt1+".x", "y1", pt1+".y")
	if err != nil {
		return err
	}
	pv, err := scopeInt(c, p)
	if err != nil {
		return err
	}
	return setSlope(c)(lineSlope(v[0], v[1], v[2], v[3], pv))
}

// newXDouble: slope, x, y packed; value = new_x = (pow(slope, 2, P) - 2 * x) % P.
func newXDouble(c *Context, pt, p string) error {
	v, err := packInto(c, "slope", "slope", "x", pt+".x", "y", pt+".y")
	if err != nil {
		return err
	}
	return newX(c, p, v[0], new(big.Int).Lsh(v[1], 1))
}

// newXAdd: slope, x0, x1, y0 packed; value = new_x = (pow(slope, 2, P) - x0 - x1) % P.
func newXAdd(c *Context, pt0, pt1, p string) error {
	v, err := packInto(c, "slope", "slope", "x0", pt0+".x", "x1", pt1+".x", "y0", pt0+".y")
	if err != nil {
		return err
	}
	return newX(c, p, v[0], new(big.Int).Add(v[1], v[2]))
}

func newX(c *Context, p string, slope, sub *big.Int) error {
	pv, err := scopeInt(c, p)
	if err != nil {
		return err
	}
	sq, err := pyPowMod(slope, big1(2), pv)
	if err != nil {
		return err
	}
	v, err := pyMod(sq.Sub(sq, sub), pv)
	if err != nil {
		return err
	}
	setScope(c, v, "value", "new_x")
	return nil
}

// newY: value = new_y = (slope * (<x> - new_x) - <y>) % P, all from the scope.
func newY(c *Context, x, y, p string) error {
	v, err := scopeInts(c, "slope", x, "new_x", y, p)
	if err != nil {
		return err
	}
	r := new(big.Int).Sub(v[1], v[2])
	r.Mul(r, v[0]).Sub(r, v[3])
	if r, err = pyMod(r, v[4]); err != nil {
		return err
	}
	setScope(c, r, "value", "new_y")
	return nil
}

// bitAt is (v >> m) & 1 for Python ints (m >= 0).
func bitAt(v *big.Int, m *big.Int) (int64, error) {
	if m.Sign() < 0 {
		return 0, pyErr("ValueError", "negative shift count")
	}
	if !m.IsInt64() || m.Int64() > 1<<20 {
		return 0, nil
	}
	return int64(v.Bit(int(m.Int64()))), nil
}

func init() {
	// ec_negate.
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack

        y = pack(ids.point.y, PRIME) % SECP_P
        # The modulo operation in python always returns a nonnegative number.
        value = (-y) % SECP_P
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "SECP_P", "pack")
		return ecNegate(c, "SECP_P")
	})

	// compute_doubling_slope.
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack
        from starkware.python.math_utils import ec_double_slope

        # Compute the slope.
        x = pack(ids.point.x, PRIME)
        y = pack(ids.point.y, PRIME)
        value = slope = ec_double_slope(point=(x, y), alpha=0, p=SECP_P)
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "SECP_P", "pack")
		pyFrom(c, modMathUtils, "ec_double_slope")
		return doublingSlope(c, "point", "", "SECP_P")
	})
	register(`
        from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_ALPHA, SECP256R1_P
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        from starkware.python.math_utils import ec_double_slope

        # Compute the slope.
        x = pack(ids.point.x, PRIME)
        y = pack(ids.point.y, PRIME)
        value = slope = ec_double_slope(point=(x, y), alpha=SECP256R1_ALPHA, p=SECP256R1_P)
    `, func(c *Context) error {
		pyFrom(c, modR1Utils, "SECP256R1_ALPHA", "SECP256R1_P")
		pyFrom(c, modSecpUtils, "pack")
		pyFrom(c, modMathUtils, "ec_double_slope")
		return doublingSlope(c, "point", "SECP256R1_ALPHA", "SECP256R1_P")
	})
	// cairo_secp whitelist: alpha and the prime from the scope.
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        from starkware.python.math_utils import ec_double_slope

        # Compute the slope.
        x = pack(ids.point.x, PRIME)
        y = pack(ids.point.y, PRIME)
        value = slope = ec_double_slope(point=(x, y), alpha=ALPHA, p=SECP_P)
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "pack")
		pyFrom(c, modMathUtils, "ec_double_slope")
		return doublingSlope(c, "point", "ALPHA", "SECP_P")
	})
	// cairo_secp whitelist: the slope by div_mod, of ids.pt.
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack
        from starkware.python.math_utils import div_mod

        # Compute the slope.
        x = pack(ids.pt.x, PRIME)
        y = pack(ids.pt.y, PRIME)
        value = slope = div_mod(3 * x ** 2, 2 * y, SECP_P)
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "SECP_P", "pack")
		pyFrom(c, modMathUtils, "div_mod")
		v, err := packInto(c, "x", "pt.x", "y", "pt.y")
		if err != nil {
			return err
		}
		n := new(big.Int).Mul(v[0], v[0])
		return setSlope(c)(divMod(n.Mul(n, big1(3)), new(big.Int).Lsh(v[1], 1), secpP))
	})

	// compute_slope.
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack
        from starkware.python.math_utils import line_slope

        # Compute the slope.
        x0 = pack(ids.point0.x, PRIME)
        y0 = pack(ids.point0.y, PRIME)
        x1 = pack(ids.point1.x, PRIME)
        y1 = pack(ids.point1.y, PRIME)
        value = slope = line_slope(point1=(x0, y0), point2=(x1, y1), p=SECP_P)
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "SECP_P", "pack")
		pyFrom(c, modMathUtils, "line_slope")
		return chordSlope(c, "point0", "point1", "SECP_P")
	})
	register(`
        from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_P
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        from starkware.python.math_utils import line_slope

        # Compute the slope.
        x0 = pack(ids.point0.x, PRIME)
        y0 = pack(ids.point0.y, PRIME)
        x1 = pack(ids.point1.x, PRIME)
        y1 = pack(ids.point1.y, PRIME)
        value = slope = line_slope(point1=(x0, y0), point2=(x1, y1), p=SECP256R1_P)
    `, func(c *Context) error {
		pyFrom(c, modR1Utils, "SECP256R1_P")
		pyFrom(c, modSecpUtils, "pack")
		pyFrom(c, modMathUtils, "line_slope")
		return chordSlope(c, "point0", "point1", "SECP256R1_P")
	})
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        from starkware.python.math_utils import line_slope

        # Compute the slope.
        x0 = pack(ids.point0.x, PRIME)
        y0 = pack(ids.point0.y, PRIME)
        x1 = pack(ids.point1.x, PRIME)
        y1 = pack(ids.point1.y, PRIME)
        value = slope = line_slope(point1=(x0, y0), point2=(x1, y1), p=SECP_P)
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "pack")
		pyFrom(c, modMathUtils, "line_slope")
		return chordSlope(c, "point0", "point1", "SECP_P")
	})
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack
        from starkware.python.math_utils import div_mod

        # Compute the slope.
        x0 = pack(ids.pt0.x, PRIME)
        y0 = pack(ids.pt0.y, PRIME)
        x1 = pack(ids.pt1.x, PRIME)
        y1 = pack(ids.pt1.y, PRIME)
        value = slope = div_mod(y0 - y1, x0 - x1, SECP_P)
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "SECP_P", "pack")
		pyFrom(c, modMathUtils, "div_mod")
		v, err := packInto(c, "x0", "pt0.x", "y0", "pt0.y", "x1", "pt1.x", "y1", "pt1.y")
		if err != nil {
			return err
		}
		return setSlope(c)(divMod(new(big.Int).Sub(v[1], v[3]), new(big.Int).Sub(v[0], v[2]), secpP))
	})

	// ec_double: new_x, then new_y.
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack

        slope = pack(ids.slope, PRIME)
        x = pack(ids.point.x, PRIME)
        y = pack(ids.point.y, PRIME)

        value = new_x = (pow(slope, 2, SECP_P) - 2 * x) % SECP_P
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "SECP_P", "pack")
		return newXDouble(c, "point", "SECP_P")
	})
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack

        slope = pack(ids.slope, PRIME)
        x = pack(ids.pt.x, PRIME)
        y = pack(ids.pt.y, PRIME)

        value = new_x = (pow(slope, 2, SECP_P) - 2 * x) % SECP_P
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "SECP_P", "pack")
		return newXDouble(c, "pt", "SECP_P")
	})
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import pack

        slope = pack(ids.slope, PRIME)
        x = pack(ids.point.x, PRIME)
        y = pack(ids.point.y, PRIME)

        value = new_x = (pow(slope, 2, SECP_P) - 2 * x) % SECP_P
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "pack")
		return newXDouble(c, "point", "SECP_P")
	})
	register(`
        from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_P
        from starkware.cairo.common.cairo_secp.secp_utils import pack

        slope = pack(ids.slope, PRIME)
        x = pack(ids.point.x, PRIME)
        y = pack(ids.point.y, PRIME)

        value = new_x = (pow(slope, 2, SECP256R1_P) - 2 * x) % SECP256R1_P
    `, func(c *Context) error {
		pyFrom(c, modR1Utils, "SECP256R1_P")
		pyFrom(c, modSecpUtils, "pack")
		return newXDouble(c, "point", "SECP256R1_P")
	})
	register(`value = new_y = (slope * (x - new_x) - y) % SECP_P`, func(c *Context) error {
		return newY(c, "x", "y", "SECP_P")
	})
	register(`value = new_y = (slope * (x - new_x) - y) % SECP256R1_P`, func(c *Context) error {
		return newY(c, "x", "y", "SECP256R1_P")
	})

	// fast_ec_add: new_x, then new_y.
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack

        slope = pack(ids.slope, PRIME)
        x0 = pack(ids.point0.x, PRIME)
        x1 = pack(ids.point1.x, PRIME)
        y0 = pack(ids.point0.y, PRIME)

        value = new_x = (pow(slope, 2, SECP_P) - x0 - x1) % SECP_P
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "SECP_P", "pack")
		return newXAdd(c, "point0", "point1", "SECP_P")
	})
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack

        slope = pack(ids.slope, PRIME)
        x0 = pack(ids.pt0.x, PRIME)
        x1 = pack(ids.pt1.x, PRIME)
        y0 = pack(ids.pt0.y, PRIME)

        value = new_x = (pow(slope, 2, SECP_P) - x0 - x1) % SECP_P
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "SECP_P", "pack")
		return newXAdd(c, "pt0", "pt1", "SECP_P")
	})
	// secp256r1 fast_ec_add: SECP_P comes from the import hint before it.
	register(`
        from starkware.cairo.common.cairo_secp.secp_utils import pack

        slope = pack(ids.slope, PRIME)
        x0 = pack(ids.point0.x, PRIME)
        x1 = pack(ids.point1.x, PRIME)
        y0 = pack(ids.point0.y, PRIME)

        value = new_x = (pow(slope, 2, SECP_P) - x0 - x1) % SECP_P
    `, func(c *Context) error {
		pyFrom(c, modSecpUtils, "pack")
		return newXAdd(c, "point0", "point1", "SECP_P")
	})
	register(`value = new_y = (slope * (x0 - new_x) - y0) % SECP_P`, func(c *Context) error {
		return newY(c, "x0", "y0", "SECP_P")
	})

	// The secp256r1 constants bound under the secp256k1 names.
	register(`from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_P as SECP_P`, func(c *Context) error {
		pyFrom(c, modR1Utils, "SECP256R1_P as SECP_P")
		return nil
	})
	register(`from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_ALPHA as ALPHA`, func(c *Context) error {
		pyFrom(c, modR1Utils, "SECP256R1_ALPHA as ALPHA")
		return nil
	})
	register(`from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_N as N`, func(c *Context) error {
		pyFrom(c, modR1Utils, "SECP256R1_N as N")
		return nil
	})

	// ec_mul_inner.
	register(`memory[ap] = (ids.scalar % PRIME) % 2`, func(c *Context) error {
		s, err := c.Int("scalar")
		if err != nil {
			return err
		}
		return c.SetAP(0, feltValue(big1(int64(s.Bit(0)))))
	})

	// ec_mul_by_uint256: the scalar's 64 nibbles, least significant first;
	// fast_ec_mul_inner pops them from the end.
	register(`
        num = (ids.scalar.high << 128) + ids.scalar.low
        nibbles = [(num >> i) & 0xf for i in range(0, 256, 4)]
        ids.first_nibble = nibbles.pop()
        ids.last_nibble = nibbles[0]
    `, func(c *Context) error {
		num, err := uint256Of(c, "scalar")
		if err != nil {
			return err
		}
		setScope(c, num, "num")
		nibbles := make([]*big.Int, 64)
		for i := range nibbles {
			nibbles[i] = new(big.Int).And(new(big.Int).Rsh(num, uint(4*i)), big1(0xf))
		}
		first := nibbles[63]
		nibbles = nibbles[:63]
		c.Scope()["nibbles"] = &nibbles
		if err := c.SetInt("first_nibble", first); err != nil {
			return err
		}
		return c.SetInt("last_nibble", nibbles[0])
	})

	// fast_ec_mul_inner's local nibble = nondet %{ nibbles.pop() %}, as the
	// compiler writes it (the first local).
	register(`memory[fp + 0] = to_felt_or_relocatable(nibbles.pop())`, func(c *Context) error {
		n, err := popNibble(c)
		if err != nil {
			return err
		}
		return c.Mem.Set(c.FP(), feltValue(n))
	})

	// cairo_secp whitelist: the bit selectors of a double/quad scalar
	// multiplication.
	register(`ids.dibit = ((ids.scalar_u >> ids.m) & 1) + 2 * ((ids.scalar_v >> ids.m) & 1)`, func(c *Context) error {
		v, err := idsInts(c, "scalar_u", "m", "scalar_v", "m")
		if err != nil {
			return err
		}
		u, err := bitAt(v[0], v[1])
		if err != nil {
			return err
		}
		w, err := bitAt(v[2], v[3])
		if err != nil {
			return err
		}
		return c.SetInt("dibit", big1(u+2*w))
	})
	register(`
        ids.quad_bit = (
            8 * ((ids.scalar_v >> ids.m) & 1)
            + 4 * ((ids.scalar_u >> ids.m) & 1)
            + 2 * ((ids.scalar_v >> (ids.m - 1)) & 1)
            + ((ids.scalar_u >> (ids.m - 1)) & 1)
        )
    `, func(c *Context) error {
		v, err := idsInts(c, "scalar_v", "m", "scalar_u", "m")
		if err != nil {
			return err
		}
		m1 := new(big.Int).Sub(v[1], big1(1))
		var bits [4]int64
		for i, sm := range []struct{ s, m *big.Int }{{v[0], v[1]}, {v[2], v[1]}, {v[0], m1}, {v[2], m1}} {
			if bits[i], err = bitAt(sm.s, sm.m); err != nil {
				return err
			}
		}
		return c.SetInt("quad_bit", big1(8*bits[0]+4*bits[1]+2*bits[2]+bits[3]))
	})
	register(`ids.len_hi = max(ids.scalar_u.d2.bit_length(), ids.scalar_v.d2.bit_length())-1`, func(c *Context) error {
		v, err := idsInts(c, "scalar_u.d2", "scalar_v.d2")
		if err != nil {
			return err
		}
		return c.SetInt("len_hi", big1(int64(max(v[0].BitLen(), v[1].BitLen())-1)))
	})
}

// popNibble is nibbles.pop() on the scope's list.
func popNibble(c *Context) (*big.Int, error) {
	v, ok := c.Scope()["nibbles"]
	if !ok {
		return nil, nameError("nibbles")
	}
	l, ok := v.(*[]*big.Int)
	if !ok {
		return nil, fmt.Errorf("nibbles is not a list (%T)", v)
	}
	if len(*l) == 0 {
		return nil, pyErr("IndexError", "pop from empty list")
	}
	n := (*l)[len(*l)-1]
	*l = (*l)[:len(*l)-1]
	return n, nil
}
