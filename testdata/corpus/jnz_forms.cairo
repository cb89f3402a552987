// cairo-run: --layout plain
// Instruction forms: jnz taken and not taken, with an immediate offset
// (`jmp rel 4 if [ap-1] != 0`), with a memory offset (`jmp rel [ap-2] if [ap-1] != 0`), on a
// label (`jmp l if [fp-3] != 0`), and on a relocatable value (a pointer is "non-zero", taken).
// Uses alloc (hint: memory[ap] = segments.add()).
// Expected outcome: success.
from starkware.cairo.common.alloc import alloc

func branch(x) -> felt {
    jmp nonzero if [fp - 3] != 0;
    [ap] = 100, ap++;
    ret;

    nonzero:
    [ap] = 200, ap++;
    ret;
}

func main() {
    alloc_locals;
    let (local p) = alloc();
    // Not taken: condition 0.
    [ap] = 0, ap++;
    jmp rel 4 if [ap - 1] != 0;
    [ap] = 1, ap++;
    // Taken: condition 5, skip the [ap] = 99 instruction (2 words).
    [ap] = 5, ap++;
    jmp rel 4 if [ap - 1] != 0;
    [ap] = 99, ap++;
    // Taken with a memory offset: offset 7 skips itself (1 word) and three 2-word writes.
    [ap] = 7, ap++;
    [ap] = 1, ap++;
    jmp rel [ap - 2] if [ap - 1] != 0;
    [ap] = 98, ap++;
    [ap] = 97, ap++;
    [ap] = 96, ap++;
    // Not taken with a memory offset.
    [ap] = 7, ap++;
    [ap] = 0, ap++;
    jmp rel [ap - 2] if [ap - 1] != 0;
    [ap] = 42, ap++;
    // Relocatable condition (p = 4:0, a pointer into the alloc segment): taken.
    [ap] = [fp], ap++;
    jmp rel 4 if [ap - 1] != 0;
    [ap] = 95, ap++;
    // Labels.
    let a = branch(0);
    assert a = 100;
    let b = branch(-1);
    assert b = 200;
    return ();
}
