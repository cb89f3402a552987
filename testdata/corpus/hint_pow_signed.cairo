// cairo-run: --layout small
%builtins output range_check
// pow and signed_pow (starkware/cairo/common/pow.cairo): exponents 0, 1, a 250-bit one, and
// signed_pow with positive and negative exponents (a field inverse).
// Hints: pow's exponent bit, signed_pow's non-zero base check, sign's is_positive, assert_le.
// Expected outcome: success.
from starkware.cairo.common.pow import pow, signed_pow
from starkware.cairo.common.serialize import serialize_word

func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    let (x) = pow(3, 0);
    serialize_word(x);
    let (x) = pow(3, 1);
    serialize_word(x);
    let (x) = pow(7, 2 ** 250 - 1);
    serialize_word(x);
    let (x) = pow(2, 127);
    serialize_word(x);
    let x = signed_pow(5, 3);
    serialize_word(x);
    let x = signed_pow(5, -3);
    serialize_word(x);
    let x = signed_pow(-2, -1);
    serialize_word(x);
    return ();
}
