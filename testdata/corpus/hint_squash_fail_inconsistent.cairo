// cairo-run: --layout small
%builtins range_check
// FAILING: squash_dict on accesses whose values do not chain (key 4: 0 -> 1, then 2 -> 3): the
// Cairo check prev_loop_locals.value = access.prev_value fails, after the hints ran.
// Hints: the squash_dict hints. Expected outcome: failure (exit 1), "An ASSERT_EQ instruction
// failed: 1 != 2.".
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.dict_access import DictAccess
from starkware.cairo.common.squash_dict import squash_dict

func main{range_check_ptr}() {
    alloc_locals;
    let (local a: DictAccess*) = alloc();
    assert a[0] = DictAccess(key=4, prev_value=0, new_value=1);
    assert a[1] = DictAccess(key=4, prev_value=2, new_value=3);
    let (out: DictAccess*) = alloc();
    let (out_end) = squash_dict(a, a + 2 * DictAccess.SIZE, out);
    return ();
}
