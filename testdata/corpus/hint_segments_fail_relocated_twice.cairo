// FAILING: relocate_segment twice on one temporary segment. Once the first rule exists, reading
// the pointer from memory relocates it, so the second call sees a real segment.
// Hints: segments.add_temp_segment (inline), alloc, relocate_segment. Expected outcome: failure
// (exit 1), "AssertionError: src_ptr.segment_index must be < 0, src_ptr=4:0.".
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.segments import relocate_segment

func main() {
    alloc_locals;
    %{ memory[ap] = segments.add_temp_segment() %}
    ap += 1;
    let tmp = cast([ap - 1], felt*);
    let (local a) = alloc();
    relocate_segment(src_ptr=tmp, dest_ptr=a);
    relocate_segment(src_ptr=tmp, dest_ptr=a);
    return ();
}
