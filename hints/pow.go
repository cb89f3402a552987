package hints

// The hints of common/pow.cairo.

func init() {
	// pow: the low bit of the remaining exponent.
	register(`ids.locs.bit = (ids.prev_locs.exp % PRIME) & 1`, func(c *Context) error {
		e, err := c.Int("prev_locs.exp")
		if err != nil {
			return err
		}
		return c.SetInt("locs.bit", big1(int64(e.Bit(0))))
	})

	// signed_pow with a negative exponent.
	register(`assert ids.base != 0, "Cannot raise 0 to a negative power."`, func(c *Context) error {
		b, err := c.Get("base")
		if err != nil {
			return err
		}
		if f, ok := b.Felt(); ok && f.IsZero() {
			return assertf("Cannot raise 0 to a negative power.")
		}
		return nil
	})
}
