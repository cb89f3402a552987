// cairo-run: --layout plain
// assert_not_equal from starkware.cairo.common.math on felts (including a, a + P-equivalents
// that differ) and on two different pointers of the same segment. No builtins needed.
// Hints: assert_not_equal (both ints or both relocatable in the same segment,
// `assert (ids.a - ids.b) % PRIME != 0`), alloc (memory[ap] = segments.add()).
// Expected outcome: success.
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.math import assert_not_equal

func main() {
    alloc_locals;
    assert_not_equal(1, 2);
    assert_not_equal(-1, 1);
    assert_not_equal(0, 2 ** 251);
    let (local p: felt*) = alloc();
    assert_not_equal(cast(p, felt), cast(p + 1, felt));
    return ();
}
