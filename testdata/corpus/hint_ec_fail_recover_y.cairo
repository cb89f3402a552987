// cairo-run: --layout small
%builtins range_check
// FAILING: recover_y(x) for an x with no point on the STARK curve: math_utils.recover_y raises
// NotOnCurveException inside the hint.
// Hints: recover_y. Expected outcome: failure (exit 1).
from starkware.cairo.common.ec import is_x_on_curve, recover_y

func main{range_check_ptr}() {
    let r = is_x_on_curve(5);
    assert r = 0;
    let (p) = recover_y(5);
    return ();
}
