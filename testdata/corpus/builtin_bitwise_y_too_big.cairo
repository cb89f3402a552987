// cairo-run: --layout recursive
%builtins bitwise
// FAILING: y = -1 (P - 1, 252 bits) in a raw instance; the x_xor_y deduction fails on y.
// No hints. Expected outcome: failure (exit 1).
from starkware.cairo.common.cairo_builtins import BitwiseBuiltin

func main{bitwise_ptr: BitwiseBuiltin*}() {
    assert bitwise_ptr.x = 1;
    assert bitwise_ptr.y = -1;
    tempvar r = bitwise_ptr.x_xor_y;
    let bitwise_ptr = bitwise_ptr + BitwiseBuiltin.SIZE;
    return ();
}
