// cairo-run: --layout small
%builtins output range_check
// The uint384 and uint384_extension hints of the Starknet whitelist 384_bit_prime_field.json
// (a library of 384-bit numbers as three 128-bit limbs), written inline with the whitelisted
// code, on numbers modulo the P-384 prime p = 2**384 - 2**128 - 2**96 + 2**32 - 1: division with
// remainder, (a - b) mod p, the inverse mod p, the integer square root, the sign bit, the add
// carries, get_square_root of a residue and of a non-residue (generator 19), and a 768-bit by
// 384-bit division. The hints' results are output.
// Expected outcome: success.
from starkware.cairo.common.serialize import serialize_word

const SHIFT = 2 ** 128;

struct Uint384 {
    d0: felt,
    d1: felt,
    d2: felt,
}

struct Uint768 {
    d0: felt,
    d1: felt,
    d2: felt,
    d3: felt,
    d4: felt,
    d5: felt,
}

func out{output_ptr: felt*}(x: Uint384) {
    serialize_word(x.d0);
    serialize_word(x.d1);
    serialize_word(x.d2);
    return ();
}

func unsigned_div_rem{output_ptr: felt*}(a: Uint384, div: Uint384) {
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
    out(quotient);
    out(remainder);
    return ();
}

func sub_reduced{output_ptr: felt*}(a: Uint384, b: Uint384, p: Uint384) {
    alloc_locals;
    local res: Uint384;
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
        b = pack(ids.b, num_bits_shift = 128)
        p = pack(ids.p, num_bits_shift = 128)

        res = (a - b) % p


        res_split = split(res, num_bits_shift=128, length=3)

        ids.res.d0 = res_split[0]
        ids.res.d1 = res_split[1]
        ids.res.d2 = res_split[2]
    %}
    out(res);
    return ();
}

func inverse{output_ptr: felt*}(a: Uint384, b: Uint384, p: Uint384) {
    alloc_locals;
    local b_inverse_mod_p: Uint384;
    %{
        from starkware.python.math_utils import div_mod

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
    %}
    out(b_inverse_mod_p);
    return ();
}

func div768{output_ptr: felt*}(a: Uint768, div: Uint384) {
    alloc_locals;
    local quotient: Uint768;
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

        def pack_extended(z, num_bits_shift: int) -> int:
            limbs = (z.d0, z.d1, z.d2, z.d3, z.d4, z.d5)
            return sum(limb << (num_bits_shift * i) for i, limb in enumerate(limbs))

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
    %}
    serialize_word(quotient.d0);
    serialize_word(quotient.d1);
    serialize_word(quotient.d2);
    serialize_word(quotient.d3);
    serialize_word(quotient.d4);
    serialize_word(quotient.d5);
    out(remainder);
    return ();
}

func sqrt{output_ptr: felt*}(a: Uint384) {
    alloc_locals;
    local root: Uint384;
    %{
        from starkware.python.math_utils import isqrt

        def split(num: int, num_bits_shift: int, length: int):
            a = []
            for _ in range(length):
                a.append( num & ((1 << num_bits_shift) - 1) )
                num = num >> num_bits_shift
            return tuple(a)

        def pack(z, num_bits_shift: int) -> int:
            limbs = (z.d0, z.d1, z.d2)
            return sum(limb << (num_bits_shift * i) for i, limb in enumerate(limbs))

        a = pack(ids.a, num_bits_shift=128)
        root = isqrt(a)
        assert 0 <= root < 2 ** 192
        root_split = split(root, num_bits_shift=128, length=3)
        ids.root.d0 = root_split[0]
        ids.root.d1 = root_split[1]
        ids.root.d2 = root_split[2]
    %}
    out(root);
    return ();
}

func signed_nn{output_ptr: felt*}(a: Uint384) {
    %{ memory[ap] = 1 if 0 <= (ids.a.d2 % PRIME) < 2 ** 127 else 0 %}
    ap += 1;
    serialize_word([ap - 1]);
    return ();
}

func add{output_ptr: felt*}(a: Uint384, b: Uint384) {
    alloc_locals;
    local carry_d0: felt;
    local carry_d1: felt;
    local carry_d2: felt;
    %{
        sum_d0 = ids.a.d0 + ids.b.d0
        ids.carry_d0 = 1 if sum_d0 >= ids.SHIFT else 0
        sum_d1 = ids.a.d1 + ids.b.d1 + ids.carry_d0
        ids.carry_d1 = 1 if sum_d1 >= ids.SHIFT else 0
        sum_d2 = ids.a.d2 + ids.b.d2 + ids.carry_d1
        ids.carry_d2 = 1 if sum_d2 >= ids.SHIFT else 0
    %}
    serialize_word(carry_d0);
    serialize_word(carry_d1);
    serialize_word(carry_d2);
    return ();
}

func get_square_root{output_ptr: felt*}(x: Uint384, p: Uint384, generator: Uint384) {
    alloc_locals;
    local success_x: felt;
    local success_gx: felt;
    local sqrt_x: Uint384;
    local sqrt_gx: Uint384;
    %{
        from starkware.python.math_utils import is_quad_residue, sqrt

        def split(num: int, num_bits_shift: int = 128, length: int = 3):
            a = []
            for _ in range(length):
                a.append( num & ((1 << num_bits_shift) - 1) )
                num = num >> num_bits_shift
            return tuple(a)

        def pack(z, num_bits_shift: int = 128) -> int:
            limbs = (z.d0, z.d1, z.d2)
            return sum(limb << (num_bits_shift * i) for i, limb in enumerate(limbs))


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

        # `None` means that no root was found, but we need to transform these into a felt no matter what
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
    %}
    serialize_word(success_x);
    serialize_word(success_gx);
    out(sqrt_x);
    out(sqrt_gx);
    return ();
}

func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    local p: Uint384 = Uint384(
        340282366841710300949110269842519228415,
        340282366920938463463374607431768211454,
        340282366920938463463374607431768211455,
    );
    local x: Uint384 = Uint384(
        24197857200151252728969465429440056815,
        24197857200151252728969465429440056815,
        1311768467294899695,
    );
    local y: Uint384 = Uint384(
        295990755083049101712519384020072382191,
        295990755083049101712519384020072382191,
        16045690984833335023,
    );
    unsigned_div_rem(p, x);
    unsigned_div_rem(x, p);
    sub_reduced(x, y, p);
    sub_reduced(y, x, p);
    inverse(x, y, p);
    sqrt(p);
    sqrt(Uint384(0, 0, 0));
    signed_nn(p);
    signed_nn(y);
    add(p, p);
    add(x, y);
    get_square_root(x, p, Uint384(19, 0, 0));
    get_square_root(y, p, Uint384(19, 0, 0));
    get_square_root(Uint384(0, 0, 0), p, Uint384(19, 0, 0));
    div768(Uint768(1, 2, 3, 4, 5, 6), x);
    div768(Uint768(p.d0, p.d1, p.d2, p.d0, p.d1, p.d2), p);
    return ();
}
