// cairo-run: --layout small
%builtins range_check
// FAILING: assert_le(10, 3) inside `with_attr error_message(...)`: the assert_nn hint (reached
// via assert_le) fails on 3 - 10; cairo-run adds the line "Error message: x must be <= y" to the
// Cairo traceback. Hints: assert_nn (via assert_le). Expected outcome: failure (exit 1).
from starkware.cairo.common.math import assert_le

func main{range_check_ptr}() {
    assert_le(1, 2);
    with_attr error_message("x must be <= y") {
        assert_le(10, 3);
    }
    return ();
}
