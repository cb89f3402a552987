// cairo-run: --layout plain
// Relocatable arithmetic: pointer + felt, pointer - felt, pointer - pointer (same segment, gives a
// felt), pointer equality checks via assert (assert p + 3 = q), pointer stored in memory and read
// back, cast(ptr, felt) round trips, and a pointer into the execution segment (fp).
// Uses alloc (hint: memory[ap] = segments.add()) and get_fp_and_pc (no hint).
// Expected outcome: success.
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.registers import get_fp_and_pc

func main() {
    alloc_locals;
    let (local p: felt*) = alloc();
    local q: felt* = p + 3;
    local r: felt* = q - 1;
    assert p + 3 = q;
    assert r + 1 = q;
    tempvar d = q - p;          // pointer - pointer = 3
    assert d = 3;
    tempvar d2 = cast(p, felt) - cast(q, felt);
    assert d2 = -3;
    // Write through derived pointers and read through p.
    assert [q] = 30;
    assert [r] = 20;
    assert p[2] = 20;
    assert p[3] = 30;
    // Store a pointer in the segment itself (a relocatable value in memory).
    assert p[0] = cast(q, felt);
    tempvar back: felt* = cast(p[0], felt*);
    assert [back] = 30;
    // fp-relative pointer.
    let (fp_val, pc_val) = get_fp_and_pc();
    local fpp: felt* = cast(fp_val, felt*);
    assert [fpp] = cast(p, felt);
    assert fpp[1] = cast(q, felt);
    // Pointer + large felt then back.
    tempvar far = p + 1000000;
    assert far - 1000000 = p;
    return ();
}
