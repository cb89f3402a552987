// cairo-run: --layout small
%builtins output pedersen range_check ecdsa
// FAILING: an ecdsa instance written without the add_signature hint:
// "Signature hint is missing for ECDSA builtin at address 5:0. Add it using
// 'ecdsa_builtin.add_signature'." No hints. Expected outcome: failure (exit 1).
from starkware.cairo.common.cairo_builtins import HashBuiltin, SignatureBuiltin

func main{output_ptr: felt*, pedersen_ptr: HashBuiltin*, range_check_ptr, ecdsa_ptr: SignatureBuiltin*}() {
    assert ecdsa_ptr.message = 0x7f;
    assert ecdsa_ptr.pub_key = 0x2abbefdcbf731195ee2acd186441eb536e86f888327b3655cffbd07b57dbf26;
    let ecdsa_ptr = ecdsa_ptr + SignatureBuiltin.SIZE;
    return ();
}
