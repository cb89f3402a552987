// cairo-run: --layout small
%builtins range_check
// FAILING: set_add with elm_size = 0: the hint's bare assert.
// Hints: set_add. Expected outcome: failure (exit 1), "AssertionError" (no message).
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.set import set_add

func main{range_check_ptr}() {
    alloc_locals;
    let (local s: felt*) = alloc();
    let set_end_ptr = s;
    with set_end_ptr {
        set_add(set_ptr=s, elm_size=0, elm_ptr=s);
    }
    return ();
}
