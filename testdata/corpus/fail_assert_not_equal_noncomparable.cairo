// cairo-run: --layout plain
// FAILING: assert_not_equal(pointer, felt): the hint rejects the mix with
// "AssertionError: assert_not_equal failed: non-comparable values: 4:0, 0.".
// Hints: alloc, assert_not_equal. Expected outcome: failure (exit 1).
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.math import assert_not_equal

func main() {
    let (p) = alloc();
    assert_not_equal(cast(p, felt), 0);
    return ();
}
