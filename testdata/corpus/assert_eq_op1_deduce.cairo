// cairo-run: --layout plain
// Instruction forms: assert_eq where OP1 is the unknown cell and the VM deduces it from dst:
//   [fp-3] = [fp-4] + [ap]   (op1 = dst - op0)
//   [fp-3] = [fp-4] * [ap]   (op1 = dst / op0)
//   [fp-3] = [ap-1] + [ap]   (op0 just written)
// and a relocatable case: [ap-1] (a pointer q = p + 3) = [fp-3] (p) + [ap] deduces the felt
// offset 3 from two pointers of the same segment.
// No hints. Expected outcome: success.
from starkware.cairo.common.registers import get_fp_and_pc

func deduce(a, b, p: felt*) {
    // fp-5 = a = 6, fp-4 = b = 42, fp-3 = p.
    [fp - 4] = [fp - 5] + [ap], ap++;   // [ap-1] = 36
    assert [ap - 1] = 36;
    [fp - 4] = [fp - 5] * [ap], ap++;   // [ap-1] = 7
    assert [ap - 1] = 7;
    [fp - 4] = [ap - 1] + [ap], ap++;   // [ap-1] = 35
    assert [ap - 1] = 35;
    [fp - 5] = [ap - 2] * [ap], ap++;   // 6 / 7 in the field
    [ap] = [ap - 1] * 7, ap++;
    assert [ap - 1] = 6;
    // Relocatable: q = p + 3, then deduce the offset 3 from q = p + [ap].
    [ap] = [fp - 3] + 3, ap++;
    [ap - 1] = [fp - 3] + [ap], ap++;
    assert [ap - 1] = 3;
    ret;
}

func main() {
    // A pointer into the execution segment (fp-based) to have a real relocatable.
    let (__fp__, _) = get_fp_and_pc();
    deduce(6, 42, cast(__fp__, felt*));
    return ();
}
