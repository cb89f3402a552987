// cairo-run: --layout small
%builtins output range_check
// set_add (common/set.cairo) with 2-cell elements: new elements appended, duplicates found at
// the first, a middle and the last position (memcpy as the equality check), an element that
// matches only in its first cell, and a 1-cell set.
// Hints: set_add, memcpy, assert_nn_le. Expected outcome: success.
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.serialize import serialize_word
from starkware.cairo.common.set import set_add

func add2{range_check_ptr, set_end_ptr: felt*}(set_ptr: felt*, x, y) {
    alloc_locals;
    let (local e: felt*) = alloc();
    assert e[0] = x;
    assert e[1] = y;
    set_add(set_ptr=set_ptr, elm_size=2, elm_ptr=e);
    return ();
}

func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    let (local s: felt*) = alloc();
    let set_end_ptr = s;
    with set_end_ptr {
        add2(s, 1, 2);
        add2(s, 3, 4);
        add2(s, 1, 2);
        add2(s, 5, 6);
        add2(s, 3, 4);
        add2(s, 5, 6);
        add2(s, 1, 7);
    }
    serialize_word(set_end_ptr - s);
    serialize_word(s[6]);
    serialize_word(s[7]);

    let (local t: felt*) = alloc();
    let (local e: felt*) = alloc();
    assert e[0] = 42;
    let set_end_ptr = t;
    with set_end_ptr {
        set_add(set_ptr=t, elm_size=1, elm_ptr=e);
        set_add(set_ptr=t, elm_size=1, elm_ptr=e);
    }
    serialize_word(set_end_ptr - t);
    return ();
}
