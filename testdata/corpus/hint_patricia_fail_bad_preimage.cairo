// cairo-run: --layout small --program_input hint_patricia_fail_bad_preimage.input.json
%builtins pedersen range_check
// FAILING: patricia_update (common/patricia.cairo) with a preimage entry of four values for
// the new root (neither a binary node nor an edge): patricia_utils.get_children cannot unpack it.
// The preimage is hint_patricia_fail_bad_preimage.input.json. Expected outcome: failure (exit 1),
// "ValueError: too many values to unpack (expected 2)".
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
