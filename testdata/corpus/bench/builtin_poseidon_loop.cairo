// cairo-run: --layout starknet
%builtins output pedersen range_check ecdsa bitwise ec_op poseidon
// Benchmark: a chain of 20,000 poseidon_hash calls (builtin_poseidon/poseidon.cairo), each
// hashing the previous result with the counter, in a hint-free loop. Only program.json,
// stdout.txt, stderr.txt, exit_code and args are stored. Expected outcome: success.
from starkware.cairo.common.builtin_poseidon.poseidon import poseidon_hash
from starkware.cairo.common.cairo_builtins import BitwiseBuiltin, EcOpBuiltin, HashBuiltin, PoseidonBuiltin, SignatureBuiltin

func chain{poseidon_ptr: PoseidonBuiltin*}(h, n) -> felt {
    if (n == 0) {
        return h;
    }
    let (h2) = poseidon_hash(h, n);
    return chain(h2, n - 1);
}

func main{
    output_ptr: felt*,
    pedersen_ptr: HashBuiltin*,
    range_check_ptr,
    ecdsa_ptr: SignatureBuiltin*,
    bitwise_ptr: BitwiseBuiltin*,
    ec_op_ptr: EcOpBuiltin*,
    poseidon_ptr: PoseidonBuiltin*,
}() {
    let r = chain(7, 20000);
    assert [output_ptr] = r;
    let output_ptr = output_ptr + 1;
    return ();
}
