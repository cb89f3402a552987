// cairo-run: --layout plain
// Instruction forms: ap++ on assert_eq, `ap += <imm>` (positive and negative), `ap += [ap-1]`
// (ap update from a memory operand), ap++ combined with jnz (`jmp l if [ap] != 0, ap++`),
// writes to ap-relative cells with positive offsets ([ap + 2]) before moving ap.
// No hints. Expected outcome: success.

func main() {
    [ap] = 1, ap++;
    ap += 3;                  // skip 3 cells (left unset: memory holes)
    [ap] = 2, ap++;
    ap += -2;                 // move back onto a hole
    [ap] = 3, ap++;           // fills the hole at old ap + 2
    [ap] = 2, ap++;           // the value of [ap-1] below
    ap += [ap - 1];           // ap += 2
    [ap + 2] = 7;             // write ahead, ap unchanged
    [ap] = 6, ap++;
    [ap] = 0, ap++;
    [ap] = 7, ap++;           // check (not write): the cell written via [ap + 2] above
    [ap] = 0;
    jmp skip if [ap] != 0, ap++;
    [ap] = 11, ap++;

    skip:
    [ap] = 1;
    jmp skip2 if [ap] != 0, ap++;
    [ap] = 12, ap++;

    skip2:
    assert [ap - 1] = 1;
    ret;
}
