// cairo-run: --layout small
%builtins output range_check
// recover_y and is_x_on_curve (starkware/cairo/common/ec.cairo) on the STARK curve, and
// is_quad_residue (math.cairo) on residues and non-residues: the generator's x, a public key
// x, and x = 5, 4, 3, 0, -1. Outputs the recovered points and the flags.
// Hints: recover_y, is_quad_residue. Expected outcome: success.
from starkware.cairo.common.ec import is_x_on_curve, recover_y
from starkware.cairo.common.ec_point import EcPoint
from starkware.cairo.common.math import is_quad_residue
from starkware.cairo.common.serialize import serialize_word

func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    let (p: EcPoint) = recover_y(0x1ef15c18599971b7beced415a40f0c7deacfd9b0d1819e03d723d8bc943cfca);
    serialize_word(p.x);
    serialize_word(p.y);
    let (p: EcPoint) = recover_y(0x77a3b314db07c45076d11f62b6f9e748a39790441823307743cf00d6597ea43);
    serialize_word(p.y);
    let r = is_x_on_curve(5);
    serialize_word(r);
    let r = is_x_on_curve(0x1ef15c18599971b7beced415a40f0c7deacfd9b0d1819e03d723d8bc943cfca);
    serialize_word(r);
    let r = is_quad_residue(0);
    serialize_word(r);
    let r = is_quad_residue(4);
    serialize_word(r);
    let r = is_quad_residue(3);
    serialize_word(r);
    let r = is_quad_residue(-1);
    serialize_word(r);
    return ();
}
