// cairo-run: --layout recursive
%builtins bitwise
// FAILING: only the x of the fourth instance is written; too few cells for the instances
// up to it: "Missing memory cells for bitwise." No hints. Expected outcome: failure (exit 1).
from starkware.cairo.common.cairo_builtins import BitwiseBuiltin

func main{bitwise_ptr: BitwiseBuiltin*}() {
    assert bitwise_ptr[3].x = 7;
    let bitwise_ptr = bitwise_ptr + 4 * BitwiseBuiltin.SIZE;
    return ();
}
