// cairo-run: --layout starknet
%builtins output ec_op
// FAILING: P = 2G, Q = G, m = 2: the second round meets the doubled point 2G and the partial
// sum 2G (the AIR cannot double through an addition): "Cannot apply EC operation: ...".
// The same P with m = 1 (R = 3G) succeeds first. No hints. Expected outcome: failure (exit 1).
from starkware.cairo.common.cairo_builtins import EcOpBuiltin
from starkware.cairo.common.ec_point import EcPoint
from starkware.cairo.common.serialize import serialize_word

const GX = 0x1ef15c18599971b7beced415a40f0c7deacfd9b0d1819e03d723d8bc943cfca;
const GY = 0x5668060aa49730b7be4801df46ec62de53ecd11abe43a32873000c36e8dc1f;
const G2X = 0x759ca09377679ecd535a81e83039658bf40959283187c654c5416f439403cf5;
const G2Y = 0x6f524a3400e7708d5c01a28598ad272e7455aa88778b19f93b562d7a9646c41;

func main{output_ptr: felt*, ec_op_ptr: EcOpBuiltin*}() {
    assert ec_op_ptr.p = EcPoint(G2X, G2Y);
    assert ec_op_ptr.q = EcPoint(GX, GY);
    assert ec_op_ptr.m = 1;
    serialize_word(ec_op_ptr.r.x);
    let ec_op_ptr = ec_op_ptr + EcOpBuiltin.SIZE;
    assert ec_op_ptr.p = EcPoint(G2X, G2Y);
    assert ec_op_ptr.q = EcPoint(GX, GY);
    assert ec_op_ptr.m = 2;
    serialize_word(ec_op_ptr.r.x);
    let ec_op_ptr = ec_op_ptr + EcOpBuiltin.SIZE;
    return ();
}
