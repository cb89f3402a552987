// cairo-run: --layout plain
// Instruction forms: double dereference as op1, `[ap] = [[fp-3] + k]`, and op0 as a pointer
// register `[ap] = [[ap-1]]`, plus writing through a pointer `[[fp-3] + k]` via assert.
// Uses alloc (hint: memory[ap] = segments.add()).
// Expected outcome: success.
from starkware.cairo.common.alloc import alloc

func read_through(p: felt*) -> felt {
    // fp-3 = p.
    [ap] = [[fp - 3] + 2], ap++;        // p[2]
    [ap] = [[fp - 3]], ap++;            // p[0]
    [ap] = [[fp - 3] + 1], ap++;        // p[1]
    [ap] = [ap - 1] + [ap - 2], ap++;   // p[0] + p[1]
    [ap] = [ap - 1] * [ap - 4], ap++;   // (p[0]+p[1]) * p[2]
    ret;
}

func main() {
    alloc_locals;
    let (p) = alloc();
    assert p[0] = 3;
    assert p[1] = 4;
    assert p[2] = 10;
    // Pointer to pointer.
    let (pp: felt**) = alloc();
    assert pp[0] = p;
    assert pp[1] = p + 1;
    let r = read_through(p);
    assert r = 70;
    // [[pp] + 2] and [[pp + 1] + 1].
    assert [pp[0] + 2] = 10;
    assert [pp[1] + 1] = 10;
    tempvar q = pp[1];
    assert [q] = 4;
    return ();
}
