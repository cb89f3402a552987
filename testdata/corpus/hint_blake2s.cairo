// cairo-run: --layout recursive
%builtins output range_check bitwise
// common/cairo_blake2s/blake2s.cairo: blake2s on 0, 1, 4, 63, 64, 65, 128 and 300 bytes (the
// compression of each block by compute_blake2s_func), blake2s_bigend, blake2s_felts little- and
// big-endian (blake2s_add_uint256 and its big-endian form), then finalize_blake2s over every
// instance (with its dummy instances), and encode_felt252_to_u32s on small and large felts.
// Hints: compute_blake2s_func, finalize_blake2s's padding, blake2s_add_uint256(_bigend),
// encode_felt252_to_u32s and its loop condition, is_le, split_felt, unsigned_div_rem, memcpy,
// memset. Expected outcome: success.
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.cairo_blake2s.blake2s import (
    blake2s,
    blake2s_bigend,
    blake2s_felts,
    encode_felt252_to_u32s,
    finalize_blake2s,
)
from starkware.cairo.common.cairo_builtins import BitwiseBuiltin
from starkware.cairo.common.serialize import serialize_word
from starkware.cairo.common.uint256 import Uint256

func fill(n, p: felt*, i) {
    if (n == 0) {
        return ();
    }
    assert [p] = i * 0x01000193 + 0x11;
    return fill(n - 1, p + 1, i + 1);
}

func out{output_ptr: felt*}(r: Uint256) {
    serialize_word(r.low);
    serialize_word(r.high);
    return ();
}

func output_array{output_ptr: felt*}(n, a: felt*) {
    if (n == 0) {
        return ();
    }
    serialize_word([a]);
    return output_array(n - 1, a + 1);
}

func main{output_ptr: felt*, range_check_ptr, bitwise_ptr: BitwiseBuiltin*}() {
    alloc_locals;
    let (local data: felt*) = alloc();
    fill(80, data, 0);
    let (local blake2s_ptr_start: felt*) = alloc();
    let blake2s_ptr = blake2s_ptr_start;
    with blake2s_ptr {
        let (r) = blake2s(data, 0);
        out(r);
        let (r) = blake2s(data, 1);
        out(r);
        let (r) = blake2s(data, 4);
        out(r);
        let (r) = blake2s(data, 63);
        out(r);
        let (r) = blake2s(data, 64);
        out(r);
        let (r) = blake2s(data, 65);
        out(r);
        let (r) = blake2s(data, 128);
        out(r);
        let (r) = blake2s(data, 300);
        out(r);
        let (r) = blake2s_bigend(data, 40);
        out(r);
        let (local f: felt*) = alloc();
        assert f[0] = 1;
        assert f[1] = -1;
        assert f[2] = 2 ** 200 + 12345;
        let (r) = blake2s_felts(3, f, 0);
        out(r);
        let (r) = blake2s_felts(3, f, 1);
        out(r);
    }
    serialize_word(blake2s_ptr - blake2s_ptr_start);
    finalize_blake2s(blake2s_ptr_start=blake2s_ptr_start, blake2s_ptr_end=blake2s_ptr);

    let (local packed: felt*) = alloc();
    assert packed[0] = 5;
    assert packed[1] = 2 ** 63 - 1;
    assert packed[2] = 2 ** 63;
    assert packed[3] = -1;
    assert packed[4] = 0;
    let (local u32s: felt*) = alloc();
    let n = encode_felt252_to_u32s(packed_values_len=5, packed_values=packed, unpacked_u32s=u32s);
    serialize_word(n);
    output_array(n, u32s);
    return ();
}
