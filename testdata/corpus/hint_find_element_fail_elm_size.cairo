// cairo-run: --layout small
%builtins range_check
// FAILING: search_sorted with elm_size = 0.
// Hints: search_sorted_lower. Expected outcome: failure (exit 1),
// "AssertionError: Invalid value for elm_size. Got: 0.".
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.find_element import search_sorted

func main{range_check_ptr}() {
    alloc_locals;
    let (local a: felt*) = alloc();
    assert a[0] = 1;
    let (p, ok) = search_sorted(a, 0, 1, 1);
    return ();
}
