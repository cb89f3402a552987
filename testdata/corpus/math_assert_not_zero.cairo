// cairo-run: --layout small
%builtins range_check
// assert_not_zero from starkware.cairo.common.math on 1, -1, P - 1 style values and a runtime
// value (it uses no range check cells, the builtin is declared but untouched).
// Hints: assert_not_zero (`assert_integer(ids.value); assert ids.value % PRIME != 0`).
// Expected outcome: success.
from starkware.cairo.common.math import assert_not_zero

func main{range_check_ptr}() {
    assert_not_zero(1);
    assert_not_zero(-1);
    assert_not_zero(2 ** 250);
    tempvar x = 5 * 7;
    assert_not_zero(x - 34);
    return ();
}
