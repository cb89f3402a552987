// cairo-run: --layout small
%builtins range_check
// FAILING: find_element of a key the array does not hold.
// Hints: find_element. Expected outcome: failure (exit 1), "ValueError: Key 7 was not found.".
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.find_element import find_element

func main{range_check_ptr}() {
    alloc_locals;
    let (local a: felt*) = alloc();
    assert a[0] = 1;
    assert a[1] = 2;
    let (p) = find_element(a, 1, 2, 7);
    return ();
}
