// cairo-run: --layout small
%builtins output range_check
// Exponentiation by squaring with unsigned_div_rem for the bit decomposition of the exponent:
// 3^100 mod P and 2^250; compared with the compile-time constant 2 ** 250.
// Hints: unsigned_div_rem, assert_nn (inside assert_le). Expected outcome: success.
from starkware.cairo.common.math import unsigned_div_rem
from starkware.cairo.common.serialize import serialize_word

func pow{range_check_ptr}(base, e) -> felt {
    if (e == 0) {
        return 1;
    }
    alloc_locals;
    let (half, bit) = unsigned_div_rem(e, 2);
    let (local h) = pow_tuple(base, half);
    if (bit == 0) {
        return h * h;
    }
    return h * h * base;
}

func pow_tuple{range_check_ptr}(base, e) -> (res: felt) {
    let r = pow(base, e);
    return (res=r);
}

func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    let (local a) = pow_tuple(3, 100);
    let (local b) = pow_tuple(2, 250);
    assert b = 2 ** 250;
    serialize_word(a);
    serialize_word(b);
    return ();
}
