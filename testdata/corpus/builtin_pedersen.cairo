// cairo-run: --layout small
%builtins output pedersen range_check ecdsa
// The pedersen builtin on the small layout: hash2 on 0, small values, P - 1 and 2**251 + ...,
// common/hash_chain.cairo's hash_chain, common/hash_state.cairo (hash_init, hash_update,
// hash_update_single, hash_finalize: a hash of a list with its length), a chain of 100 hashes,
// and raw instances (one read back, one never read). Hints: alloc. Expected outcome: success.
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.cairo_builtins import HashBuiltin, SignatureBuiltin
from starkware.cairo.common.hash import hash2
from starkware.cairo.common.hash_chain import hash_chain
from starkware.cairo.common.hash_state import hash_finalize, hash_init, hash_update, hash_update_single
from starkware.cairo.common.serialize import serialize_word

func chain{pedersen_ptr: HashBuiltin*}(h, n) -> felt {
    if (n == 0) {
        return h;
    }
    let (h2) = hash2{hash_ptr=pedersen_ptr}(h, n);
    return chain(h2, n - 1);
}

func main{output_ptr: felt*, pedersen_ptr: HashBuiltin*, range_check_ptr, ecdsa_ptr: SignatureBuiltin*}() {
    alloc_locals;
    let (h) = hash2{hash_ptr=pedersen_ptr}(0, 0);
    serialize_word(h);
    let (h) = hash2{hash_ptr=pedersen_ptr}(1, 2);
    serialize_word(h);
    let (h) = hash2{hash_ptr=pedersen_ptr}(-1, -1);
    serialize_word(h);
    let (h) = hash2{hash_ptr=pedersen_ptr}(2 ** 251 + 17 * 2 ** 192, 2 ** 248);
    serialize_word(h);
    let (h) = hash2{hash_ptr=pedersen_ptr}(2 ** 248 - 1, 2 ** 248 + 5);
    serialize_word(h);

    let (data) = alloc();
    assert data[0] = 4;
    assert data[1] = 10;
    assert data[2] = 20;
    assert data[3] = 30;
    assert data[4] = 40;
    let (h) = hash_chain{hash_ptr=pedersen_ptr}(data);
    serialize_word(h);

    let hash_ptr = pedersen_ptr;
    with hash_ptr {
        let (state) = hash_init();
        let (state) = hash_update(state, data + 1, 4);
        let (state) = hash_update_single(state, 99);
        let (h) = hash_finalize(state);
    }
    let pedersen_ptr = hash_ptr;
    serialize_word(h);

    let h = chain(7, 100);
    serialize_word(h);

    assert pedersen_ptr.x = 123;
    assert pedersen_ptr.y = 456;
    serialize_word(pedersen_ptr.result);
    let pedersen_ptr = pedersen_ptr + HashBuiltin.SIZE;
    assert pedersen_ptr.x = 5;
    assert pedersen_ptr.y = 6;
    let pedersen_ptr = pedersen_ptr + HashBuiltin.SIZE;
    return ();
}
