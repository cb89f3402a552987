// cairo-run: --layout small
%builtins output range_check
// A secp256r1 (P-256) ECDSA check with starkware/cairo/common/secp256r1/ec.cairo: the python
// ecdsa package signed sha256("cairn secp256r1 golden") with the private key 0x5eed repeated 16
// times (mod n), and u1 = z / s, u2 = r / s (mod n) were computed offline; the program computes
// R = u1 * G + u2 * Q with ec_mul_by_uint256 and ec_add and checks R.x = r. It also recovers Q
// from its x coordinate (try_get_point_from_x), rejects an x that is not on the curve, and tests
// is_zero on 0 and on p. Outputs R, the recovered Q.y and the flags.
// Hints: the secp256r1 slopes and coordinates, the SECP256R1_P as SECP_P import, nondet_bigint3,
// assert_165_bit, verify_zero, reduce, is_zero, try_get_point_from_x, the nibbles.
// Expected outcome: success.
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.cairo_secp.bigint3 import BigInt3, SumBigInt3
from starkware.cairo.common.cairo_secp.ec_point import EcPoint
from starkware.cairo.common.secp256r1.ec import ec_add, ec_mul_by_uint256, try_get_point_from_x
from starkware.cairo.common.secp256r1.field import is_zero
from starkware.cairo.common.serialize import serialize_word
from starkware.cairo.common.uint256 import Uint256

func out_big{output_ptr: felt*}(x: BigInt3) {
    serialize_word(x.d0);
    serialize_word(x.d1);
    serialize_word(x.d2);
    return ();
}

func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    local g: EcPoint = EcPoint(
        BigInt3(52227620040540588600771222, 33347259622618539004134583, 8091721874918813684698062),
        BigInt3(59685082318776612195095029, 54599710628478995760242092, 6036146923926000695307902),
    );
    local q: EcPoint = EcPoint(
        BigInt3(14080230207341699663329757, 19778576169494274671625832, 18674304915762793292002346),
        BigInt3(53351563274825882856822220, 51758545877873213333979900, 15785729469283002066546696),
    );
    let (p1) = ec_mul_by_uint256(
        g, Uint256(0xd8d9167c400693aaec0b8c9fb8cfb384, 0x41b5bfa0a840e8b1f9c58c5c336f5967)
    );
    let (p2) = ec_mul_by_uint256(
        q, Uint256(0x6a2fb23facf6401e4992202f0e4a80e9, 0x1207197401f2a7506d0f1f3e2a21525b)
    );
    let (r_point) = ec_add(p1, p2);
    assert r_point.x = BigInt3(
        62276960228588805039496101, 54441508601140977390432060, 3382350254258001822837864
    );
    out_big(r_point.x);
    out_big(r_point.y);

    let (local result: EcPoint*) = alloc();
    let (found) = try_get_point_from_x(x=q.x, v=0, result=result);
    serialize_word(found);
    out_big(result.y);
    let (found) = try_get_point_from_x(x=BigInt3(2, 0, 0), v=0, result=result + EcPoint.SIZE);
    serialize_word(found);

    let (z) = is_zero(SumBigInt3(0, 0, 0));
    serialize_word(z);
    let (z) = is_zero(SumBigInt3(0x3fffffffffffffffffffff, 0x3ff, 0xffffffff0000000100000));
    serialize_word(z);
    let (z) = is_zero(SumBigInt3(3, 2, 1));
    serialize_word(z);
    return ();
}
