// cairo-run: --layout plain
// Instruction forms: jmp rel <imm> (forward, over instructions), jmp <label> (jmp rel),
// jmp abs [fp+k] with a label address (relocatable) as the operand, twice,
// backward jmp to a label.
// No hints. Expected outcome: success.
from starkware.cairo.common.registers import get_label_location

func main() {
    alloc_locals;
    let (local target) = get_label_location(after_abs);
    let (local target2) = get_label_location(after_abs_imm);
    [ap] = 1, ap++;
    jmp rel 4;                // skip the next 2-word instruction
    [ap] = 999, ap++;
    [ap] = 2, ap++;
    jmp forward;
    [ap] = 998, ap++;

    forward:
    [ap] = 3, ap++;
    jmp abs [fp];             // target = after_abs
    [ap] = 997, ap++;

    after_abs:
    [ap] = 4, ap++;
    jmp abs [fp + 1];         // target2 = after_abs_imm
    [ap] = 996, ap++;

    after_abs_imm:
    [ap] = 5, ap++;
    // backward jump: a counter from 3 down to 0 using a plain jmp and jnz exit.
    [ap] = 3, ap++;

    back:
    jmp done if [ap - 1] != 0;
    jmp finish;

    done:
    [ap] = [ap - 1] - 1, ap++;
    jmp back;

    finish:
    ret;
}
