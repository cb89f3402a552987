// cairo-run: --layout small
%builtins range_check
// assert_le (a <= b via assert_nn(b - a)), assert_lt (assert_le(a, b - 1)) and assert_nn_le
// (assert_nn(a) + assert_le(a, b)) from starkware.cairo.common.math: all use only the assert_nn hint.
// Hints: assert_nn (`assert 0 <= ids.a % PRIME < range_check_builtin.bound`).
// Expected outcome: success.
from starkware.cairo.common.math import assert_le, assert_lt, assert_nn_le

func main{range_check_ptr}() {
    assert_le(3, 3);
    assert_le(3, 10);
    assert_le(-5, -2);
    assert_lt(4, 5);
    assert_lt(0, 2 ** 100);
    assert_nn_le(7, 7);
    assert_nn_le(0, 100);
    return ();
}
