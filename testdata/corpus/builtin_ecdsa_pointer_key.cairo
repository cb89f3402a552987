// cairo-run: --layout small
%builtins output pedersen range_check ecdsa
// FAILING: a pointer as the public key of an ecdsa instance: "ECDSA builtin: Expected public key
// at address 5:0 to be an integer. Got: 2:0." No hints. Expected outcome: failure (exit 1).
from starkware.cairo.common.cairo_builtins import HashBuiltin, SignatureBuiltin

func main{output_ptr: felt*, pedersen_ptr: HashBuiltin*, range_check_ptr, ecdsa_ptr: SignatureBuiltin*}() {
    assert ecdsa_ptr.message = 0x7f;
    assert ecdsa_ptr.pub_key = cast(output_ptr, felt);
    let ecdsa_ptr = ecdsa_ptr + SignatureBuiltin.SIZE;
    return ();
}
