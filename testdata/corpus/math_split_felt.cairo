// cairo-run: --layout small
%builtins output range_check
// split_felt from starkware.cairo.common.math: splits values into (high, low) 128-bit halves,
// including -1 = P - 1 (the MAX_HIGH branch) and 2**128 + 5; outputs the halves.
// Hints: split_felt (`ids.low = ids.value & ((1 << 128) - 1); ids.high = ids.value >> 128`) and
// the assert_nn hint inside assert_le (via assert_le, and assert_nn_le on both halves).
// Expected outcome: success.
from starkware.cairo.common.math import split_felt
from starkware.cairo.common.serialize import serialize_word

func main{output_ptr: felt*, range_check_ptr}() {
    let (high, low) = split_felt(2 ** 128 + 5);
    serialize_word(high);
    serialize_word(low);
    let (high, low) = split_felt(-1);
    serialize_word(high);
    serialize_word(low);
    let (high, low) = split_felt(12345);
    serialize_word(high);
    serialize_word(low);
    return ();
}
