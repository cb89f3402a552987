// cairo-run: --layout recursive
%builtins output pedersen range_check bitwise
// FAILING: bitwise_and(2**251, 1): the x operand has 252 bits, so the deduction of x_and_y
// fails: "bitwise builtin: Expected integer at address 5:0 to be smaller than 2^251. Got: ...".
// No hints. Expected outcome: failure (exit 1).
from starkware.cairo.common.bitwise import bitwise_and
from starkware.cairo.common.cairo_builtins import BitwiseBuiltin, HashBuiltin

func main{output_ptr: felt*, pedersen_ptr: HashBuiltin*, range_check_ptr, bitwise_ptr: BitwiseBuiltin*}() {
    let (r) = bitwise_and(3, 7);
    let (r) = bitwise_and(2 ** 251, 1);
    assert [output_ptr] = r;
    let output_ptr = output_ptr + 1;
    return ();
}
