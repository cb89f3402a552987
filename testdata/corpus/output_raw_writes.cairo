// cairo-run: --layout small
%builtins output
// Output via plain writes to output_ptr without the library: `assert [output_ptr + k] = v`
// (compiles to writes through the pointer held at [fp-3]) and a final
// `let output_ptr = output_ptr + n`; main returns the new output pointer, which cairo-run checks
// against the used cells of the output segment. No hints. Expected outcome: success.

func write_pair{output_ptr: felt*}(a, b) {
    assert [output_ptr] = a;
    assert [output_ptr + 1] = b;
    let output_ptr = output_ptr + 2;
    return ();
}

func main{output_ptr: felt*}() {
    assert [output_ptr] = 100;
    assert [output_ptr + 1] = 200;
    let output_ptr = output_ptr + 2;
    write_pair(1, 2);
    write_pair(3, 4);
    tempvar o = output_ptr;
    assert [o] = 300;
    let output_ptr = o + 1;
    return ();
}
