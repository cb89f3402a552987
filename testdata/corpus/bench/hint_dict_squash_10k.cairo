// cairo-run: --layout small
%builtins output range_check
// Benchmark: a default dict with 10,000 accesses (dict_write on 5,000 keys in ascending order,
// then dict_update on them in descending order), squashed by default_dict_finalize
// (dict_squash, squash_dict over 10,000 DictAccess entries).
// Hints: default_dict_new, dict_write, dict_update, dict_squash's, the squash_dict hints.
// Expected outcome: success (timing in REFERENCE_TIMING_HINTS.md).
from starkware.cairo.common.default_dict import default_dict_finalize, default_dict_new
from starkware.cairo.common.dict import dict_update, dict_write
from starkware.cairo.common.dict_access import DictAccess
from starkware.cairo.common.serialize import serialize_word

func writes{dict_ptr: DictAccess*}(i, n) {
    if (i == n) {
        return ();
    }
    dict_write(key=i * 37 + 5, new_value=i);
    return writes(i + 1, n);
}

func updates{dict_ptr: DictAccess*}(i) {
    if (i == 0) {
        return ();
    }
    dict_update(key=(i - 1) * 37 + 5, prev_value=i - 1, new_value=i * 2);
    return updates(i - 1);
}

func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    let (local d: DictAccess*) = default_dict_new(default_value=0);
    let dict_ptr = d;
    with dict_ptr {
        writes(0, 5000);
        updates(5000);
    }
    let (s_start, s_end) = default_dict_finalize(d, dict_ptr, 0);
    serialize_word((s_end - s_start) / DictAccess.SIZE);
    serialize_word(s_start[4999].new_value);
    return ();
}
