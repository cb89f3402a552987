// cairo-run: --layout plain
// Instruction forms: assert_eq where OP0 is the unknown cell and the VM deduces it from dst:
//   [fp-3] = [ap] + imm   (op0 = dst - op1)
//   [fp-3] = [ap] + [fp-4]
//   [fp-3] = [ap] * [fp-4] (op0 = dst / op1, field division)
//   [fp-3] = [ap] * imm
// Also the Cairo-level form `assert x = y + z` with unknown y via a tempvar-free local.
// No hints. Expected outcome: success.

func deduce(a, b) {
    // fp-4 = a = 6, fp-3 = b = 42.
    [fp - 3] = [ap] + 5, ap++;          // [ap-1] = 37
    assert [ap - 1] = 37;
    [fp - 3] = [ap] + [fp - 4], ap++;   // [ap-1] = 36
    assert [ap - 1] = 36;
    [fp - 3] = [ap] * [fp - 4], ap++;   // [ap-1] = 7
    assert [ap - 1] = 7;
    [fp - 3] = [ap] * 5, ap++;          // [ap-1] = 42/5 (field element)
    [ap] = [ap - 1] * 5, ap++;
    assert [ap - 1] = 42;
    [fp - 4] = [ap] * 4, ap++;          // 6/4 = 3/2 in the field
    [ap] = [ap - 1] * 2, ap++;
    assert [ap - 1] = 3;
    ret;
}

func cairo_level(total) -> felt {
    alloc_locals;
    local unknown;
    // `unknown` is not set yet; this assert deduces it: total = unknown + 8.
    assert total = unknown + 8;
    return unknown;
}

func main() {
    deduce(6, 42);
    let u = cairo_level(100);
    assert u = 92;
    return ();
}
