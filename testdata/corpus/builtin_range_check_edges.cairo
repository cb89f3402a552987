// cairo-run: --layout all_cairo
%builtins output range_check range_check96
// range_check and range_check96 at their bounds on the all_cairo layout: 0, 2**128 - 1 in
// range_check, 0 and 2**96 - 1 in range_check96 (written directly and through assert_nn).
// Hints: assert_nn. Expected outcome: success.
from starkware.cairo.common.math import assert_nn
from starkware.cairo.common.serialize import serialize_word

func main{output_ptr: felt*, range_check_ptr, range_check96_ptr: felt*}() {
    assert [range_check_ptr] = 2 ** 128 - 1;
    assert [range_check_ptr + 1] = 0;
    let range_check_ptr = range_check_ptr + 2;
    assert_nn(2 ** 128 - 1);
    assert [range_check96_ptr] = 2 ** 96 - 1;
    assert [range_check96_ptr + 1] = 0;
    assert [range_check96_ptr + 2] = 2 ** 95;
    let range_check96_ptr = range_check96_ptr + 3;
    serialize_word(2 ** 96 - 1);
    return ();
}
