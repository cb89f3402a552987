// cairo-run: --layout small
%builtins output
// The cairo_sha256_arbitrary_input_length hint (inline) on words of 2**32 and more, in the
// message and in the state: sha256_utils' compute_message_schedule and sha2_compress_function
// then compute with Python's big integers (the bits above 32 leak into the rotations), which
// Cairn reproduces. (finalize_sha256 would reject such words.)
// Expected outcome: success.
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.serialize import serialize_word

const SHA256_INPUT_CHUNK_SIZE_FELTS = 16;
const SHA256_STATE_SIZE_FELTS = 8;

func compress(sha256_start: felt*, state: felt*, output: felt*) {
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
    return ();
}

func fill(n, p: felt*, x) {
    if (n == 0) {
        return ();
    }
    assert [p] = x;
    return fill(n - 1, p + 1, x * 3 + 1);
}

func output_array{output_ptr: felt*}(n, a: felt*) {
    if (n == 0) {
        return ();
    }
    serialize_word([a]);
    return output_array(n - 1, a + 1);
}

func main{output_ptr: felt*}() {
    alloc_locals;
    let (local m: felt*) = alloc();
    fill(15, m, 2 ** 32 + 1);
    assert m[15] = -1;
    let (local s: felt*) = alloc();
    fill(8, s, 1);
    let (local o: felt*) = alloc();
    compress(m, s, o);
    output_array(8, o);
    let (local s2: felt*) = alloc();
    fill(8, s2, 2 ** 200);
    fill(16, s2 + 8, 7);
    compress(s2 + 8, s2, o + 16);
    output_array(8, o + 16);
    return ();
}
