// cairo-run: --layout small
%builtins range_check
// FAILING: dict_update with a prev_value that is not the key's current value.
// Hints: default_dict_new, dict_write, dict_update. Expected outcome: failure (exit 1),
// "AssertionError: Wrong previous value in dict. Got 5, expected 7.".
from starkware.cairo.common.default_dict import default_dict_new
from starkware.cairo.common.dict import dict_update, dict_write

func main{range_check_ptr}() {
    let (dict_ptr) = default_dict_new(default_value=0);
    with dict_ptr {
        dict_write(key=1, new_value=7);
        dict_update(key=1, prev_value=5, new_value=6);
    }
    return ();
}
