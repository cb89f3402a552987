// cairo-run: --layout recursive
%builtins output range_check bitwise
// Benchmark: SHA-256 of 1 KB (1024 bytes, 17 blocks with the padding) with the Starknet
// cairo_sha256 library's hints (inline, as in hint_sha256.cairo), checked by
// common/cairo_sha256/sha256_utils.cairo's finalize_sha256 (the bitwise builtin).
// Hints: the arbitrary-input-length compression, full_word, finalize_sha256's padding, memcpy,
// memset, unsigned_div_rem. Expected outcome: success (timing in REFERENCE_TIMING_HINTS.md).
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.cairo_builtins import BitwiseBuiltin
from starkware.cairo.common.cairo_sha256.sha256_utils import (
    SHA256_INPUT_CHUNK_SIZE_FELTS,
    SHA256_STATE_SIZE_FELTS,
    finalize_sha256,
)
from starkware.cairo.common.math import unsigned_div_rem
from starkware.cairo.common.memcpy import memcpy
from starkware.cairo.common.memset import memset
from starkware.cairo.common.serialize import serialize_word

// Copies the 32-bit words of n_bytes (a multiple of 4) bytes, word by word while full_word.
func copy_words(src: felt*, dst: felt*, n_bytes) -> felt* {
    alloc_locals;
    local full_word;
    %{ ids.full_word = int(ids.n_bytes >= 4) %}
    if (full_word == 0) {
        assert n_bytes = 0;
        return dst;
    }
    assert [dst] = [src];
    return copy_words(src + 1, dst + 1, n_bytes - 4);
}

// One instance: message, input state, output (written by the hint).
func compress{sha256_ptr: felt*}(block: felt*, state_in: felt*) -> felt* {
    alloc_locals;
    memcpy(sha256_ptr, block, SHA256_INPUT_CHUNK_SIZE_FELTS);
    memcpy(sha256_ptr + SHA256_INPUT_CHUNK_SIZE_FELTS, state_in, SHA256_STATE_SIZE_FELTS);
    let sha256_start = sha256_ptr;
    let state = sha256_ptr + SHA256_INPUT_CHUNK_SIZE_FELTS;
    local output: felt* = sha256_ptr + SHA256_INPUT_CHUNK_SIZE_FELTS + SHA256_STATE_SIZE_FELTS;
    %{
        from starkware.cairo.common.cairo_sha256.sha256_utils import (
            compute_message_schedule, sha2_compress_function)

        _sha256_input_chunk_size_felts = int(ids.SHA256_INPUT_CHUNK_SIZE_FELTS)
        assert 0 <= _sha256_input_chunk_size_felts < 100
        _sha256_state_size_felts = int(ids.SHA256_STATE_SIZE_FELTS)
        assert 0 <= _sha256_state_size_felts < 100
        w = compute_message_schedule(memory.get_range(
            ids.sha256_start, _sha256_input_chunk_size_felts))
        new_state = sha2_compress_function(memory.get_range(ids.state, _sha256_state_size_felts), w)
        segments.write_arg(ids.output, new_state)
    %}
    let sha256_ptr = output + SHA256_STATE_SIZE_FELTS;
    return output;
}

func compress_blocks{sha256_ptr: felt*}(blocks: felt*, n_blocks, state: felt*) -> felt* {
    if (n_blocks == 0) {
        return state;
    }
    let new_state = compress(blocks, state);
    return compress_blocks(blocks + 16, n_blocks - 1, new_state);
}

func sha256{range_check_ptr, sha256_ptr: felt*}(data: felt*, n_bytes) -> felt* {
    alloc_locals;
    let (local padded: felt*) = alloc();
    let end_ = copy_words(data, padded, n_bytes);
    local end: felt* = end_;
    local n_words = end - padded;
    assert end[0] = 0x80000000;
    let (n_blocks, _) = unsigned_div_rem(n_words + 1 + 2 + 15, 16);
    local n_zeros = n_blocks * 16 - n_words - 3;
    memset(end + 1, 0, n_zeros);
    assert end[1 + n_zeros] = 0;
    assert end[2 + n_zeros] = n_bytes * 8;

    let (local iv: felt*) = alloc();
    assert iv[0] = 0x6A09E667;
    assert iv[1] = 0xBB67AE85;
    assert iv[2] = 0x3C6EF372;
    assert iv[3] = 0xA54FF53A;
    assert iv[4] = 0x510E527F;
    assert iv[5] = 0x9B05688C;
    assert iv[6] = 0x1F83D9AB;
    assert iv[7] = 0x5BE0CD19;
    let h = compress_blocks(padded, n_blocks, iv);
    return h;
}

func fill(n, p: felt*, i) {
    if (n == 0) {
        return ();
    }
    assert [p] = i * 0x00FF00FF + 7;
    return fill(n - 1, p + 1, i + 1);
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
    fill(256, data, 0);
    let (local sha256_ptr_start: felt*) = alloc();
    let sha256_ptr = sha256_ptr_start;
    with sha256_ptr {
        let h = sha256(data, 1024);
    }
    output_array(8, h);
    finalize_sha256(sha256_ptr_start=sha256_ptr_start, sha256_ptr_end=sha256_ptr);
    return ();
}
