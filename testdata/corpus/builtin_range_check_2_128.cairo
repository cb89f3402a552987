// cairo-run: --layout all_cairo
%builtins output range_check range_check96
// FAILING: 2**128 written to a range_check cell:
// "Value 340282366920938463463374607431768211456, in range check builtin 0, is out of range
// [0, 340282366920938463463374607431768211456)." No hints. Expected outcome: failure (exit 1).

func main{output_ptr: felt*, range_check_ptr, range_check96_ptr: felt*}() {
    assert [range_check_ptr] = 2 ** 128 - 1;
    assert [range_check_ptr + 1] = 2 ** 128;
    let range_check_ptr = range_check_ptr + 2;
    return ();
}
