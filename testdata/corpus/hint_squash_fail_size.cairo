// cairo-run: --layout small
%builtins range_check
// FAILING: squash_dict on an access array whose size (7 cells) is not a multiple of
// DictAccess.SIZE.
// Hints: squash_dict's first hint. Expected outcome: failure (exit 1),
// "AssertionError: Accesses array size must be divisible by DictAccess.SIZE".
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.dict_access import DictAccess
from starkware.cairo.common.squash_dict import squash_dict

func main{range_check_ptr}() {
    alloc_locals;
    let (local a: felt*) = alloc();
    assert a[0] = 1;
    assert a[1] = 0;
    assert a[2] = 1;
    assert a[3] = 2;
    assert a[4] = 1;
    assert a[5] = 2;
    assert a[6] = 3;
    let (out: DictAccess*) = alloc();
    let (out_end) = squash_dict(cast(a, DictAccess*), cast(a + 7, DictAccess*), out);
    return ();
}
