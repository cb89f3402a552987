// cairo-run: --layout small
%builtins range_check
// FAILING: uint256_sqrt on a malformed Uint256 whose high limb is 2**130 (not range-checked before
// the hint): the root is at least 2**128 and the hint's bare `assert 0 <= root < 2 ** 128` fails.
// Hints: uint256_sqrt. Expected outcome: failure (exit 1), AssertionError without a message.
from starkware.cairo.common.uint256 import Uint256, uint256_sqrt

func main{range_check_ptr}() {
    let (r) = uint256_sqrt(Uint256(0, 2 ** 130));
    return ();
}
