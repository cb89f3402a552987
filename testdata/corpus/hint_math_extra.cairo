// cairo-run: --layout small
%builtins output range_check
// Math hints outside math_hints.go: log2_ceil (common/log2_ceil.cairo), normalize_address
// (starknet/common/storage.cairo: small, 250-bit and wrapped addresses), and, written inline with
// the whitelisted code, bit_length (encode_packed.json), the old assert_le and the lsb hint
// (0.6.0.json), assert_le_felt's small_inputs (0.8.2.json), and the m bits of
// cairo_ec_op/ec_op.cairo's simulate_builtin_ec_op_with_cairo. The results are output.
// Expected outcome: success.
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.log2_ceil import log2_ceil
from starkware.cairo.common.serialize import serialize_word
from starkware.starknet.common.storage import normalize_address

const M_MAX_BITS = 8;

func bit_length{output_ptr: felt*}(x: felt) {
    alloc_locals;
    local bit_length: felt;
    %{
        x = ids.x
        ids.bit_length = x.bit_length()
    %}
    serialize_word(bit_length);
    return ();
}

func old_assert_le(a: felt, b: felt) {
    %{
        from starkware.cairo.common.math_utils import assert_integer
        assert_integer(ids.a)
        assert_integer(ids.b)
        assert (ids.a % PRIME) <= (ids.b % PRIME), \
            f'a = {ids.a % PRIME} is not less than or equal to b = {ids.b % PRIME}.'
    %}
    return ();
}

func lsb{output_ptr: felt*}(a: felt, b: felt) {
    alloc_locals;
    local a_lsb: felt;
    local b_lsb: felt;
    %{
        ids.a_lsb = ids.a & 1
        ids.b_lsb = ids.b & 1
    %}
    serialize_word(a_lsb);
    serialize_word(b_lsb);
    return ();
}

func small_inputs{output_ptr: felt*, range_check_ptr}(a: felt, b: felt) {
    alloc_locals;
    local small_inputs: felt;
    %{
        from starkware.cairo.common.math_utils import assert_integer
        assert_integer(ids.a)
        assert_integer(ids.b)
        a = ids.a % PRIME
        b = ids.b % PRIME
        assert a <= b, f'a = {a} is not less than or equal to b = {b}.'

        ids.small_inputs = int(
            a < range_check_builtin.bound and (b - a) < range_check_builtin.bound)
    %}
    serialize_word(small_inputs);
    return ();
}

func m_bits{output_ptr: felt*}(m: felt) {
    alloc_locals;
    let (m_bit_unpacking: felt*) = alloc();
    %{
        curr_m = ids.m
        for i in range(ids.M_MAX_BITS):
            memory[ids.m_bit_unpacking + i] = curr_m % 2
            curr_m = curr_m >> 1
    %}
    serialize_word(m_bit_unpacking[0]);
    serialize_word(m_bit_unpacking[1]);
    serialize_word(m_bit_unpacking[7]);
    return ();
}

func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    let r = log2_ceil(2);
    serialize_word(r);
    let r = log2_ceil(1000);
    serialize_word(r);
    let r = log2_ceil(2 ** 128);
    serialize_word(r);
    let (a) = normalize_address(12345);
    serialize_word(a);
    let (a) = normalize_address(2 ** 250 + 7);
    serialize_word(a);
    let (a) = normalize_address(2 ** 251 - 1);
    serialize_word(a);
    let (a) = normalize_address(-1);
    serialize_word(a);
    bit_length(0);
    bit_length(2 ** 200 + 1);
    bit_length(-1);
    old_assert_le(3, 3);
    old_assert_le(-2, -1);
    lsb(6, 7);
    small_inputs(5, 2 ** 100);
    small_inputs(5, 2 ** 129);
    small_inputs(2 ** 128, -1);
    m_bits(0x85);
    return ();
}
