// cairo-run: --layout small
%builtins output pedersen range_check ecdsa
// FAILING: a pointer as the y input of a pedersen instance:
// "pedersen builtin: Expected integer at address 3:1. Got: 2:0." No hints. Expected: failure.
from starkware.cairo.common.cairo_builtins import HashBuiltin, SignatureBuiltin

func main{output_ptr: felt*, pedersen_ptr: HashBuiltin*, range_check_ptr, ecdsa_ptr: SignatureBuiltin*}() {
    assert pedersen_ptr.x = 1;
    assert pedersen_ptr.y = cast(output_ptr, felt);
    assert [output_ptr] = pedersen_ptr.result;
    let output_ptr = output_ptr + 1;
    let pedersen_ptr = pedersen_ptr + HashBuiltin.SIZE;
    return ();
}
