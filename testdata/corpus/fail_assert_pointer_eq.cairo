// cairo-run: --layout plain
// FAILING: asserting two different pointers equal (p + 1 vs p + 2 in the same segment); shows how
// relocatable values are printed in the ASSERT_EQ message (segment:offset):
// "An ASSERT_EQ instruction failed: 4:1 != 4:2." Hints: alloc.
// Expected outcome: failure (exit 1).
from starkware.cairo.common.alloc import alloc

func main() {
    alloc_locals;
    let (local p: felt*) = alloc();
    tempvar q = p + 1;
    assert q + 1 = p + 1;
    return ();
}
