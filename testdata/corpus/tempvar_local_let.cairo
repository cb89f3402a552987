// cairo-run: --layout plain
// Cairo-level variables: tempvar (ap-based), local (fp-based, needs alloc_locals), let
// (references/aliases, including compound expressions and rebinding), typed locals,
// `local x: felt* = ...`, `&local` (needs __fp__), and `let` of a register expression [ap - 1].
// No hints. Expected outcome: success.
from starkware.cairo.common.registers import get_fp_and_pc

func compute(a, b) -> (sum: felt, prod: felt, mix: felt) {
    alloc_locals;
    tempvar t1 = a + b;
    tempvar t2 = t1 * 2;
    local l1 = t2 + 1;
    local l2: felt = a * b;
    let e = l1 + l2;        // an expression, not a cell
    let e = e * 3;          // rebinding
    tempvar t3 = e;
    [ap] = t3 + 4, ap++;
    let last = [ap - 1];
    return (sum=t1, prod=l2, mix=last);
}

func main() {
    alloc_locals;
    let (s, p, m) = compute(3, 4);
    local s2 = s;
    local p2 = p;
    local m2 = m;
    assert s2 = 7;
    assert p2 = 12;
    // l1 = 15, l2 = 12, e = 27 * 3 = 81, last = 85.
    assert m2 = 85;
    let (__fp__, _) = get_fp_and_pc();
    local q: felt* = &s2;  // address of a local, fp-based
    assert [q] = 7;
    assert q[1] = 12;
    return ();
}
