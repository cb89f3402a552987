// cairo-run: --layout plain
// Instruction forms: assert_eq where the DESTINATION is the unknown cell.
//   [ap] = [fp-3] + imm, [ap] = [fp-4] * [fp-3], [fp+k] = [ap-1] * [ap-2], [ap] = imm,
//   [ap] = [fp-3] (plain copy, res = op1), ap++ on every write.
// No hints. Expected outcome: success.

func compute(a, b) -> felt {
    // fp-4 = a, fp-3 = b.
    [ap] = [fp - 3] + 5, ap++;      // b + 5
    [ap] = [fp - 4] * [fp - 3], ap++;  // a * b
    [ap] = [ap - 1] + [ap - 2], ap++;  // a*b + b + 5
    [ap] = 1000, ap++;                 // immediate
    [ap] = [fp - 4], ap++;             // copy (res = op1)
    [ap] = [ap - 1] * 3, ap++;         // mul by immediate
    [ap] = [ap - 3] + [ap - 1], ap++;  // 1000 + 3a
    [ap] = [ap - 5] + [ap - 1], ap++;  // (a*b + b + 5) + (1000 + 3a)
    ret;
}

func locals_demo(x) -> felt {
    alloc_locals;
    local y;
    local z;
    [ap] = [fp - 3] + 2, ap++;          // x + 2
    [ap] = [fp - 3] * 10, ap++;         // 10x
    [fp + 1] = [ap - 1] * [ap - 2];     // z = 10x * (x + 2), dst is a local
    [fp] = [fp + 1] + [fp - 3];         // y = z + x
    [ap] = [fp] + [fp + 1], ap++;       // y + z
    ret;
}

func main() {
    let r1 = compute(6, 7);
    let r2 = locals_demo(3);
    assert r1 = 6 * 7 + 7 + 5 + 1000 + 3 * 6;
    assert r2 = 2 * (30 * 5) + 3;
    return ();
}
