// cairo-run: --layout small
%builtins range_check
// FAILING: signed_pow(0, -2): the hint asserts that the base is not 0 before inverting.
// Hints: sign's is_positive, signed_pow. Expected outcome: failure (exit 1),
// "AssertionError: Cannot raise 0 to a negative power.".
from starkware.cairo.common.pow import signed_pow

func main{range_check_ptr}() {
    let x = signed_pow(0, -2);
    return ();
}
