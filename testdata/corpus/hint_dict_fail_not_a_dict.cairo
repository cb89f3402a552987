// cairo-run: --layout small
%builtins range_check
// FAILING: dict_write on a pointer that no dict_new created (an alloc() segment), once a dict
// manager exists.
// Hints: default_dict_new, alloc, dict_write (get_tracker). Expected outcome: failure (exit 1),
// "ValueError: Dictionary pointer 6:0 was not created using dict_new().".
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.default_dict import default_dict_new
from starkware.cairo.common.dict import dict_write
from starkware.cairo.common.dict_access import DictAccess

func main{range_check_ptr}() {
    let (d) = default_dict_new(default_value=0);
    let (p: DictAccess*) = alloc();
    let dict_ptr = p;
    with dict_ptr {
        dict_write(key=1, new_value=2);
    }
    return ();
}
