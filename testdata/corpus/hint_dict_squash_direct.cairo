// cairo-run: --layout small
%builtins output range_check
// squash_dict (common/squash_dict.cairo) on DictAccess arrays written by hand, without a dict
// manager: interleaved accesses to small keys (a key read once, a key updated five times, keys
// in descending order), then an array with a key of 2**128 (the range_check bound: big_keys).
// Hints: the squash_dict hints (access_indices, keys, the per-key loop), assert_lt_felt.
// Expected outcome: success.
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.dict_access import DictAccess
from starkware.cairo.common.serialize import serialize_word
from starkware.cairo.common.squash_dict import squash_dict

func output_dict{output_ptr: felt*}(start: DictAccess*, end: DictAccess*) {
    if (start == end) {
        return ();
    }
    serialize_word(start.key);
    serialize_word(start.prev_value);
    serialize_word(start.new_value);
    return output_dict(start + DictAccess.SIZE, end);
}

func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    let (local a: DictAccess*) = alloc();
    assert a[0] = DictAccess(key=7, prev_value=0, new_value=1);
    assert a[1] = DictAccess(key=3, prev_value=10, new_value=11);
    assert a[2] = DictAccess(key=7, prev_value=1, new_value=2);
    assert a[3] = DictAccess(key=9, prev_value=5, new_value=5);
    assert a[4] = DictAccess(key=7, prev_value=2, new_value=3);
    assert a[5] = DictAccess(key=0, prev_value=4, new_value=8);
    assert a[6] = DictAccess(key=7, prev_value=3, new_value=4);
    assert a[7] = DictAccess(key=3, prev_value=11, new_value=12);
    assert a[8] = DictAccess(key=7, prev_value=4, new_value=5);
    let (local out: DictAccess*) = alloc();
    let (out_end) = squash_dict(a, a + 9 * DictAccess.SIZE, out);
    output_dict(out, out_end);

    let (local b: DictAccess*) = alloc();
    assert b[0] = DictAccess(key=2 ** 128, prev_value=1, new_value=2);
    assert b[1] = DictAccess(key=1, prev_value=3, new_value=4);
    assert b[2] = DictAccess(key=2 ** 128, prev_value=2, new_value=6);
    assert b[3] = DictAccess(key=-1, prev_value=0, new_value=0);
    let (local out2: DictAccess*) = alloc();
    let (out2_end) = squash_dict(b, b + 4 * DictAccess.SIZE, out2);
    output_dict(out2, out2_end);
    return ();
}
