// cairo-run: --layout small
%builtins range_check
// FAILING: writing a pointer (relocatable) into a range_check cell:
// "Range-check builtin: Expected value at address 2:0 to be an integer. Got: 5:0."
// Hints: alloc. Expected outcome: failure (exit 1).
from starkware.cairo.common.alloc import alloc

func main{range_check_ptr}() {
    let (p) = alloc();
    assert [range_check_ptr] = cast(p, felt);
    let range_check_ptr = range_check_ptr + 1;
    return ();
}
