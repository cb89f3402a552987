// FAILING: relocate_segment with src_ptr in a real (alloc) segment.
// Hints: alloc, relocate_segment. Expected outcome: failure (exit 1),
// "AssertionError: src_ptr.segment_index must be < 0, src_ptr=4:0.".
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.segments import relocate_segment

func main() {
    let (a) = alloc();
    let (b) = alloc();
    relocate_segment(src_ptr=a, dest_ptr=b);
    return ();
}
