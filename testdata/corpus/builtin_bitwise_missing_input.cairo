// cairo-run: --layout recursive
%builtins bitwise
// FAILING: the second instance has its x but not its y; the secure run reports
// "Missing memory cells for bitwise: 6." No hints. Expected outcome: failure (exit 1).
from starkware.cairo.common.cairo_builtins import BitwiseBuiltin

func main{bitwise_ptr: BitwiseBuiltin*}() {
    assert bitwise_ptr.x = 1;
    assert bitwise_ptr.y = 2;
    tempvar r = bitwise_ptr.x_and_y;
    let bitwise_ptr = bitwise_ptr + BitwiseBuiltin.SIZE;
    assert bitwise_ptr.x = 7;
    let bitwise_ptr = bitwise_ptr + BitwiseBuiltin.SIZE;
    return ();
}
