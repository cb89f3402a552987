// cairo-run: --layout plain
// FAILING: uint384's unsigned_div_rem hint of the 384_bit_prime_field.json whitelist, written
// inline, with div = 0: Python's divmod raises ZeroDivisionError.
// Expected outcome: failure (exit 1).
struct Uint384 {
    d0: felt,
    d1: felt,
    d2: felt,
}

func unsigned_div_rem(a: Uint384, div: Uint384) -> (quotient: Uint384, remainder: Uint384) {
    alloc_locals;
    local quotient: Uint384;
    local remainder: Uint384;
    %{
        def split(num: int, num_bits_shift: int, length: int):
            a = []
            for _ in range(length):
                a.append( num & ((1 << num_bits_shift) - 1) )
                num = num >> num_bits_shift
            return tuple(a)

        def pack(z, num_bits_shift: int) -> int:
            limbs = (z.d0, z.d1, z.d2)
            return sum(limb << (num_bits_shift * i) for i, limb in enumerate(limbs))

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
    %}
    return (quotient, remainder);
}

func main() {
    let (q, r) = unsigned_div_rem(Uint384(1, 2, 3), Uint384(0, 0, 0));
    return ();
}
