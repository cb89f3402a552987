// cairo-run: --layout small
%builtins output range_check
// FAILING: unsigned_div_rem(2**200, 3): the hint computes q = 2**200 // 3 and writes it into
// `ids.q`, which lives in a range-check cell ([range_check_ptr + 1]); the range_check builtin's
// validation rule rejects the write (q >= 2**128), raised from inside the hint.
// Hints: unsigned_div_rem. Expected outcome: failure (exit 1), "Value ..., in range check
// builtin 4, is out of range [0, 340282366920938463463374607431768211456)." inside a hint
// exception traceback.
from starkware.cairo.common.math import unsigned_div_rem
from starkware.cairo.common.serialize import serialize_word

func main{output_ptr: felt*, range_check_ptr}() {
    let (q, r) = unsigned_div_rem(100, 7);
    serialize_word(q);
    let (q, r) = unsigned_div_rem(2 ** 200, 3);
    serialize_word(q);
    serialize_word(r);
    return ();
}
