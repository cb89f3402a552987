// cairo-run: --layout small
%builtins range_check
// FAILING: dict_read of a key the squashed dict does not hold. dict_squash makes a plain dict
// (dict_new with the default dict's data), so a missing key is a KeyError.
// Hints: default_dict_new, dict_write, dict_squash, dict_new, squash_dict, dict_read.
// Expected outcome: failure (exit 1), "KeyError: 4".
from starkware.cairo.common.default_dict import default_dict_new
from starkware.cairo.common.dict import dict_read, dict_squash, dict_write

func main{range_check_ptr}() {
    alloc_locals;
    let (local d) = default_dict_new(default_value=0);
    let dict_ptr = d;
    with dict_ptr {
        dict_write(key=3, new_value=30);
    }
    let (s_start, s_end) = dict_squash(d, dict_ptr);
    let dict_ptr = s_end;
    with dict_ptr {
        let (v) = dict_read(key=3);
        let (v) = dict_read(key=4);
    }
    return ();
}
