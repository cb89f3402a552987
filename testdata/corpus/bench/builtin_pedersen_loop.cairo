// cairo-run: --layout small
%builtins output pedersen range_check ecdsa
// Benchmark: a chain of 20,000 pedersen hashes (common/hash.cairo's hash2), each hashing the
// previous result with the counter, in a hint-free loop. Only program.json, stdout.txt,
// stderr.txt, exit_code and args are stored. Expected outcome: success.
from starkware.cairo.common.cairo_builtins import HashBuiltin, SignatureBuiltin
from starkware.cairo.common.hash import hash2

func chain{hash_ptr: HashBuiltin*}(h, n) -> felt {
    if (n == 0) {
        return h;
    }
    let (h2) = hash2(h, n);
    return chain(h2, n - 1);
}

func main{output_ptr: felt*, pedersen_ptr: HashBuiltin*, range_check_ptr, ecdsa_ptr: SignatureBuiltin*}() {
    let r = chain{hash_ptr=pedersen_ptr}(7, 20000);
    assert [output_ptr] = r;
    let output_ptr = output_ptr + 1;
    return ();
}
