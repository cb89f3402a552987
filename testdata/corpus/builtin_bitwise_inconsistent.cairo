// cairo-run: --layout recursive
%builtins bitwise
// FAILING: the program writes x_and_y = 5 before the inputs x = 6, y = 3 (so nothing is
// deduced then, and the builtin computes 2). cairo-lang's end_run (verify_auto_deductions)
// fails: "Inconsistent auto deduction rule at address 2:2. 5 != 2." No hints. Expected: failure.
from starkware.cairo.common.cairo_builtins import BitwiseBuiltin

func main{bitwise_ptr: BitwiseBuiltin*}() {
    assert bitwise_ptr.x_and_y = 5;
    assert bitwise_ptr.x = 6;
    assert bitwise_ptr.y = 3;
    let bitwise_ptr = bitwise_ptr + BitwiseBuiltin.SIZE;
    return ();
}
