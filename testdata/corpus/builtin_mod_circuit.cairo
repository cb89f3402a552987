// cairo-run: --layout all_cairo
%builtins output range_check96 add_mod mul_mod
// add_mod and mul_mod through common/modulo.cairo's run_mod_p_circuit on the all_cairo layout.
// Circuit 1, modulo the 381-bit BLS12-381 prime, on x, y = p - 5, z = 2**380 + 12345:
//   add: v3 = v0 + v1, v5 = v3 + v4 (waits for mul 0), v0 + v7 = v1 (v7 deduced: y - x)
//   mul: v4 = v2 * v2, v6 = v5 * v0, v0 * v8 = v3 (v8 deduced: a division)
// Circuit 2, modulo 97: 90 + 7 = p exactly (reduced to 0), 90 + 96 (reduced by p), b deduced
// from 0 + b = 0, b deduced from 96 + b = 0 (b = 1, as res + p - known), 96 * 96 and 0 * 90.
// Circuit 3: only add_mod gates. Several instances per builtin (batch size 1), so the hint
// fills the inputs of instances 1.. from the first one.
// Hints: alloc and run_mod_p_circuit's fill_memory. Expected outcome: success.
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.cairo_builtins import ModBuiltin, UInt384
from starkware.cairo.common.modulo import run_mod_p_circuit
from starkware.cairo.common.serialize import serialize_word

func emit_values{output_ptr: felt*}(v: felt*, n) {
    if (n == 0) {
        return ();
    }
    serialize_word([v]);
    return emit_values(v + 1, n - 1);
}

func set_u384(v: felt*, d0, d1, d2, d3) {
    assert v[0] = d0;
    assert v[1] = d1;
    assert v[2] = d2;
    assert v[3] = d3;
    return ();
}

func main{output_ptr: felt*, range_check96_ptr: felt*, add_mod_ptr: ModBuiltin*, mul_mod_ptr: ModBuiltin*}() {
    alloc_locals;
    // Circuit 1.
    local p: UInt384 = UInt384(
        d0=0xb153ffffb9feffffffffaaab,
        d1=0x6730d2a0f6b0f6241eabfffe,
        d2=0x434bacd764774b84f38512bf,
        d3=0x1a0111ea397fe69a4b1ba7b6,
    );
    let (values: felt*) = alloc();
    set_u384(values, 0x89abcdef0123456789abcdef, 0x123456789abcdef01234567, 0x89abcdef0123456789abcdef, 0x123456789abcdef01234567);
    set_u384(values + 4, 0xb153ffffb9feffffffffaaa6, 0x6730d2a0f6b0f6241eabfffe, 0x434bacd764774b84f38512bf, 0x1a0111ea397fe69a4b1ba7b6);
    set_u384(values + 8, 0x3039, 0, 0, 0x100000000000000000000000);
    let (add_offsets: felt*) = alloc();
    assert add_offsets[0] = 0;
    assert add_offsets[1] = 4;
    assert add_offsets[2] = 12;
    assert add_offsets[3] = 12;
    assert add_offsets[4] = 16;
    assert add_offsets[5] = 20;
    assert add_offsets[6] = 0;
    assert add_offsets[7] = 28;
    assert add_offsets[8] = 4;
    let (mul_offsets: felt*) = alloc();
    assert mul_offsets[0] = 8;
    assert mul_offsets[1] = 8;
    assert mul_offsets[2] = 16;
    assert mul_offsets[3] = 20;
    assert mul_offsets[4] = 0;
    assert mul_offsets[5] = 24;
    assert mul_offsets[6] = 0;
    assert mul_offsets[7] = 32;
    assert mul_offsets[8] = 12;
    run_mod_p_circuit(
        p=p,
        values_ptr=cast(values, UInt384*),
        add_mod_offsets_ptr=add_offsets,
        add_mod_n=3,
        mul_mod_offsets_ptr=mul_offsets,
        mul_mod_n=3,
    );
    emit_values(values + 12, 24);

    // Circuit 2, modulo 97.
    local q: UInt384 = UInt384(d0=97, d1=0, d2=0, d3=0);
    let (w: felt*) = alloc();
    set_u384(w, 90, 0, 0, 0);
    set_u384(w + 4, 7, 0, 0, 0);
    set_u384(w + 8, 96, 0, 0, 0);
    set_u384(w + 12, 0, 0, 0, 0);
    let (a2: felt*) = alloc();
    // w4 = w0 + w1 (= 97 = p: reduced to 0), w5 = w0 + w2 (186 - 97 = 89),
    // w3 + w6 = w3 (w6 = 0), w2 + w7 = w4 (w7 = 0 - 96 + 97 = 1).
    assert a2[0] = 0;
    assert a2[1] = 4;
    assert a2[2] = 16;
    assert a2[3] = 0;
    assert a2[4] = 8;
    assert a2[5] = 20;
    assert a2[6] = 12;
    assert a2[7] = 24;
    assert a2[8] = 12;
    assert a2[9] = 8;
    assert a2[10] = 28;
    assert a2[11] = 16;
    let (m2: felt*) = alloc();
    // w8 = w2 * w2 (96 * 96 = 9216 = 1 mod 97), w9 = w3 * w0 (0).
    assert m2[0] = 8;
    assert m2[1] = 8;
    assert m2[2] = 32;
    assert m2[3] = 12;
    assert m2[4] = 0;
    assert m2[5] = 36;
    run_mod_p_circuit(
        p=q,
        values_ptr=cast(w, UInt384*),
        add_mod_offsets_ptr=a2,
        add_mod_n=4,
        mul_mod_offsets_ptr=m2,
        mul_mod_n=2,
    );
    emit_values(w + 16, 24);

    // Circuit 3: add_mod only (mul_mod_n = 0).
    let (u: felt*) = alloc();
    set_u384(u, 2 ** 96 - 1, 2 ** 96 - 1, 0, 0);
    set_u384(u + 4, 1, 0, 0, 0);
    let (a3: felt*) = alloc();
    assert a3[0] = 0;
    assert a3[1] = 4;
    assert a3[2] = 8;
    assert a3[3] = 8;
    assert a3[4] = 8;
    assert a3[5] = 12;
    let (m3: felt*) = alloc();
    local r: UInt384 = UInt384(d0=0, d1=0, d2=0, d3=1);
    run_mod_p_circuit(
        p=r,
        values_ptr=cast(u, UInt384*),
        add_mod_offsets_ptr=a3,
        add_mod_n=2,
        mul_mod_offsets_ptr=m3,
        mul_mod_n=0,
    );
    emit_values(u + 8, 8);
    return ();
}
