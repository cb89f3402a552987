// cairo-run: --layout small
%builtins range_check
// FAILING: dict_read through a stale dict pointer (the dict's start, after a write moved the
// tracker on).
// Hints: default_dict_new, dict_write, dict_read (get_tracker's pointer check).
// Expected outcome: failure (exit 1), "AssertionError: Wrong dict pointer supplied. Got 5:0,
// expected 5:3.".
from starkware.cairo.common.default_dict import default_dict_new
from starkware.cairo.common.dict import dict_read, dict_write

func main{range_check_ptr}() {
    alloc_locals;
    let (local d) = default_dict_new(default_value=0);
    let dict_ptr = d;
    with dict_ptr {
        dict_write(key=1, new_value=2);
    }
    let dict_ptr = d;
    with dict_ptr {
        let (v) = dict_read(key=1);
    }
    return ();
}
