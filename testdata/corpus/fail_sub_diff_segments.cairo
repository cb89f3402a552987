// cairo-run: --layout plain
// FAILING: subtracting pointers of two different segments (4:0 - 5:0):
// "Can only subtract two relocatable values of the same segment (4 != 5)."
// Hints: alloc. Expected outcome: failure (exit 1).
from starkware.cairo.common.alloc import alloc

func main() {
    alloc_locals;
    let (local p) = alloc();
    let (local q) = alloc();
    tempvar d = cast(p, felt) - cast(q, felt);
    return ();
}
