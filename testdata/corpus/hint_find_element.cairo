// cairo-run: --layout small
%builtins output range_check
// find_element and the sorted searches (common/find_element.cairo) on an array of 1-cell elements
// and on one of 3-cell elements (keys in their first cell): find_element of the first, a middle
// and the last key, search_sorted found and not found (before, between, after the keys),
// search_sorted_lower, search_sorted_optimistic found and not found, an empty array.
// Hints: the three find_element.cairo hints, assert_nn_le, assert_le_felt, assert_lt_felt,
// assert_not_equal.
// Expected outcome: success.
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.find_element import (
    find_element,
    search_sorted,
    search_sorted_lower,
    search_sorted_optimistic,
)
from starkware.cairo.common.serialize import serialize_word

func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    let (local a: felt*) = alloc();
    assert a[0] = 2;
    assert a[1] = 3;
    assert a[2] = 3;
    assert a[3] = 10;
    assert a[4] = 2 ** 128;
    let (p) = find_element(a, 1, 5, 2);
    serialize_word(p - a);
    let (p) = find_element(a, 1, 5, 3);
    serialize_word(p - a);
    let (p) = find_element(a, 1, 5, 2 ** 128);
    serialize_word(p - a);

    let (p, ok) = search_sorted(a, 1, 5, 10);
    serialize_word(p - a);
    serialize_word(ok);
    let (p, ok) = search_sorted(a, 1, 5, 1);
    serialize_word(p - a);
    serialize_word(ok);
    let (p, ok) = search_sorted(a, 1, 5, 4);
    serialize_word(ok);
    let (p, ok) = search_sorted(a, 1, 5, 2 ** 129);
    serialize_word(ok);
    let (p) = search_sorted_lower(a, 1, 5, 3);
    serialize_word(p - a);
    let (p) = search_sorted_lower(a, 1, 5, 11);
    serialize_word(p - a);
    let (p) = search_sorted_lower(a, 1, 5, 2 ** 200);
    serialize_word(p - a);
    let (p, ok) = search_sorted_optimistic(a, 1, 5, 3);
    serialize_word(p - a);
    serialize_word(ok);
    let (p, ok) = search_sorted_optimistic(a, 1, 5, 5);
    serialize_word(ok);
    let (p, ok) = search_sorted(a, 1, 0, 5);
    serialize_word(ok);

    let (local b: felt*) = alloc();
    assert b[0] = 1;
    assert b[1] = 100;
    assert b[2] = 101;
    assert b[3] = 4;
    assert b[4] = 400;
    assert b[5] = 401;
    assert b[6] = 9;
    assert b[7] = 900;
    assert b[8] = 901;
    let (p) = find_element(b, 3, 3, 9);
    serialize_word(p[1]);
    let (p, ok) = search_sorted(b, 3, 3, 4);
    serialize_word(p[2]);
    serialize_word(ok);
    let (p) = search_sorted_lower(b, 3, 3, 5);
    serialize_word(p[0]);
    return ();
}
