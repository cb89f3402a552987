// cairo-run: --layout starknet
%builtins output ec_op
// common/ec.cairo's ec_op, ec_mul and chained_ec_op over the ec_op builtin. Their hint adds a
// deterministic random point s (random_ec_point seeded by the inputs) so the builtin never meets
// two points with the same x: P + m * P, and m * G for m = 0, 1, 7, the curve order, -1; also
// ec_add / ec_double / ec_sub with the point at infinity (0, 0).
// Hints: ec_op's and chained_ec_op's random_ec_point, alloc. Expected outcome: success.
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.cairo_builtins import EcOpBuiltin
from starkware.cairo.common.ec import chained_ec_op, ec_add, ec_double, ec_mul, ec_op, ec_sub
from starkware.cairo.common.ec_point import EcPoint
from starkware.cairo.common.serialize import serialize_word

const GX = 0x1ef15c18599971b7beced415a40f0c7deacfd9b0d1819e03d723d8bc943cfca;
const GY = 0x5668060aa49730b7be4801df46ec62de53ecd11abe43a32873000c36e8dc1f;
const ORDER = 3618502788666131213697322783095070105526743751716087489154079457884512865583;

func emit{output_ptr: felt*}(p: EcPoint) {
    serialize_word(p.x);
    serialize_word(p.y);
    return ();
}

func main{output_ptr: felt*, ec_op_ptr: EcOpBuiltin*}() {
    alloc_locals;
    let g = EcPoint(GX, GY);
    let (r) = ec_op(g, 3, g);
    emit(r);
    let (r) = ec_mul(0, g);
    emit(r);
    let (r) = ec_mul(1, g);
    emit(r);
    let (r) = ec_mul(7, g);
    emit(r);
    let (r) = ec_mul(ORDER, g);
    emit(r);
    let (r) = ec_mul(-1, g);
    emit(r);
    let (g2) = ec_double(g);
    emit(g2);
    let (r) = ec_add(g2, EcPoint(0, 0));
    emit(r);
    let (r) = ec_sub(g2, g);
    emit(r);
    let (r) = ec_op(EcPoint(0, 0), 5, EcPoint(0, 0));
    emit(r);

    let (local ms: felt*) = alloc();
    assert ms[0] = 2;
    assert ms[1] = 3;
    assert ms[2] = 2 ** 200;
    let (local qs: EcPoint*) = alloc();
    assert qs[0] = g;
    assert qs[1] = g2;
    assert qs[2] = g;
    let (r) = chained_ec_op(g, ms, qs, 3);
    emit(r);
    return ();
}
