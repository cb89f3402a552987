// cairo-run: --layout starknet
%builtins output pedersen range_check ecdsa bitwise ec_op poseidon
// The poseidon builtin on the starknet layout: builtin_poseidon/poseidon.cairo's
// poseidon_hash, poseidon_hash_single and poseidon_hash_many on 0, 1, 2, 3, 9, 10, 11, 21
// and 300 elements (the 10-at-a-time loop, the 2-at-a-time loop, both paddings), a raw
// instance whose outputs are read in reverse order, and one left unread.
// Hints: alloc, and poseidon_hash_many's two nondet loop conditions. Expected outcome: success.
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.builtin_poseidon.poseidon import poseidon_hash, poseidon_hash_many, poseidon_hash_single
from starkware.cairo.common.cairo_builtins import HashBuiltin, PoseidonBuiltin, SignatureBuiltin, BitwiseBuiltin, EcOpBuiltin
from starkware.cairo.common.serialize import serialize_word

func fill(arr: felt*, n, seed) {
    if (n == 0) {
        return ();
    }
    assert [arr] = seed * seed + 7;
    return fill(arr + 1, n - 1, seed * 3 + 1);
}

func hash_prefixes{output_ptr: felt*, poseidon_ptr: PoseidonBuiltin*}(arr: felt*, lens: felt*, n) {
    if (n == 0) {
        return ();
    }
    let (h) = poseidon_hash_many([lens], arr);
    serialize_word(h);
    return hash_prefixes(arr, lens + 1, n - 1);
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
    alloc_locals;
    let (h) = poseidon_hash(1, 2);
    serialize_word(h);
    let (h) = poseidon_hash(0, 0);
    serialize_word(h);
    let (h) = poseidon_hash(-1, 2 ** 251);
    serialize_word(h);
    let (h) = poseidon_hash_single(42);
    serialize_word(h);
    let (h) = poseidon_hash_single(-1);
    serialize_word(h);

    let (arr) = alloc();
    fill(arr, 300, 5);
    let (lens) = alloc();
    assert lens[0] = 0;
    assert lens[1] = 1;
    assert lens[2] = 2;
    assert lens[3] = 3;
    assert lens[4] = 9;
    assert lens[5] = 10;
    assert lens[6] = 11;
    assert lens[7] = 21;
    assert lens[8] = 300;
    hash_prefixes(arr, lens, 9);

    // A raw instance.
    assert poseidon_ptr.input.s0 = 3;
    assert poseidon_ptr.input.s1 = 4;
    assert poseidon_ptr.input.s2 = 5;
    tempvar c = poseidon_ptr.output.s2;
    tempvar b = poseidon_ptr.output.s1;
    tempvar a = poseidon_ptr.output.s0;
    serialize_word(a);
    serialize_word(b);
    serialize_word(c);
    let poseidon_ptr = poseidon_ptr + PoseidonBuiltin.SIZE;
    // Inputs only.
    assert poseidon_ptr.input.s0 = 6;
    assert poseidon_ptr.input.s1 = 7;
    assert poseidon_ptr.input.s2 = 8;
    let poseidon_ptr = poseidon_ptr + PoseidonBuiltin.SIZE;
    return ();
}
