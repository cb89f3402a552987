// cairo-run: --layout small
%builtins output range_check
// The dict family (common/dict.cairo, default_dict.cairo, squash_dict.cairo): default_dict_new,
// dict_write, dict_read (of a written key and of a missing key: the default), dict_update, a
// 200-bit key (squash_dict's big_keys path, assert_lt_felt), a pointer as a value,
// default_dict_finalize (dict_squash: dict_new with the copied initial_dict), then reads and
// writes on the squashed dict (its tracker now ends at squashed_dict_end), a second dict_squash,
// and an empty dict_squash.
// Hints: DictManager's new_default_dict / new_dict / get_tracker, dict_read / dict_write /
// dict_update, dict_squash's scope and current_ptr update, all the squash_dict hints, assert_lt_felt.
// Expected outcome: success.
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.default_dict import default_dict_new, default_dict_finalize
from starkware.cairo.common.dict import dict_read, dict_squash, dict_update, dict_write
from starkware.cairo.common.dict_access import DictAccess
from starkware.cairo.common.serialize import serialize_word

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
    let (local d: DictAccess*) = default_dict_new(default_value=17);
    let (local p: felt*) = alloc();
    let dict_ptr = d;
    with dict_ptr {
        dict_write(key=5, new_value=50);
        dict_write(key=2, new_value=20);
        let (v) = dict_read(key=5);
        serialize_word(v);
        let (v) = dict_read(key=9);
        serialize_word(v);
        dict_update(key=5, prev_value=50, new_value=51);
        dict_write(key=2 ** 200, new_value=7);
        dict_write(key=3, new_value=cast(p, felt));
        dict_update(key=9, prev_value=17, new_value=18);
        dict_write(key=5, new_value=52);
        let (v) = dict_read(key=2 ** 200);
        serialize_word(v);
    }
    let (local s_start: DictAccess*, local s_end: DictAccess*) = default_dict_finalize(
        d, dict_ptr, 17
    );
    output_dict(s_start, s_end);

    let dict_ptr = s_end;
    with dict_ptr {
        let (v) = dict_read(key=5);
        serialize_word(v);
        dict_write(key=2, new_value=21);
        dict_update(key=9, prev_value=18, new_value=19);
        let (v) = dict_read(key=3);
        assert v = cast(p, felt);
    }
    let (s2_start, s2_end) = dict_squash(s_end, dict_ptr);
    output_dict(s2_start, s2_end);

    let (e) = default_dict_new(default_value=0);
    let (e_start, e_end) = dict_squash(e, e);
    assert e_start = e_end;
    return ();
}
