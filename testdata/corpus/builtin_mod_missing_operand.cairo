// cairo-run: --layout all_cairo
%builtins range_check96 add_mod mul_mod
// FAILING: a mul_mod gate a * b = c with a and b both unknown: fill_memory raises
// "Exception: Could not fill the values table, add_mod_index=0, mul_mod_index=0".
// Hints: alloc, fill_memory. Expected outcome: failure (exit 1).
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.cairo_builtins import ModBuiltin, UInt384
from starkware.cairo.common.modulo import run_mod_p_circuit

func main{range_check96_ptr: felt*, add_mod_ptr: ModBuiltin*, mul_mod_ptr: ModBuiltin*}() {
    alloc_locals;
    local p: UInt384 = UInt384(d0=97, d1=0, d2=0, d3=0);
    let (v: felt*) = alloc();
    assert v[8] = 3;
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
