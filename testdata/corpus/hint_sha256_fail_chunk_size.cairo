// FAILING: the cairo_sha256 one-block hint (inline) with SHA256_INPUT_CHUNK_SIZE_FELTS = 15:
// compute_message_schedule asserts that it gets 16 words.
// Expected outcome: failure (exit 1), "AssertionError" (no message).
from starkware.cairo.common.alloc import alloc

const SHA256_INPUT_CHUNK_SIZE_FELTS = 15;

func main() {
    alloc_locals;
    let (local sha256_start: felt*) = alloc();
    let (local output: felt*) = alloc();
    assert sha256_start[0] = 0;
    assert sha256_start[1] = 0;
    assert sha256_start[2] = 0;
    assert sha256_start[3] = 0;
    assert sha256_start[4] = 0;
    assert sha256_start[5] = 0;
    assert sha256_start[6] = 0;
    assert sha256_start[7] = 0;
    assert sha256_start[8] = 0;
    assert sha256_start[9] = 0;
    assert sha256_start[10] = 0;
    assert sha256_start[11] = 0;
    assert sha256_start[12] = 0;
    assert sha256_start[13] = 0;
    assert sha256_start[14] = 0;
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
