// cairo-run: --layout plain
// FAILING: multiplying a relocatable by a felt at runtime (cast(p, felt) * 2):
// "Could not complete computation * of non pure values: (RelocatableValue(...), 2)."
// Hints: alloc. Expected outcome: failure (exit 1).
from starkware.cairo.common.alloc import alloc

func main() {
    let (p) = alloc();
    tempvar d = cast(p, felt) * 2;
    return ();
}
