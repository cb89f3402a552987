// cairo-run: --layout small
%builtins output
// Keccak hints of the Starknet whitelists and of simulate_keccak.cairo that no compilable
// cairo-lang 0.14 function carries, written inline with the whitelisted code: the
// cairo_keccak.json block permutation (keccak_ptr_start -> output) and its padding
// (_block_size < 1000), the 0.8.2 / 0.10.3 permutation importing cairo_keccak.keccak_utils, the
// full_word condition, and simulate_keccak's keccak_builtin_state_to_felts with its felt_array
// splits. Also keccak_func on lanes of 2**64 and more (Python's big-integer arithmetic).
// Expected outcome: success.
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.keccak_state import KeccakBuiltinState
from starkware.cairo.common.serialize import serialize_word

const KECCAK_STATE_SIZE_FELTS = 25;
const BLOCK_SIZE = 2;

func permute_whitelist(keccak_ptr_start: felt*, output: felt*) {
    %{
        from starkware.cairo.common.cairo_keccak.keccak_utils import keccak_func
        _keccak_state_size_felts = int(ids.KECCAK_STATE_SIZE_FELTS)
        assert 0 <= _keccak_state_size_felts < 100
        output_values = keccak_func(memory.get_range(
            ids.keccak_ptr_start, _keccak_state_size_felts))
        segments.write_arg(ids.output, output_values)
    %}
    return ();
}

func permute_0_8_2(keccak_ptr: felt*) {
    %{
        from starkware.cairo.common.cairo_keccak.keccak_utils import keccak_func
        _keccak_state_size_felts = int(ids.KECCAK_STATE_SIZE_FELTS)
        assert 0 <= _keccak_state_size_felts < 100

        output_values = keccak_func(memory.get_range(
            ids.keccak_ptr - _keccak_state_size_felts, _keccak_state_size_felts))
        segments.write_arg(ids.keccak_ptr, output_values)
    %}
    return ();
}

func pad(keccak_ptr_end: felt*) {
    %{
        # Add dummy pairs of input and output.
        _keccak_state_size_felts = int(ids.KECCAK_STATE_SIZE_FELTS)
        _block_size = int(ids.BLOCK_SIZE)
        assert 0 <= _keccak_state_size_felts < 100
        assert 0 <= _block_size < 1000
        inp = [0] * _keccak_state_size_felts
        padding = (inp + keccak_func(inp)) * _block_size
        segments.write_arg(ids.keccak_ptr_end, padding)
    %}
    return ();
}

func full_word(n_bytes) -> felt {
    alloc_locals;
    local full_word;
    %{ ids.full_word = int(ids.n_bytes >= 8) %}
    return full_word;
}

func to_felts(keccak_builtin_state: KeccakBuiltinState, felt_array: felt*) {
    alloc_locals;
    local high3;
    local low3;
    local high6;
    local low6;
    local high9;
    local low9;
    local high12;
    local low12;
    local high15;
    local low15;
    local high18;
    local low18;
    local high21;
    local low21;
    %{
        full_num = ids.keccak_builtin_state.s0
        full_num += (2**200) * ids.keccak_builtin_state.s1
        full_num += (2**400) * ids.keccak_builtin_state.s2
        full_num += (2**600) * ids.keccak_builtin_state.s3
        full_num += (2**800) * ids.keccak_builtin_state.s4
        full_num += (2**1000) * ids.keccak_builtin_state.s5
        full_num += (2**1200) * ids.keccak_builtin_state.s6
        full_num += (2**1400) * ids.keccak_builtin_state.s7
        for i in range(25):
            memory[ids.felt_array + i] = full_num % (2**64)
            full_num = full_num >> 64
    %}
    %{ ids.high3, ids.low3 = divmod(memory[ids.felt_array + 3], 256) %}
    %{ ids.high6, ids.low6 = divmod(memory[ids.felt_array + 6], 256 ** 2) %}
    %{ ids.high9, ids.low9 = divmod(memory[ids.felt_array + 9], 256 ** 3) %}
    %{ ids.high12, ids.low12 = divmod(memory[ids.felt_array + 12], 256 ** 4) %}
    %{ ids.high15, ids.low15 = divmod(memory[ids.felt_array + 15], 256 ** 5) %}
    %{ ids.high18, ids.low18 = divmod(memory[ids.felt_array + 18], 256 ** 6) %}
    %{ ids.high21, ids.low21 = divmod(memory[ids.felt_array + 21], 256 ** 7) %}
    assert felt_array[3] = low3 + high3 * 256;
    assert felt_array[6] = low6 + high6 * 256 ** 2;
    assert felt_array[9] = low9 + high9 * 256 ** 3;
    assert felt_array[12] = low12 + high12 * 256 ** 4;
    assert felt_array[15] = low15 + high15 * 256 ** 5;
    assert felt_array[18] = low18 + high18 * 256 ** 6;
    assert felt_array[21] = low21 + high21 * 256 ** 7;
    return ();
}

func fill(n, p: felt*, x) {
    if (n == 0) {
        return ();
    }
    assert [p] = x;
    return fill(n - 1, p + 1, x * 5 + 3);
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
    let (local k: felt*) = alloc();
    fill(25, k, 1);
    permute_whitelist(k, k + 25);
    permute_0_8_2(k + 50);
    output_array(50, k + 25);
    pad(k + 75);
    serialize_word(k[75 + 2 * 50 - 1]);

    // Lanes of 2**64 and more: keccak_func's Python arithmetic on big integers.
    let (local b: felt*) = alloc();
    fill(24, b, 2 ** 64 + 1);
    assert b[24] = 2 ** 251;
    permute_whitelist(b, b + 25);
    output_array(25, b + 25);

    serialize_word(full_word(7));
    serialize_word(full_word(8));
    serialize_word(full_word(-1));

    let (local fa: felt*) = alloc();
    to_felts(
        KeccakBuiltinState(
            s0=2 ** 200 - 1,
            s1=12345678901234567890,
            s2=2 ** 199 + 3,
            s3=0,
            s4=1,
            s5=2 ** 100,
            s6=2 ** 150 - 7,
            s7=2 ** 200 - 2,
        ),
        fa,
    );
    output_array(25, fa);
    return ();
}
