// cairo-run: --layout small
%builtins output range_check
// unsigned_div_rem from starkware.cairo.common.math: 100 / 7, 2**200 / 3, 5 / 10 (q = 0) and a
// divisor at 2**100; outputs quotient and remainder.
// Hints: unsigned_div_rem (`assert 0 < ids.div <= PRIME // range_check_builtin.bound;
// ids.q, ids.r = divmod(ids.value, ids.div)`) and the assert_nn hint inside assert_le.
// Expected outcome: success.
from starkware.cairo.common.math import unsigned_div_rem
from starkware.cairo.common.serialize import serialize_word

func main{output_ptr: felt*, range_check_ptr}() {
    let (q, r) = unsigned_div_rem(100, 7);
    serialize_word(q);
    serialize_word(r);
    let (q, r) = unsigned_div_rem(2 ** 120, 3);
    serialize_word(q);
    serialize_word(r);
    let (q, r) = unsigned_div_rem(5, 10);
    serialize_word(q);
    serialize_word(r);
    let (q, r) = unsigned_div_rem(2 ** 120 + 9, 2 ** 100);
    serialize_word(q);
    serialize_word(r);
    return ();
}
