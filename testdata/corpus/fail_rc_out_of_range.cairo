// cairo-run: --layout small
%builtins range_check
// FAILING: a raw write of -1 (= P - 1) into the range_check segment without the library: the
// range_check builtin's validation rule rejects it at write time:
// "Value 3618...0480, in range check builtin 0, is out of range [0, 3402...1456)."
// No hints. Expected outcome: failure (exit 1).

func main{range_check_ptr}() {
    assert [range_check_ptr] = 10;
    assert [range_check_ptr + 1] = -1;
    let range_check_ptr = range_check_ptr + 2;
    return ();
}
