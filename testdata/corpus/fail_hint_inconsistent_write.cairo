// cairo-run: --layout plain
// FAILING: inconsistent memory write by a hint: [ap + 2] is set to 5 before `call alloc`, so the
// alloc hint `memory[ap] = segments.add()` (ap = caller's ap + 2 inside alloc) hits a cell that
// already holds 5. Hints: alloc. Expected outcome: failure (exit 1), an "Inconsistent memory
// assignment" error inside a hint exception.
from starkware.cairo.common.alloc import alloc

func main() {
    [ap + 2] = 5;
    let (p) = alloc();
    return ();
}
