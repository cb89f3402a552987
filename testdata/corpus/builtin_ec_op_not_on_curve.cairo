// cairo-run: --layout starknet
%builtins output ec_op
// FAILING: Q = (1, 2) is not on the curve: "ec_op builtin: point (1, 2) is not on the curve."
// No hints. Expected outcome: failure (exit 1).
from starkware.cairo.common.cairo_builtins import EcOpBuiltin
from starkware.cairo.common.ec_point import EcPoint

const GX = 0x1ef15c18599971b7beced415a40f0c7deacfd9b0d1819e03d723d8bc943cfca;
const GY = 0x5668060aa49730b7be4801df46ec62de53ecd11abe43a32873000c36e8dc1f;

func main{output_ptr: felt*, ec_op_ptr: EcOpBuiltin*}() {
    assert ec_op_ptr.p = EcPoint(GX, GY);
    assert ec_op_ptr.q = EcPoint(1, 2);
    assert ec_op_ptr.m = 3;
    assert [output_ptr] = ec_op_ptr.r.x;
    let output_ptr = output_ptr + 1;
    let ec_op_ptr = ec_op_ptr + EcOpBuiltin.SIZE;
    return ();
}
