package hints

import (
	"math/big"

	"github.com/cairn-vm/cairn/crypto/ecdsa"
)

// The STARK-curve hints of common/ec.cairo besides ec_op's (recover_y), and
// those of common/cairo_ec_op/ec_op.cairo (the Cairo simulation of the
// ec_op builtin).

func init() {
	// recover_y.
	register(`
        from starkware.crypto.signature.signature import ALPHA, BETA, FIELD_PRIME
        from starkware.python.math_utils import recover_y
        ids.p.x = ids.x
        # This raises an exception if `+"`x`"+` is not on the curve.
        ids.p.y = recover_y(ids.x, ALPHA, BETA, FIELD_PRIME)
    `, func(c *Context) error {
		x, err := c.Get("x")
		if err != nil {
			return err
		}
		if err := c.Set("p.x", x); err != nil {
			return err
		}
		xf, err := c.Felt("x")
		if err != nil {
			return err
		}
		y, err := ecdsa.RecoverY(xf)
		if err != nil {
			return pyErr("starkware.python.math_utils.NotOnCurveException",
				"%v does not represent the x coordinate of a point on the curve.", xf)
		}
		return c.SetFelt("p.y", y)
	})

	// simulate_builtin_ec_op_with_cairo: the bits of m.
	register(`
        curr_m = ids.m
        for i in range(ids.M_MAX_BITS):
            memory[ids.m_bit_unpacking + i] = curr_m % 2
            curr_m = curr_m >> 1
    `, func(c *Context) error {
		m, err := c.Int("m")
		if err != nil {
			return err
		}
		n, err := c.Const("M_MAX_BITS")
		if err != nil {
			return err
		}
		out, err := c.Ptr("m_bit_unpacking")
		if err != nil {
			return err
		}
		if !n.IsInt64() || n.Int64() > 1<<20 {
			return pyErr("OverflowError", "M_MAX_BITS = %v is too large", n)
		}
		for i := int64(0); i < n.Int64(); i++ {
			if err := c.Mem.Set(out.AddUint(uint64(i)), feltValue(big1(int64(m.Bit(int(i)))))); err != nil {
				return err
			}
		}
		setScope(c, new(big.Int).Rsh(m, uint(max(n.Int64(), 0))), "curr_m")
		return nil
	})
	register(`assert False, "ec_op failed."`, func(c *Context) error {
		return assertf("ec_op failed.")
	})
}
