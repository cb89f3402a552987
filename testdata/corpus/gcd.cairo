// cairo-run: --layout small
%builtins output range_check
// Euclid's gcd with unsigned_div_rem: gcd(1071, 462) = 21, gcd(2**64, 2**40 * 3) = 2**40.
// Hints: unsigned_div_rem, assert_nn (inside assert_le). Expected outcome: success.
from starkware.cairo.common.math import unsigned_div_rem
from starkware.cairo.common.serialize import serialize_word

func gcd{range_check_ptr}(a, b) -> felt {
    if (b == 0) {
        return a;
    }
    let (_, r) = unsigned_div_rem(a, b);
    return gcd(b, r);
}

func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    let g = gcd(1071, 462);
    local g2 = g;
    assert g2 = 21;
    let h = gcd(2 ** 64, 2 ** 40 * 3);
    local h2 = h;
    assert h2 = 2 ** 40;
    serialize_word(g2);
    serialize_word(h2);
    return ();
}
