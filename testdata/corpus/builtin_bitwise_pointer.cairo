// cairo-run: --layout recursive
%builtins bitwise
// FAILING: a pointer as the x operand of a bitwise instance:
// "bitwise builtin: Expected integer at address 2:0. Got: 1:3."
// No hints. Expected outcome: failure (exit 1).
from starkware.cairo.common.cairo_builtins import BitwiseBuiltin
from starkware.cairo.common.registers import get_fp_and_pc

func main{bitwise_ptr: BitwiseBuiltin*}() {
    let (fp_val, _) = get_fp_and_pc();
    assert bitwise_ptr.x = cast(fp_val, felt);
    assert bitwise_ptr.y = 1;
    tempvar r = bitwise_ptr.x_or_y;
    let bitwise_ptr = bitwise_ptr + BitwiseBuiltin.SIZE;
    return ();
}
