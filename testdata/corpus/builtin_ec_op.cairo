// cairo-run: --layout starknet
%builtins output ec_op
// The ec_op builtin (R = P + m * Q) on the starknet layout, with P the shift point and Q the
// generator G: m = 0 (R = P), 1, 2, 3, 2**128 + 5, 2**251 - 1, P - 1 (the largest felt),
// the curve order (m * G = 0, so R = P) and order + 1; and Q = P, m = 2**200. The outputs of
// one instance are read in reverse order; one instance's outputs are never read.
// No hints. Expected outcome: success.
from starkware.cairo.common.cairo_builtins import EcOpBuiltin
from starkware.cairo.common.ec_point import EcPoint
from starkware.cairo.common.serialize import serialize_word

const GX = 0x1ef15c18599971b7beced415a40f0c7deacfd9b0d1819e03d723d8bc943cfca;
const GY = 0x5668060aa49730b7be4801df46ec62de53ecd11abe43a32873000c36e8dc1f;
const SX = 0x49ee3eba8c1600700ee1b87eb599f16716b0b1022947733551fde4050ca6804;
const SY = 0x3ca0cfe4b3bc6ddf346d49d06ea0ed34e621062c0e056c1d0405d266e10268a;
const ORDER = 3618502788666131213697322783095070105526743751716087489154079457884512865583;

func op{output_ptr: felt*, ec_op_ptr: EcOpBuiltin*}(px, py, qx, qy, m) {
    assert ec_op_ptr.p = EcPoint(px, py);
    assert ec_op_ptr.q = EcPoint(qx, qy);
    assert ec_op_ptr.m = m;
    serialize_word(ec_op_ptr.r.x);
    serialize_word(ec_op_ptr.r.y);
    let ec_op_ptr = ec_op_ptr + EcOpBuiltin.SIZE;
    return ();
}

func main{output_ptr: felt*, ec_op_ptr: EcOpBuiltin*}() {
    op(SX, SY, GX, GY, 0);
    op(SX, SY, GX, GY, 1);
    op(SX, SY, GX, GY, 2);
    op(SX, SY, GX, GY, 3);
    op(SX, SY, GX, GY, 2 ** 128 + 5);
    op(SX, SY, GX, GY, 2 ** 251 - 1);
    op(SX, SY, GX, GY, -1);
    op(SX, SY, GX, GY, ORDER);
    op(SX, SY, GX, GY, ORDER + 1);
    op(GX, GY, SX, SY, 2 ** 200);
    // Outputs read in reverse order.
    assert ec_op_ptr.p = EcPoint(GX, GY);
    assert ec_op_ptr.q = EcPoint(SX, SY);
    assert ec_op_ptr.m = 12345;
    tempvar y = ec_op_ptr.r.y;
    tempvar x = ec_op_ptr.r.x;
    serialize_word(x);
    serialize_word(y);
    let ec_op_ptr = ec_op_ptr + EcOpBuiltin.SIZE;
    // Inputs only.
    assert ec_op_ptr.p = EcPoint(GX, GY);
    assert ec_op_ptr.q = EcPoint(SX, SY);
    assert ec_op_ptr.m = 7;
    let ec_op_ptr = ec_op_ptr + EcOpBuiltin.SIZE;
    return ();
}
