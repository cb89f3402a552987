// cairo-run: --layout small
%builtins range_check
// FAILING: recover_public_key with r = 5, which is not the x coordinate of a secp256k1 point:
// get_point_from_x's hint takes the (SECP_P + 1) / 4 power of x^3 + 7, which is then not a
// square root, and the following verify_zero hint rejects y^2 - (x^3 + 7).
// Hints: reduce, nondet_bigint3, verify_zero, get_point_from_x, assert_nn(_le).
// Expected outcome: failure (exit 1), "verify_zero: Invalid input (...)".
from starkware.cairo.common.cairo_secp.bigint3 import BigInt3
from starkware.cairo.common.cairo_secp.signature import recover_public_key

func main{range_check_ptr}() {
    let (pk) = recover_public_key(
        msg_hash=BigInt3(1, 2, 3), r=BigInt3(5, 0, 0), s=BigInt3(7, 0, 0), v=0
    );
    return ();
}
