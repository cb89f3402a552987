// cairo-run: --layout small
%builtins range_check
// FAILING: assert_not_zero on a runtime 0 (x = 6 - 6): the hint raises
// "AssertionError: assert_not_zero failed: 0 = 0.". Hints: assert_not_zero.
// Expected outcome: failure (exit 1).
from starkware.cairo.common.math import assert_not_zero

func main{range_check_ptr}() {
    tempvar x = 6 - 6;
    assert_not_zero(x);
    return ();
}
