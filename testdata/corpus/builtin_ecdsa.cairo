// cairo-run: --layout small
%builtins output pedersen range_check ecdsa
// The ecdsa builtin on the small layout: common/signature.cairo's verify_ecdsa_signature on
// two valid signatures (their add_signature hint feeds the builtin's signature table; the
// builtin validates each instance once both its cells are written), with a message hash
// computed by the pedersen builtin. Hints: verify_ecdsa_signature's add_signature.
// Expected outcome: success.
from starkware.cairo.common.cairo_builtins import HashBuiltin, SignatureBuiltin
from starkware.cairo.common.hash import hash2
from starkware.cairo.common.serialize import serialize_word
from starkware.cairo.common.signature import verify_ecdsa_signature

func main{output_ptr: felt*, pedersen_ptr: HashBuiltin*, range_check_ptr, ecdsa_ptr: SignatureBuiltin*}() {
    verify_ecdsa_signature(
        message=0x7f,
        public_key=0x2abbefdcbf731195ee2acd186441eb536e86f888327b3655cffbd07b57dbf26,
        signature_r=0x1da72dc8c8a54cefa8c6bd7ea44374876654e41a99c35690b43385d5fa3fa3b,
        signature_s=0x3645aa1290ac333e5cf7835af00cd8752141c86da92f445c32c016c4ddf3170,
    );
    let (h) = hash2{hash_ptr=pedersen_ptr}(1, 2);
    serialize_word(h);
    verify_ecdsa_signature(
        message=0x397e76d1667c4454bfb83514e120583af836f8e32a516765497823eabe16a3f,
        public_key=0x77a3b314db07c45076d11f62b6f9e748a39790441823307743cf00d6597ea43,
        signature_r=0x173fd03d8b008ee7432977ac27d1e9d1a1f6c98b1a2f05fa84a21c84c44e882,
        signature_s=0x4b6d75385aed025aa222f28a0adc6d58db78ff17e51c3f59e259b131cd5a1cc,
    );
    serialize_word(ecdsa_ptr[-1].pub_key);
    serialize_word(ecdsa_ptr[-2].message);
    return ();
}
