// cairo-run: --layout recursive
%builtins output range_check bitwise
// common/cairo_keccak/keccak.cairo (Keccak with the bitwise builtin, the permutation computed by
// the hint and checked by finalize_keccak): cairo_keccak on 0, 1, 7, 8, 135, 136, 137, 272 and
// 300 bytes (several blocks), cairo_keccak_bigend, cairo_keccak_uint256s (and _bigend),
// cairo_keccak_felts (and _bigend), then finalize_keccak over the 20 permutations (padded to a
// multiple of BLOCK_SIZE with its dummy pairs).
// Hints: _block_permutation (keccak_func), _copy_inputs's and _keccak's loop conditions,
// finalize_keccak's padding, keccak_add_uint256, memset, memcpy, split_felt, unsigned_div_rem,
// uint256_reverse_endian's, pow's, assert_nn_le. Expected outcome: success.
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.cairo_builtins import BitwiseBuiltin
from starkware.cairo.common.cairo_keccak.keccak import (
    cairo_keccak,
    cairo_keccak_bigend,
    cairo_keccak_felts,
    cairo_keccak_felts_bigend,
    cairo_keccak_uint256s,
    cairo_keccak_uint256s_bigend,
    finalize_keccak,
)
from starkware.cairo.common.serialize import serialize_word
from starkware.cairo.common.uint256 import Uint256

func fill(n, p: felt*, x) {
    if (n == 0) {
        return ();
    }
    assert [p] = x;
    return fill(n - 1, p + 1, x * 3 + 1);
}

func out{output_ptr: felt*}(r: Uint256) {
    serialize_word(r.low);
    serialize_word(r.high);
    return ();
}

func main{output_ptr: felt*, range_check_ptr, bitwise_ptr: BitwiseBuiltin*}() {
    alloc_locals;
    // 38 8-byte little-endian words, all below 2**64.
    let (local data: felt*) = alloc();
    fill(38, data, 7);

    let (local keccak_ptr_start: felt*) = alloc();
    let keccak_ptr = keccak_ptr_start;
    with keccak_ptr {
        let (r) = cairo_keccak(data, 0);
        out(r);
        let (r) = cairo_keccak(data, 1);
        out(r);
        let (r) = cairo_keccak(data, 7);
        out(r);
        let (r) = cairo_keccak(data, 8);
        out(r);
        let (r) = cairo_keccak(data, 135);
        out(r);
        let (r) = cairo_keccak(data, 136);
        out(r);
        let (r) = cairo_keccak(data, 137);
        out(r);
        let (r) = cairo_keccak(data, 272);
        out(r);
        let (r) = cairo_keccak(data, 300);
        out(r);
        let (r) = cairo_keccak_bigend(data, 50);
        out(r);
        let (local u: Uint256*) = alloc();
        assert u[0] = Uint256(low=1, high=2);
        assert u[1] = Uint256(low=2 ** 128 - 1, high=0);
        let (r) = cairo_keccak_uint256s(2, u);
        out(r);
        let (r) = cairo_keccak_uint256s_bigend(2, u);
        out(r);
        let (local f: felt*) = alloc();
        assert f[0] = -1;
        assert f[1] = 12345;
        let (r) = cairo_keccak_felts(2, f);
        out(r);
        let (r) = cairo_keccak_felts_bigend(2, f);
        out(r);
    }
    serialize_word(keccak_ptr - keccak_ptr_start);
    finalize_keccak(keccak_ptr_start=keccak_ptr_start, keccak_ptr_end=keccak_ptr);
    return ();
}
