// cairo-run: --layout small
%builtins output range_check
// Only `%builtins output range_check`: manual range-check usage without the library
// (`assert [range_check_ptr] = v` and advancing the pointer), then serialize the values.
// The range_check builtin validates each written cell is in [0, 2**128).
// Hints: none (serialize_word has none). Expected outcome: success.
from starkware.cairo.common.serialize import serialize_word

func check_and_emit{output_ptr: felt*, range_check_ptr}(v) {
    assert [range_check_ptr] = v;
    let range_check_ptr = range_check_ptr + 1;
    serialize_word(v);
    return ();
}

func main{output_ptr: felt*, range_check_ptr}() {
    check_and_emit(0);
    check_and_emit(12345);
    check_and_emit(2 ** 128 - 1);
    // Two cells at once: v and 2**64 - v.
    assert [range_check_ptr] = 17;
    assert [range_check_ptr + 1] = 2 ** 64 - 17;
    let range_check_ptr = range_check_ptr + 2;
    return ();
}
