// cairo-run: --layout plain
// FAILING: assert_not_equal with equal values (5 and 2 + 3): the hint raises
// "AssertionError: assert_not_equal failed: 5 = 5.". Hints: assert_not_equal.
// Expected outcome: failure (exit 1).
from starkware.cairo.common.math import assert_not_equal

func main() {
    assert_not_equal(1, 2);
    tempvar y = 2 + 3;
    assert_not_equal(5, y);
    return ();
}
