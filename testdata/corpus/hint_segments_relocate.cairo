// cairo-run: --layout small
%builtins output
// Temporary segments and relocate_segment (common/segments.cairo): values written into a
// temporary segment (segments.add_temp_segment, inline) before its destination is known; a
// pointer into it stored in a real segment; a second temporary segment relocated into the first
// (a chain of rules), then the first onto the end of an alloc() array that already holds cells
// (the moved cells merge with equal ones); pointers read after the rules come back relocated
// (the cells themselves move only at the end of the run).
// Hints: memory[ap] = segments.add_temp_segment(), relocate_segment's add_relocation_rule,
// alloc. Expected outcome: success (end_run moves the temporary cells; trace and memory show
// the relocated addresses).
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.segments import relocate_segment
from starkware.cairo.common.serialize import serialize_word

func new_temp() -> felt* {
    %{ memory[ap] = segments.add_temp_segment() %}
    ap += 1;
    return cast([ap - 1], felt*);
}

func main{output_ptr: felt*}() {
    alloc_locals;
    let (local holder: felt**) = alloc();
    let tmp = new_temp();
    assert tmp[0] = 10;
    assert tmp[1] = 11;
    assert tmp[3] = 13;
    assert holder[0] = tmp + 1;
    let tmp2 = new_temp();
    assert tmp2[0] = 20;
    assert tmp2[1] = 21;
    assert tmp[5] = cast(tmp2, felt);

    let (local dest: felt*) = alloc();
    assert dest[0] = 1;
    assert dest[1] = 2;
    assert dest[3] = 10;
    relocate_segment(src_ptr=tmp2, dest_ptr=tmp + 7);
    relocate_segment(src_ptr=tmp, dest_ptr=dest + 3);

    let p = holder[0];
    serialize_word(p - dest);
    serialize_word(cast(p, felt));
    serialize_word(dest[3]);
    return ();
}
