// cairo-run: --layout small
%builtins range_check
// FAILING: assert_nn(-5) inside a helper: the assert_nn hint raises
// "AssertionError: a = <P - 5> is out of range." (reported as "Got an exception while executing a
// hint." with a Cairo traceback and the Python hint traceback).
// Hints: assert_nn. Expected outcome: failure (exit 1).
from starkware.cairo.common.math import assert_nn

func check{range_check_ptr}(x) {
    assert_nn(x);
    return ();
}

func main{range_check_ptr}() {
    check(7);
    check(-5);
    return ();
}
