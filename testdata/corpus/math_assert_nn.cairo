// cairo-run: --layout small
%builtins range_check
// assert_nn from starkware.cairo.common.math on 0, 1, 2**128 - 1 and a runtime value; the
// range_check pointer advances by one cell per call (4 cells used).
// Hints: assert_nn (`assert_integer(ids.a); assert 0 <= ids.a % PRIME < range_check_builtin.bound`).
// Expected outcome: success.
from starkware.cairo.common.math import assert_nn

func main{range_check_ptr}() {
    assert_nn(0);
    assert_nn(1);
    assert_nn(2 ** 128 - 1);
    tempvar x = 1000 - 999;
    assert_nn(x);
    return ();
}
