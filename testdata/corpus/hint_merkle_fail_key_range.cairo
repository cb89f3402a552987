// cairo-run: --layout small
%builtins pedersen range_check
// FAILING: small_merkle_tree_update of height 4 with a key of 20 (outside the 16 leaves):
// compute_merkle_root's bare assert indices == {0}.
// Hints: the dict hints, small_merkle_tree_update's. Expected outcome: failure (exit 1),
// "AssertionError" (no message).
from starkware.cairo.common.cairo_builtins import HashBuiltin
from starkware.cairo.common.default_dict import default_dict_finalize, default_dict_new
from starkware.cairo.common.dict import dict_write
from starkware.cairo.common.dict_access import DictAccess
from starkware.cairo.common.small_merkle_tree import small_merkle_tree_update

func main{pedersen_ptr: HashBuiltin*, range_check_ptr}() {
    alloc_locals;
    let (local d: DictAccess*) = default_dict_new(default_value=0);
    let dict_ptr = d;
    with dict_ptr {
        dict_write(key=20, new_value=1);
    }
    let (s_start, s_end) = default_dict_finalize(d, dict_ptr, 0);
    let hash_ptr = pedersen_ptr;
    with hash_ptr {
        let (prev_root, new_root) = small_merkle_tree_update(s_start, s_end, 4);
    }
    let pedersen_ptr = hash_ptr;
    return ();
}
