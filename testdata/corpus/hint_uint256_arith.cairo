// cairo-run: --layout small
%builtins output range_check
// The arithmetic of starkware/cairo/common/uint256.cairo on edge values: uint256_add with and
// without carries, uint256_sub, uint256_mul (split_64), uint256_sqrt, uint256_unsigned_div_rem
// (including division by zero, which returns (0, 0) before the hint), uint256_mul_div_mod,
// uint256_signed_nn / signed_lt / signed_div_rem, uint256_shl / shr (pow), felt_to_uint256.
// Every result is output as (low, high).
// Hints: uint256_add's carries, split_64, uint256_sqrt, uint256_signed_nn,
// uint256_unsigned_div_rem, uint256_mul_div_mod, pow's bit, split_felt, assert_nn, is_le.
// Expected outcome: success.
from starkware.cairo.common.serialize import serialize_word
from starkware.cairo.common.uint256 import (
    Uint256,
    felt_to_uint256,
    split_64,
    uint256_add,
    uint256_mul,
    uint256_mul_div_mod,
    uint256_shl,
    uint256_shr,
    uint256_signed_div_rem,
    uint256_signed_lt,
    uint256_signed_nn,
    uint256_sqrt,
    uint256_sub,
    uint256_unsigned_div_rem,
)

const M = 2 ** 128 - 1;

func out{output_ptr: felt*}(x: Uint256) {
    serialize_word(x.low);
    serialize_word(x.high);
    return ();
}

func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    // Additions: no carry, carry into high, carry out of the top.
    let (s, c) = uint256_add(Uint256(5, 7), Uint256(11, 13));
    out(s);
    serialize_word(c);
    let (s, c) = uint256_add(Uint256(M, 0), Uint256(1, 0));
    out(s);
    serialize_word(c);
    let (s, c) = uint256_add(Uint256(M, M), Uint256(M, M));
    out(s);
    serialize_word(c);
    let (d) = uint256_sub(Uint256(0, 0), Uint256(1, 0));
    out(d);

    // split_64 directly and through uint256_mul.
    let (lo, hi) = split_64(2 ** 130 + 2 ** 64 + 3);
    serialize_word(lo);
    serialize_word(hi);
    let (low, high) = uint256_mul(Uint256(M, M), Uint256(M, M));
    out(low);
    out(high);
    let (low, high) = uint256_mul(Uint256(2 ** 100 + 3, 17), Uint256(2 ** 127, 2 ** 90));
    out(low);
    out(high);

    // Square roots.
    let (r) = uint256_sqrt(Uint256(0, 0));
    out(r);
    let (r) = uint256_sqrt(Uint256(M, M));
    out(r);
    let (r) = uint256_sqrt(Uint256(12345678901234567890, 98765));
    out(r);

    // Division.
    let (q, rem) = uint256_unsigned_div_rem(Uint256(M, M), Uint256(7, 0));
    out(q);
    out(rem);
    let (q, rem) = uint256_unsigned_div_rem(Uint256(5, 0), Uint256(0, 1));
    out(q);
    out(rem);
    let (q, rem) = uint256_unsigned_div_rem(Uint256(5, 3), Uint256(0, 0));
    out(q);
    out(rem);
    let (ql, qh, rem) = uint256_mul_div_mod(Uint256(M, M), Uint256(M, M), Uint256(3, 0));
    out(ql);
    out(qh);
    out(rem);
    let (ql, qh, rem) = uint256_mul_div_mod(
        Uint256(2 ** 127 + 1, 2 ** 127), Uint256(99, 2 ** 64), Uint256(M, 2 ** 100)
    );
    out(ql);
    out(qh);
    out(rem);

    // Signed.
    let (nn) = uint256_signed_nn(Uint256(0, 2 ** 127 - 1));
    serialize_word(nn);
    let (nn) = uint256_signed_nn(Uint256(0, 2 ** 127));
    serialize_word(nn);
    let (lt) = uint256_signed_lt(Uint256(M, M), Uint256(0, 0));
    serialize_word(lt);
    let (q, rem) = uint256_signed_div_rem(Uint256(M - 99, M), Uint256(7, 0));
    out(q);
    out(rem);

    // Shifts (pow of 2).
    let (x) = uint256_shl(Uint256(3, 0), Uint256(200, 0));
    out(x);
    let (x) = uint256_shr(Uint256(M, M), Uint256(129, 0));
    out(x);
    let x = felt_to_uint256(-1);
    out(x);
    return ();
}
