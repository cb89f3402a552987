// cairo-run: --layout all_cairo
%builtins range_check96 add_mod mul_mod
// FAILING: an add_mod gate 5 + 6 = 12 (mod 97) with every value given, so fill_memory has
// nothing to compute; the secure run's add_mod check fails: "add_mod builtin: Expected a
// <built-in function add> b == c (mod p). Got: instance=0, batch=0, inputs=..., values=...".
// Hints: alloc, fill_memory. Expected outcome: failure (exit 1).
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.cairo_builtins import ModBuiltin, UInt384
from starkware.cairo.common.modulo import run_mod_p_circuit

func main{range_check96_ptr: felt*, add_mod_ptr: ModBuiltin*, mul_mod_ptr: ModBuiltin*}() {
    alloc_locals;
    local p: UInt384 = UInt384(d0=97, d1=0, d2=0, d3=0);
    let (v: felt*) = alloc();
    assert v[0] = 5;
    assert v[1] = 0;
    assert v[2] = 0;
    assert v[3] = 0;
    assert v[4] = 6;
    assert v[5] = 0;
    assert v[6] = 0;
    assert v[7] = 0;
    assert v[8] = 12;
    assert v[9] = 0;
    assert v[10] = 0;
    assert v[11] = 0;
    let (a: felt*) = alloc();
    assert a[0] = 0;
    assert a[1] = 4;
    assert a[2] = 8;
    let (m: felt*) = alloc();
    run_mod_p_circuit(
        p=p, values_ptr=cast(v, UInt384*), add_mod_offsets_ptr=a, add_mod_n=1, mul_mod_offsets_ptr=m, mul_mod_n=0
    );
    return ();
}
