// FAILING: relocate_segment with src_ptr at offset 1 of a temporary segment.
// Hints: segments.add_temp_segment (inline), alloc, relocate_segment. Expected outcome: failure
// (exit 1), "AssertionError: src_ptr.offset must be 0, src_ptr=-1:1.".
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.segments import relocate_segment

func main() {
    %{ memory[ap] = segments.add_temp_segment() %}
    ap += 1;
    let tmp = cast([ap - 1], felt*);
    let (a) = alloc();
    relocate_segment(src_ptr=tmp + 1, dest_ptr=a);
    return ();
}
