package hints

// The uint512 hints of the vrf whitelist: a 512-bit number (four 128-bit
// limbs d0..d3) divided by, or inverted modulo, a Uint256.

func init() {
	// u512_unsigned_div_rem.
	register(pySplit+pyDefPack("pack(z, num_bits_shift: int)", "z.low, z.high")+pyDefPack("pack_extended(z, num_bits_shift: int)", "z.d0, z.d1, z.d2, z.d3")+`
        x = pack_extended(ids.x, num_bits_shift = 128)
        div = pack(ids.div, num_bits_shift = 128)

        quotient, remainder = divmod(x, div)

        quotient_split = split(quotient, num_bits_shift=128, length=4)

        ids.quotient.d0 = quotient_split[0]
        ids.quotient.d1 = quotient_split[1]
        ids.quotient.d2 = quotient_split[2]
        ids.quotient.d3 = quotient_split[3]

        remainder_split = split(remainder, num_bits_shift=128, length=2)
        ids.remainder.low = remainder_split[0]
        ids.remainder.high = remainder_split[1]
    `, func(c *Context) error {
		defLocal(c, "split", "pack", "pack_extended")
		return divRem128(c, "x", u512, u256)
	})

	// inv_mod_p_uint512: x^-1 modulo a Uint256 p, by Python's pow(x, -1, p).
	register(pyDefPack("pack_512(u, num_bits_shift: int)", "u.d0, u.d1, u.d2, u.d3")+`
        x = pack_512(ids.x, num_bits_shift = 128)
        p = ids.p.low + (ids.p.high << 128)
        x_inverse_mod_p = pow(x,-1, p)

        x_inverse_mod_p_split = (x_inverse_mod_p & ((1 << 128) - 1), x_inverse_mod_p >> 128)

        ids.x_inverse_mod_p.low = x_inverse_mod_p_split[0]
        ids.x_inverse_mod_p.high = x_inverse_mod_p_split[1]
    `, func(c *Context) error {
		defLocal(c, "pack_512")
		x, err := u512.packBind(c, "x", "x")
		if err != nil {
			return err
		}
		p, err := u256.packBind(c, "p", "p")
		if err != nil {
			return err
		}
		inv, err := pyPowMod(x, big1(-1), p)
		if err != nil {
			return err
		}
		setScope(c, inv, "x_inverse_mod_p")
		return setUint256(c, "x_inverse_mod_p", inv)
	})
}
