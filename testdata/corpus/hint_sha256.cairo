// cairo-run: --layout recursive
%builtins output range_check bitwise
// SHA-256 with the hints of the Starknet cairo_sha256 library (the whitelists
// cairo_sha256_arbitrary_input_length.json and cairo_sha256.json, written inline): the message
// padded in Cairo, each 64-byte block compressed by the arbitrary-input-length hint from the
// previous state, every instance (message, input state, output) laid out as
// common/cairo_sha256/sha256_utils.cairo's finalize_sha256 expects, which then checks them all
// with the bitwise builtin (padding the last batch with its dummy instances). Messages of 0, 4,
// 52, 56, 60, 64 and 1024 bytes. Also the one-block hint compressing from the IV, the
// whitelist's finalize padding (BLOCK_SIZE - 1 dummies) and the full_word condition.
// Hints: the sha256 compression hints, finalize_sha256's padding, the whitelist padding,
// full_word, memcpy, unsigned_div_rem. Expected outcome: success.
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

const BLOCK_SIZE = 3;

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

func one_block_from_iv(sha256_start: felt*, output: felt*) {
    %{
        from starkware.cairo.common.cairo_sha256.sha256_utils import (
            IV, compute_message_schedule, sha2_compress_function)

        _sha256_input_chunk_size_felts = int(ids.SHA256_INPUT_CHUNK_SIZE_FELTS)
        assert 0 <= _sha256_input_chunk_size_felts < 100

        w = compute_message_schedule(memory.get_range(
            ids.sha256_start, _sha256_input_chunk_size_felts))
        new_state = sha2_compress_function(IV, w)
        segments.write_arg(ids.output, new_state)
    %}
    return ();
}

func whitelist_padding(sha256_ptr_end: felt*) {
    %{
        # Add dummy pairs of input and output.
        from starkware.cairo.common.cairo_sha256.sha256_utils import (
            IV, compute_message_schedule, sha2_compress_function)

        _block_size = int(ids.BLOCK_SIZE)
        assert 0 <= _block_size < 20
        _sha256_input_chunk_size_felts = int(ids.SHA256_INPUT_CHUNK_SIZE_FELTS)
        assert 0 <= _sha256_input_chunk_size_felts < 100

        message = [0] * _sha256_input_chunk_size_felts
        w = compute_message_schedule(message)
        output = sha2_compress_function(IV, w)
        padding = (message + IV + output) * (_block_size - 1)
        segments.write_arg(ids.sha256_ptr_end, padding)
    %}
    return ();
}

func main{output_ptr: felt*, range_check_ptr, bitwise_ptr: BitwiseBuiltin*}() {
    alloc_locals;
    let (local data: felt*) = alloc();
    fill(256, data, 0);
    let (local sha256_ptr_start: felt*) = alloc();
    let sha256_ptr = sha256_ptr_start;
    with sha256_ptr {
        let h = sha256(data, 0);
        output_array(8, h);
        let h = sha256(data, 4);
        output_array(8, h);
        let h = sha256(data, 52);
        output_array(8, h);
        let h = sha256(data, 56);
        output_array(8, h);
        let h = sha256(data, 60);
        output_array(8, h);
        let h = sha256(data, 64);
        output_array(8, h);
        let h = sha256(data, 1024);
        output_array(8, h);
    }
    serialize_word((sha256_ptr - sha256_ptr_start) / 32);
    finalize_sha256(sha256_ptr_start=sha256_ptr_start, sha256_ptr_end=sha256_ptr);

    let (local one: felt*) = alloc();
    one_block_from_iv(data, one);
    output_array(8, one);
    let (local pad: felt*) = alloc();
    whitelist_padding(pad);
    output_array(8, pad + 2 * 32 - 8);
    return ();
}
