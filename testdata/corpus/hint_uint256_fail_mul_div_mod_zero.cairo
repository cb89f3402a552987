// cairo-run: --layout small
%builtins range_check
// FAILING: uint256_mul_div_mod with div = 0 (its documented assumption is div != 0): Python's
// divmod raises ZeroDivisionError inside the hint.
// Hints: split_64 (in uint256_mul), uint256_mul_div_mod. Expected outcome: failure (exit 1).
from starkware.cairo.common.uint256 import Uint256, uint256_mul_div_mod

func main{range_check_ptr}() {
    let (ql, qh, r) = uint256_mul_div_mod(Uint256(5, 0), Uint256(7, 0), Uint256(0, 0));
    return ();
}
