// cairo-run: --layout small
%builtins range_check
// FAILING: verify_zero (starkware/cairo/common/cairo_secp/field.cairo) on (1, -1, 2**90), which
// is not zero modulo the secp256k1 prime: the hint's assertion prints the limbs as Python sees
// them (field elements in [0, PRIME)).
// Hints: verify_zero. Expected outcome: failure (exit 1), "verify_zero: Invalid input (...)".
from starkware.cairo.common.cairo_secp.bigint3 import UnreducedBigInt3
from starkware.cairo.common.cairo_secp.field import verify_zero

func main{range_check_ptr}() {
    verify_zero(UnreducedBigInt3(0, 0, 0));
    verify_zero(UnreducedBigInt3(1, -1, 2 ** 90));
    return ();
}
