// cairo-run: --layout all_cairo
%builtins range_check96 add_mod mul_mod
// FAILING: a mul_mod gate 0 * b = 1 (mod 97) with b unknown. fill_memory finds no inverse of 0,
// writes the nullifier 97 // gcd(0, 97) = 1 to b and counts 0 computed mul gates, so it writes
// n = 0 over the n = 1 that run_mod_p_circuit wrote: an inconsistent memory write in the hint.
// Hints: alloc, fill_memory. Expected outcome: failure (exit 1).
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.cairo_builtins import ModBuiltin, UInt384
from starkware.cairo.common.modulo import run_mod_p_circuit

func main{range_check96_ptr: felt*, add_mod_ptr: ModBuiltin*, mul_mod_ptr: ModBuiltin*}() {
    alloc_locals;
    local p: UInt384 = UInt384(d0=97, d1=0, d2=0, d3=0);
    let (v: felt*) = alloc();
    assert v[0] = 0;
    assert v[1] = 0;
    assert v[2] = 0;
    assert v[3] = 0;
    assert v[8] = 1;
    assert v[9] = 0;
    assert v[10] = 0;
    assert v[11] = 0;
    let (m: felt*) = alloc();
    assert m[0] = 0;
    assert m[1] = 4;
    assert m[2] = 8;
    let (a: felt*) = alloc();
    run_mod_p_circuit(
        p=p, values_ptr=cast(v, UInt384*), add_mod_offsets_ptr=a, add_mod_n=0, mul_mod_offsets_ptr=m, mul_mod_n=1
    );
    return ();
}
