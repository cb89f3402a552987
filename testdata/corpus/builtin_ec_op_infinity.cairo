// cairo-run: --layout starknet
%builtins output ec_op
// FAILING: P = -2G, Q = G, m = 2, so R would be the point at infinity. The first round is fine
// (bit 0 is clear); the second meets the doubled point 2G and the partial sum -2G, which share
// their x coordinate: "Cannot apply EC operation: ...". No hints. Expected outcome: failure.
from starkware.cairo.common.cairo_builtins import EcOpBuiltin
from starkware.cairo.common.ec_point import EcPoint

const GX = 0x1ef15c18599971b7beced415a40f0c7deacfd9b0d1819e03d723d8bc943cfca;
const GY = 0x5668060aa49730b7be4801df46ec62de53ecd11abe43a32873000c36e8dc1f;
const G2X = 0x759ca09377679ecd535a81e83039658bf40959283187c654c5416f439403cf5;
const G2Y = 0x6f524a3400e7708d5c01a28598ad272e7455aa88778b19f93b562d7a9646c41;

func main{output_ptr: felt*, ec_op_ptr: EcOpBuiltin*}() {
    assert ec_op_ptr.p = EcPoint(G2X, -G2Y);
    assert ec_op_ptr.q = EcPoint(GX, GY);
    assert ec_op_ptr.m = 2;
    assert [output_ptr] = ec_op_ptr.r.y;
    let output_ptr = output_ptr + 1;
    let ec_op_ptr = ec_op_ptr + EcOpBuiltin.SIZE;
    return ();
}
