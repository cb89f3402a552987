// cairo-run: --layout small
%builtins output pedersen range_check
// small_merkle_tree_update (common/small_merkle_tree.cairo) on squashed dicts: a default dict
// of height 4 with leaves written, rewritten and left at their default, checked by
// merkle_multi_update (every case: left, right, both, leaf), a one-leaf update at height 10,
// and a tree with no update (prev_root = new_root).
// Hints: the small-tree scope and preimage (get_preimage_dictionary, Pedersen), merkle_multi_update's
// update tree, its cases and scopes, the dict and squash_dict hints.
// Expected outcome: success.
from starkware.cairo.common.cairo_builtins import HashBuiltin
from starkware.cairo.common.default_dict import default_dict_finalize, default_dict_new
from starkware.cairo.common.dict import dict_write
from starkware.cairo.common.dict_access import DictAccess
from starkware.cairo.common.serialize import serialize_word
from starkware.cairo.common.small_merkle_tree import small_merkle_tree_update

func main{output_ptr: felt*, pedersen_ptr: HashBuiltin*, range_check_ptr}() {
    alloc_locals;
    let (local d: DictAccess*) = default_dict_new(default_value=0);
    let dict_ptr = d;
    with dict_ptr {
        dict_write(key=0, new_value=100);
        dict_write(key=1, new_value=101);
        dict_write(key=6, new_value=106);
        dict_write(key=15, new_value=115);
        dict_write(key=6, new_value=206);
        dict_write(key=9, new_value=0);
    }
    let (s_start, s_end) = default_dict_finalize(d, dict_ptr, 0);
    let hash_ptr = pedersen_ptr;
    with hash_ptr {
        let (prev_root, new_root) = small_merkle_tree_update(s_start, s_end, 4);
    }
    serialize_word(prev_root);
    serialize_word(new_root);

    let (local e: DictAccess*) = default_dict_new(default_value=0);
    let dict_ptr = e;
    with dict_ptr {
        dict_write(key=1000, new_value=7);
    }
    let (e_start, e_end) = default_dict_finalize(e, dict_ptr, 0);
    with hash_ptr {
        let (prev_root, new_root) = small_merkle_tree_update(e_start, e_end, 10);
    }
    serialize_word(prev_root);
    serialize_word(new_root);

    let (local f: DictAccess*) = default_dict_new(default_value=0);
    let (f_start, f_end) = default_dict_finalize(f, f, 0);
    with hash_ptr {
        let (prev_root, new_root) = small_merkle_tree_update(f_start, f_end, 3);
    }
    serialize_word(prev_root);
    serialize_word(new_root);
    let pedersen_ptr = hash_ptr;
    return ();
}
