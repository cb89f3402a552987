// cairo-run: --layout recursive
%builtins output range_check bitwise
// Benchmark: cairo_keccak (common/cairo_keccak/keccak.cairo, the bitwise builtin) of 1 KB
// (1024 bytes: 128 64-bit words, 8 blocks), then finalize_keccak over its permutations.
// Hints: _block_permutation, the loop conditions, finalize_keccak's padding, memset, memcpy,
// pow, assert_nn_le, unsigned_div_rem. Expected outcome: success (hint_keccak_1kb's timing is in
// REFERENCE_TIMING_HINTS.md).
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.cairo_builtins import BitwiseBuiltin
from starkware.cairo.common.cairo_keccak.keccak import cairo_keccak, finalize_keccak
from starkware.cairo.common.serialize import serialize_word

func fill(n, p: felt*, x) {
    if (n == 0) {
        return ();
    }
    assert [p] = x;
    return fill(n - 1, p + 1, x + 0x0123456789abcdef);
}

func main{output_ptr: felt*, range_check_ptr, bitwise_ptr: BitwiseBuiltin*}() {
    alloc_locals;
    let (local data: felt*) = alloc();
    fill(128, data, 0x1122334455667788);
    let (local keccak_ptr_start: felt*) = alloc();
    let keccak_ptr = keccak_ptr_start;
    with keccak_ptr {
        let (r) = cairo_keccak(data, 1024);
    }
    finalize_keccak(keccak_ptr_start=keccak_ptr_start, keccak_ptr_end=keccak_ptr);
    serialize_word(r.low);
    serialize_word(r.high);
    return ();
}
