// cairo-run: --layout small
%builtins output range_check
// Collatz sequence from 27 is too long; from 6: 6 3 10 5 16 8 4 2 1. Parity via
// unsigned_div_rem(n, 2); each element is serialized.
// Hints: unsigned_div_rem, assert_nn (inside assert_le). Expected outcome: success.
from starkware.cairo.common.math import unsigned_div_rem
from starkware.cairo.common.serialize import serialize_word

func collatz{output_ptr: felt*, range_check_ptr}(n, steps) -> felt {
    serialize_word(n);
    if (n == 1) {
        return steps;
    }
    let (q, r) = unsigned_div_rem(n, 2);
    if (r == 0) {
        return collatz(q, steps + 1);
    }
    return collatz(3 * n + 1, steps + 1);
}

func main{output_ptr: felt*, range_check_ptr}() {
    let s = collatz(6, 0);
    assert s = 8;
    return ();
}
