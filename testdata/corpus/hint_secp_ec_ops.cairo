// cairo-run: --layout small
%builtins output range_check
// secp256k1 curve and field operations of starkware/cairo/common/cairo_secp: ec_double, ec_add
// (distinct points, opposite points, the zero point), ec_negate, ec_mul_by_uint256 (the nibble
// table), try_get_point_from_x on and off the curve, is_zero on 0 and on p (zero mod
// the prime) and on 5, reduce, bigint_to_uint256 and uint256_to_bigint. G is the generator.
// Hints: the slopes and coordinates of ec_double / fast_ec_add, ec_negate, nondet_bigint3,
// verify_zero, reduce, is_zero (pack, x == 0, the inverse), try_get_point_from_x's y and is_on_curve,
// ec_mul_by_uint256's nibbles, bigint_to_uint256's low, unsigned_div_rem, assert_nn(_le).
// Expected outcome: success.
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.cairo_secp.bigint import bigint_to_uint256, uint256_to_bigint
from starkware.cairo.common.cairo_secp.bigint3 import BigInt3, SumBigInt3, UnreducedBigInt3
from starkware.cairo.common.cairo_secp.ec import ec_add, ec_double, ec_mul_by_uint256, ec_negate
from starkware.cairo.common.cairo_secp.ec_point import EcPoint
from starkware.cairo.common.cairo_secp.field import is_zero, reduce
from starkware.cairo.common.cairo_secp.signature import get_generator_point, try_get_point_from_x
from starkware.cairo.common.serialize import serialize_word
from starkware.cairo.common.uint256 import Uint256

func out_big{output_ptr: felt*}(x: BigInt3) {
    serialize_word(x.d0);
    serialize_word(x.d1);
    serialize_word(x.d2);
    return ();
}

func out_point{output_ptr: felt*}(p: EcPoint) {
    out_big(p.x);
    out_big(p.y);
    return ();
}

func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    let (g) = get_generator_point();
    let (g2) = ec_double(g);
    out_point(g2);
    let (g3) = ec_add(g2, g);
    out_point(g3);
    let (minus_g) = ec_negate(g);
    out_point(minus_g);
    let (zero) = ec_add(g, minus_g);
    out_point(zero);
    let (g_again) = ec_add(zero, g);
    out_point(g_again);
    let (g4) = ec_add(g2, g2);
    out_point(g4);

    let (m) = ec_mul_by_uint256(g, Uint256(0xfedcba9876543210fedcba9876543210, 0x1234567));
    out_point(m);

    let (local result: EcPoint*) = alloc();
    let (found) = try_get_point_from_x(x=g3.x, v=1, result=result);
    serialize_word(found);
    out_point([result]);
    let (found) = try_get_point_from_x(x=BigInt3(5, 0, 0), v=0, result=result + EcPoint.SIZE);
    serialize_word(found);

    let (z) = is_zero(SumBigInt3(0, 0, 0));
    serialize_word(z);
    // p = 2**256 - 2**32 - 977 in limbs of 86 bits.
    let (z) = is_zero(
        SumBigInt3(0x3ffffffffffffefffffc2f, 0x3fffffffffffffffffffff, 0xfffffffffffffffffffff)
    );
    serialize_word(z);
    let (z) = is_zero(SumBigInt3(5, 0, 0));
    serialize_word(z);
    let (r) = reduce(UnreducedBigInt3(-1, 2 ** 100, -(2 ** 90)));
    out_big(r);

    let (u) = bigint_to_uint256(g.x);
    serialize_word(u.low);
    serialize_word(u.high);
    let (b) = uint256_to_bigint(u);
    out_big(b);
    return ();
}
