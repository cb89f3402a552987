// cairo-run: --layout plain
// memcpy from the common library: copy 8 cells between segments, copy 0 cells (early return, no
// hint), copy a struct array, and a copy onto already-equal cells (consistent rewrite).
// Hints: alloc (memory[ap] = segments.add()), memcpy (vm_enter_scope({'n': ids.len}),
// `n -= 1; ids.continue_copying = 1 if n > 0 else 0`, vm_exit_scope()).
// Expected outcome: success.
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.memcpy import memcpy

func main() {
    alloc_locals;
    let (local src: felt*) = alloc();
    assert src[0] = 11;
    assert src[1] = 22;
    assert src[2] = 33;
    assert src[3] = 44;
    assert src[4] = 55;
    assert src[5] = 66;
    assert src[6] = 77;
    assert src[7] = 88;
    let (local dst: felt*) = alloc();
    memcpy(dst, src, 8);
    assert dst[0] = 11;
    assert dst[7] = 88;
    // len = 0: no write, no hint.
    let (local empty: felt*) = alloc();
    memcpy(empty, src, 0);
    // Rewrite the same values: consistent, succeeds.
    memcpy(dst + 2, src + 2, 3);
    // Copy into the middle of a fresh segment (leaves a hole at offsets 0..4).
    let (local mid: felt*) = alloc();
    memcpy(mid + 5, src, 1);
    assert mid[5] = 11;
    return ();
}
