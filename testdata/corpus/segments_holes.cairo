// cairo-run: --layout plain
// Memory holes: sparse writes into alloc'd segments (offsets 0, 3, 10 of one segment, 5 of
// another, an untouched third segment) and an `ap += 5` gap in the execution segment. Shows
// how relocation lays out segments with holes (segment size = max written offset + 1) in
// memory.bin. Hints: alloc (memory[ap] = segments.add()). Expected outcome: success.
from starkware.cairo.common.alloc import alloc

func main() {
    alloc_locals;
    let (local a) = alloc();
    let (local b) = alloc();
    let (local c) = alloc();
    assert a[0] = 1;
    assert a[3] = 4;
    assert a[10] = 11;
    assert b[5] = 6;
    ap += 5;
    [ap] = 99, ap++;
    return ();
}
