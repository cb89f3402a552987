// cairo-run: --layout small
%builtins output pedersen range_check ecdsa
// FAILING: verify_ecdsa_signature with a valid signature of message 0x7f used for message 0x80:
// the builtin's validation fails when the public key cell is written: "Signature (r, s), is
// invalid, with respect to the public key ..., and the message hash 128." Hints: add_signature.
// Expected outcome: failure (exit 1).
from starkware.cairo.common.cairo_builtins import HashBuiltin, SignatureBuiltin
from starkware.cairo.common.signature import verify_ecdsa_signature

func main{output_ptr: felt*, pedersen_ptr: HashBuiltin*, range_check_ptr, ecdsa_ptr: SignatureBuiltin*}() {
    verify_ecdsa_signature(
        message=0x80,
        public_key=0x2abbefdcbf731195ee2acd186441eb536e86f888327b3655cffbd07b57dbf26,
        signature_r=0x1da72dc8c8a54cefa8c6bd7ea44374876654e41a99c35690b43385d5fa3fa3b,
        signature_s=0x3645aa1290ac333e5cf7835af00cd8752141c86da92f445c32c016c4ddf3170,
    );
    return ();
}
