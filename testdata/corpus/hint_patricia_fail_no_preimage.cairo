// cairo-run: --layout small
%builtins pedersen range_check
// FAILING: patricia_update (common/patricia.cairo) with no preimage in the exec scope (the
// caller, e.g. the Starknet OS, must provide it). Hints: patricia_update's update tree and
// descent map. Expected outcome: failure (exit 1), "NameError: name 'preimage' is not defined".
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.cairo_builtins import HashBuiltin
from starkware.cairo.common.dict_access import DictAccess
from starkware.cairo.common.patricia import patricia_update

func main{pedersen_ptr: HashBuiltin*, range_check_ptr}() {
    let (u: DictAccess*) = alloc();
    assert u[0] = DictAccess(key=1, prev_value=0, new_value=5);
    let hash_ptr = pedersen_ptr;
    with hash_ptr {
        patricia_update(update_ptr=u, n_updates=1, height=3, prev_root=0, new_root=1234);
    }
    let pedersen_ptr = hash_ptr;
    return ();
}
