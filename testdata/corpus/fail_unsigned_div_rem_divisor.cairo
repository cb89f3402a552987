// cairo-run: --layout small
%builtins range_check
// FAILING: unsigned_div_rem with a divisor above PRIME // range_check_builtin.bound (2**128 * 2**5
// > P // 2**128 ~ 2**123): the hint raises "AssertionError: div=0x... is out of the valid range.".
// Hints: unsigned_div_rem. Expected outcome: failure (exit 1).
from starkware.cairo.common.math import unsigned_div_rem

func main{range_check_ptr}() {
    let (q, r) = unsigned_div_rem(1000, 2 ** 133);
    return ();
}
