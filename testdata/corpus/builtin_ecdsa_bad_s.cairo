// cairo-run: --layout small
%builtins output pedersen range_check ecdsa
// FAILING: signature_s = 0. cairo-lang's verify raises rather than returning False:
// "s = 0" (an AssertionError from inside the builtin's validation rule).
// Hints: add_signature. Expected outcome: failure (exit 1).
from starkware.cairo.common.cairo_builtins import HashBuiltin, SignatureBuiltin
from starkware.cairo.common.signature import verify_ecdsa_signature

func main{output_ptr: felt*, pedersen_ptr: HashBuiltin*, range_check_ptr, ecdsa_ptr: SignatureBuiltin*}() {
    verify_ecdsa_signature(
        message=0x7f,
        public_key=0x2abbefdcbf731195ee2acd186441eb536e86f888327b3655cffbd07b57dbf26,
        signature_r=0x1da72dc8c8a54cefa8c6bd7ea44374876654e41a99c35690b43385d5fa3fa3b,
        signature_s=0,
    );
    return ();
}
