// cairo-run: --layout all_cairo
%builtins output range_check range_check96
// FAILING: 2**96 written to a range_check96 cell (2**96 - 1 passes):
// "Value 79228162514264337593543950336, in range check builtin 1, is out of range
// [0, 79228162514264337593543950336)." No hints. Expected outcome: failure (exit 1).

func main{output_ptr: felt*, range_check_ptr, range_check96_ptr: felt*}() {
    assert [range_check96_ptr] = 2 ** 96 - 1;
    assert [range_check96_ptr + 1] = 2 ** 96;
    let range_check96_ptr = range_check96_ptr + 2;
    return ();
}
