// cairo-run: --layout small
%builtins output
// The output builtin declared but nothing written: --print_output prints "Program output:"
// followed by an empty line. No hints. Expected outcome: success.

func main{output_ptr: felt*}() {
    return ();
}
