// cairo-run: --layout small
%builtins output range_check
// The Uint256/Uint512 hints of the Starknet whitelist vrf.json, written inline with the
// whitelisted code: a 512-bit by 256-bit division, the inverse of a 512-bit number modulo a
// Uint256 (pow(x, -1, p)), the inverse modulo p by div_mod, and get_square_root over (low, high)
// modulo 2**255 - 19 of a residue, of a non-residue (generator 2) and of 0. The hints' results
// are output.
// Expected outcome: success.
from starkware.cairo.common.serialize import serialize_word
from starkware.cairo.common.uint256 import Uint256

struct Uint512 {
    d0: felt,
    d1: felt,
    d2: felt,
    d3: felt,
}

func out{output_ptr: felt*}(x: Uint256) {
    serialize_word(x.low);
    serialize_word(x.high);
    return ();
}

func div512{output_ptr: felt*}(x: Uint512, div: Uint256) {
    alloc_locals;
    local quotient: Uint512;
    local remainder: Uint256;
    %{
        def split(num: int, num_bits_shift: int, length: int):
            a = []
            for _ in range(length):
                a.append( num & ((1 << num_bits_shift) - 1) )
                num = num >> num_bits_shift
            return tuple(a)

        def pack(z, num_bits_shift: int) -> int:
            limbs = (z.low, z.high)
            return sum(limb << (num_bits_shift * i) for i, limb in enumerate(limbs))

        def pack_extended(z, num_bits_shift: int) -> int:
            limbs = (z.d0, z.d1, z.d2, z.d3)
            return sum(limb << (num_bits_shift * i) for i, limb in enumerate(limbs))

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
    %}
    serialize_word(quotient.d0);
    serialize_word(quotient.d1);
    serialize_word(quotient.d2);
    serialize_word(quotient.d3);
    out(remainder);
    return ();
}

func inv512{output_ptr: felt*}(x: Uint512, p: Uint256) {
    alloc_locals;
    local x_inverse_mod_p: Uint256;
    %{
        def pack_512(u, num_bits_shift: int) -> int:
            limbs = (u.d0, u.d1, u.d2, u.d3)
            return sum(limb << (num_bits_shift * i) for i, limb in enumerate(limbs))

        x = pack_512(ids.x, num_bits_shift = 128)
        p = ids.p.low + (ids.p.high << 128)
        x_inverse_mod_p = pow(x,-1, p)

        x_inverse_mod_p_split = (x_inverse_mod_p & ((1 << 128) - 1), x_inverse_mod_p >> 128)

        ids.x_inverse_mod_p.low = x_inverse_mod_p_split[0]
        ids.x_inverse_mod_p.high = x_inverse_mod_p_split[1]
    %}
    out(x_inverse_mod_p);
    return ();
}

func inverse{output_ptr: felt*}(a: Uint256, b: Uint256, p: Uint256) {
    alloc_locals;
    local b_inverse_mod_p: Uint256;
    %{
        from starkware.python.math_utils import div_mod

        def split(a: int):
            return (a & ((1 << 128) - 1), a >> 128)

        def pack(z, num_bits_shift: int) -> int:
            limbs = (z.low, z.high)
            return sum(limb << (num_bits_shift * i) for i, limb in enumerate(limbs))

        a = pack(ids.a, 128)
        b = pack(ids.b, 128)
        p = pack(ids.p, 128)
        # For python3.8 and above the modular inverse can be computed as follows:
        # b_inverse_mod_p = pow(b, -1, p)
        # Instead we use the python3.7-friendly function div_mod from starkware.python.math_utils
        b_inverse_mod_p = div_mod(1, b, p)

        b_inverse_mod_p_split = split(b_inverse_mod_p)

        ids.b_inverse_mod_p.low = b_inverse_mod_p_split[0]
        ids.b_inverse_mod_p.high = b_inverse_mod_p_split[1]
    %}
    out(b_inverse_mod_p);
    return ();
}

func get_square_root{output_ptr: felt*}(x: Uint256, p: Uint256, generator: Uint256) {
    alloc_locals;
    local success_x: felt;
    local success_gx: felt;
    local sqrt_x: Uint256;
    local sqrt_gx: Uint256;
    %{
        from starkware.python.math_utils import is_quad_residue, sqrt

        def split(a: int):
            return (a & ((1 << 128) - 1), a >> 128)

        def pack(z) -> int:
            return z.low + (z.high << 128)

        generator = pack(ids.generator)
        x = pack(ids.x)
        p = pack(ids.p)

        success_x = is_quad_residue(x, p)
        root_x = sqrt(x, p) if success_x else None
        success_gx = is_quad_residue(generator*x, p)
        root_gx = sqrt(generator*x, p) if success_gx else None

        # Check that one is 0 and the other is 1
        if x != 0:
            assert success_x + success_gx == 1

        # `None` means that no root was found, but we need to transform these into a felt no matter what
        if root_x == None:
            root_x = 0
        if root_gx == None:
            root_gx = 0
        ids.success_x = int(success_x)
        ids.success_gx = int(success_gx)
        split_root_x = split(root_x)
        # print('split root x', split_root_x)
        split_root_gx = split(root_gx)
        ids.sqrt_x.low = split_root_x[0]
        ids.sqrt_x.high = split_root_x[1]
        ids.sqrt_gx.low = split_root_gx[0]
        ids.sqrt_gx.high = split_root_gx[1]
    %}
    serialize_word(success_x);
    serialize_word(success_gx);
    out(sqrt_x);
    out(sqrt_gx);
    return ();
}

func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    // 2**255 - 19.
    local p: Uint256 = Uint256(2 ** 128 - 19, 2 ** 127 - 1);
    div512(Uint512(1, 2, 3, 4), p);
    div512(Uint512(2 ** 128 - 1, 2 ** 128 - 1, 2 ** 128 - 1, 2 ** 128 - 1), Uint256(7, 0));
    inv512(Uint512(5, 6, 7, 8), p);
    inv512(Uint512(3, 0, 0, 0), Uint256(10, 0));
    inverse(Uint256(1, 2), Uint256(12345, 678), p);
    get_square_root(Uint256(4, 0), p, Uint256(2, 0));
    get_square_root(Uint256(2, 0), p, Uint256(2, 0));
    get_square_root(Uint256(0xfedcba9876543210, 0x123456789), p, Uint256(2, 0));
    get_square_root(Uint256(0, 0), p, Uint256(2, 0));
    return ();
}
