// cairo-run: --layout small
%builtins output
// Output with a hole: cells 0 and 2 are written, cell 1 never is, and output_ptr is advanced by 3.
// cairo-run prints `<missing>` for the unset cell. No hints. Expected outcome: success.

func main{output_ptr: felt*}() {
    assert [output_ptr] = 1;
    assert [output_ptr + 2] = 3;
    let output_ptr = output_ptr + 3;
    return ();
}
