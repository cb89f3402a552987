package hints

// The uint384_extension hint of the 384_bit_prime_field and vrf
// whitelists: a 768-bit number (six 128-bit limbs) divided by a 384-bit one.

func init() {
	register(pySplit+pyPack384+pyDefPack("pack_extended(z, num_bits_shift: int)", "z.d0, z.d1, z.d2, z.d3, z.d4, z.d5")+`
        a = pack_extended(ids.a, num_bits_shift = 128)
        div = pack(ids.div, num_bits_shift = 128)

        quotient, remainder = divmod(a, div)

        quotient_split = split(quotient, num_bits_shift=128, length=6)

        ids.quotient.d0 = quotient_split[0]
        ids.quotient.d1 = quotient_split[1]
        ids.quotient.d2 = quotient_split[2]
        ids.quotient.d3 = quotient_split[3]
        ids.quotient.d4 = quotient_split[4]
        ids.quotient.d5 = quotient_split[5]

        remainder_split = split(remainder, num_bits_shift=128, length=3)
        ids.remainder.d0 = remainder_split[0]
        ids.remainder.d1 = remainder_split[1]
        ids.remainder.d2 = remainder_split[2]
    `, func(c *Context) error {
		defLocal(c, "split", "pack", "pack_extended")
		return divRem128(c, "a", u768, u384)
	})
}
