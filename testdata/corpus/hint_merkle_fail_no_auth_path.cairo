// cairo-run: --layout small
%builtins pedersen
// FAILING: merkle_update (common/merkle_update.cairo) without an auth_path in the exec scope
// (its hints pop the authentication path the caller provides).
// Hints: merkle_update's index parity, its sibling pop. Expected outcome: failure (exit 1),
// "NameError: name 'auth_path' is not defined".
from starkware.cairo.common.cairo_builtins import HashBuiltin
from starkware.cairo.common.merkle_update import merkle_update

func main{pedersen_ptr: HashBuiltin*}() {
    let hash_ptr = pedersen_ptr;
    with hash_ptr {
        let (prev_root, new_root) = merkle_update(height=2, prev_leaf=1, new_leaf=2, index=3);
    }
    let pedersen_ptr = hash_ptr;
    return ();
}
