// cairo-run: --layout small
%builtins range_check
// FAILING: search_sorted_optimistic with a pointer as n_elms.
// Hints: search_sorted_optimistic. Expected outcome: failure (exit 1),
// "AssertionError: Invalid value for n_elms. Got: 5:0.".
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.find_element import search_sorted_optimistic

func main{range_check_ptr}() {
    alloc_locals;
    let (local a: felt*) = alloc();
    assert a[0] = 1;
    let (p, ok) = search_sorted_optimistic(a, 1, cast(a, felt), 1);
    return ();
}
