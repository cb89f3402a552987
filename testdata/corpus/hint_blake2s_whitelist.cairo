// cairo-run: --layout small
%builtins output
// The cairo_blake2s whitelist's hints (the Starknet cairo_blake2s library), written inline: the
// one-block compression from the modified IV with t0 = ids.n_bytes (0, 3 and 64 bytes), its
// padding (message first, then the state) and the full_word condition. Also
// blake2s_utils.blake2s_compress on state words of 2**32 and more (compute_blake2s_func on an
// instance written by hand; Python's big-integer arithmetic).
// Expected outcome: success.
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.serialize import serialize_word

const BLAKE2S_INPUT_CHUNK_SIZE_FELTS = 16;
const N_PACKED_INSTANCES = 3;

func compress_last(blake2s_start: felt*, n_bytes, output: felt*) {
    %{
        from starkware.cairo.common.cairo_blake2s.blake2s_utils import IV, blake2s_compress

        _blake2s_input_chunk_size_felts = int(ids.BLAKE2S_INPUT_CHUNK_SIZE_FELTS)
        assert 0 <= _blake2s_input_chunk_size_felts < 100

        new_state = blake2s_compress(
            message=memory.get_range(ids.blake2s_start, _blake2s_input_chunk_size_felts),
            h=[IV[0] ^ 0x01010020] + IV[1:],
            t0=ids.n_bytes,
            t1=0,
            f0=0xffffffff,
            f1=0,
        )

        segments.write_arg(ids.output, new_state)
    %}
    return ();
}

func pad(blake2s_ptr_end: felt*) {
    %{
        # Add dummy pairs of input and output.
        from starkware.cairo.common.cairo_blake2s.blake2s_utils import IV, blake2s_compress

        _n_packed_instances = int(ids.N_PACKED_INSTANCES)
        assert 0 <= _n_packed_instances < 20
        _blake2s_input_chunk_size_felts = int(ids.BLAKE2S_INPUT_CHUNK_SIZE_FELTS)
        assert 0 <= _blake2s_input_chunk_size_felts < 100

        message = [0] * _blake2s_input_chunk_size_felts
        modified_iv = [IV[0] ^ 0x01010020] + IV[1:]
        output = blake2s_compress(
            message=message,
            h=modified_iv,
            t0=0,
            t1=0,
            f0=0xffffffff,
            f1=0,
        )
        padding = (message + modified_iv + [0, 0xffffffff] + output) * (_n_packed_instances - 1)
        segments.write_arg(ids.blake2s_ptr_end, padding)
    %}
    return ();
}

func full_word(n_bytes) -> felt {
    alloc_locals;
    local full_word;
    %{ ids.full_word = int(ids.n_bytes >= 4) %}
    return full_word;
}

func compress_instance(output: felt*) {
    %{
        from starkware.cairo.common.cairo_blake2s.blake2s_utils import compute_blake2s_func
        compute_blake2s_func(segments=segments, output_ptr=ids.output)
    %}
    return ();
}

func fill(n, p: felt*, x) {
    if (n == 0) {
        return ();
    }
    assert [p] = x;
    return fill(n - 1, p + 1, x * 7 + 1);
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
    fill(16, m, 3);
    let (local o: felt*) = alloc();
    compress_last(m, 0, o);
    compress_last(m, 3, o + 8);
    compress_last(m, 64, o + 16);
    output_array(24, o);
    let (local p: felt*) = alloc();
    pad(p);
    output_array(34, p + 34);
    serialize_word(full_word(3));
    serialize_word(full_word(4));

    // An instance (state, message, t, f) with state words of 2**32 and more, and message words,
    // t0 and f0 above 32 bits (blake2s_compress reduces those).
    let (local inst: felt*) = alloc();
    fill(7, inst, 2 ** 32 + 5);
    assert inst[7] = 2 ** 250;
    fill(16, inst + 8, 2 ** 40);
    assert inst[24] = 2 ** 33 + 64;
    assert inst[25] = 2 ** 32 + 0xffffffff;
    compress_instance(inst + 26);
    output_array(8, inst + 26);
    return ();
}
