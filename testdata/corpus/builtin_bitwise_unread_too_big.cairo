// cairo-run: --layout recursive
%builtins bitwise
// FAILING: an instance with x = 2**251 whose outputs are never read. The run reaches its end;
// the secure run's builtin checks deduce the unset output cells and fail:
// "bitwise builtin: Expected integer at address 2:5 to be smaller than 2^251. ..."
// No hints. Expected outcome: failure (exit 1).
from starkware.cairo.common.cairo_builtins import BitwiseBuiltin

func main{bitwise_ptr: BitwiseBuiltin*}() {
    assert bitwise_ptr.x = 1;
    assert bitwise_ptr.y = 2;
    let bitwise_ptr = bitwise_ptr + BitwiseBuiltin.SIZE;
    assert bitwise_ptr.x = 2 ** 251;
    assert bitwise_ptr.y = 2;
    let bitwise_ptr = bitwise_ptr + BitwiseBuiltin.SIZE;
    return ();
}
