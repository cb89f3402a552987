// cairo-run: --layout small
%builtins range_check
// FAILING: nondet_bigint3 (starkware/cairo/common/cairo_secp/bigint.cairo) called when no earlier
// hint bound `value` in the exec scope: split(value) raises NameError.
// Hints: nondet_bigint3. Expected outcome: failure (exit 1), "name 'value' is not defined".
from starkware.cairo.common.cairo_secp.bigint import nondet_bigint3

func main{range_check_ptr}() {
    let (x) = nondet_bigint3();
    return ();
}
