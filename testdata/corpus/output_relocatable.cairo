// cairo-run: --layout small
%builtins output
// Writes a pointer (relocatable value 5:0, the first alloc'd segment in the small layout with the
// output builtin) into the output segment; cairo-run prints it unrelocated as `5:0`.
// Hints: alloc (memory[ap] = segments.add()). Expected outcome: success.
from starkware.cairo.common.alloc import alloc

func main{output_ptr: felt*}() {
    let (p) = alloc();
    assert [output_ptr] = cast(p, felt);
    assert [output_ptr + 1] = cast(p + 7, felt);
    let output_ptr = output_ptr + 2;
    return ();
}
