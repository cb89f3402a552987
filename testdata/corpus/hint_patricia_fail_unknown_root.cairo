// cairo-run: --layout small --program_input hint_patricia_update.input.json
%builtins pedersen range_check
// FAILING: patricia_update (common/patricia.cairo) with a new root the preimage does not know:
// the descent guess opens the root (patricia_utils.preimage_tree) and fails. The preimage is
// hint_patricia_update's. Expected outcome: failure (exit 1), "KeyError: 1234".
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.cairo_builtins import HashBuiltin
from starkware.cairo.common.dict_access import DictAccess
from starkware.cairo.common.patricia import patricia_update

func main{pedersen_ptr: HashBuiltin*, range_check_ptr}() {
    %{
        # Test input: the Patricia preimage (node hash -> pair or (length, path, bottom)).
        preimage = {int(h): tuple(v) for h, v in program_input['preimage'].items()}
    %}
    let (u: DictAccess*) = alloc();
    assert u[0] = DictAccess(key=1, prev_value=0, new_value=5);
    let hash_ptr = pedersen_ptr;
    with hash_ptr {
        patricia_update(update_ptr=u, n_updates=1, height=3, prev_root=0, new_root=1234);
    }
    let pedersen_ptr = hash_ptr;
    return ();
}
