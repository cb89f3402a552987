// cairo-run: --layout plain
// Instruction forms: call rel <label> (what `foo(x)` compiles to), call abs <imm> via a label
// address (get_label_location), call abs [ap-2] (register operand), call rel <imm> (raw offset),
// ret, nested calls (fp saved/restored at [fp-2], return pc at [fp-1]).
// No hints. Expected outcome: success.
from starkware.cairo.common.registers import get_label_location

func inc(x) -> felt {
    [ap] = [fp - 3] + 1, ap++;
    ret;
}

func twice(x) -> felt {
    let a = inc(x);
    let b = inc(a);
    return b;
}

func main() {
    alloc_locals;
    let (local fptr) = get_label_location(inc);
    // call abs with an immediate that is a label address (relocatable in the program segment).
    [ap] = 10, ap++;
    call abs fptr;
    assert [ap - 1] = 11;
    // call abs with a memory operand.
    [ap] = fptr, ap++;
    [ap] = 30, ap++;
    call abs [ap - 2];
    assert [ap - 1] = 31;
    // call rel with an immediate offset: skip over `jmp rel 5` (2 words) to the inline body.
    [ap] = 40, ap++;
    call rel 4;
    jmp rel 5;
    [ap] = [ap - 3] + 2, ap++;
    ret;
    // call rel to a label (ordinary function call), nested.
    let r = twice(100);
    assert r = 102;
    return ();
}
