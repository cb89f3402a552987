// cairo-run: --layout recursive
%builtins output pedersen range_check bitwise
// Benchmark: 20,000 bitwise instances in a hint-free loop, each instance's three outputs
// read back (so every one is deduced) and folded into the next operands. Only program.json,
// stdout.txt, stderr.txt, exit_code and args are stored. Expected outcome: success.
from starkware.cairo.common.cairo_builtins import BitwiseBuiltin, HashBuiltin

func loop{bitwise_ptr: BitwiseBuiltin*}(x, y, n) -> felt {
    if (n == 0) {
        return x;
    }
    assert bitwise_ptr.x = x;
    assert bitwise_ptr.y = y;
    tempvar a = bitwise_ptr.x_and_y;
    tempvar b = bitwise_ptr.x_xor_y;
    tempvar c = bitwise_ptr.x_or_y;
    let bitwise_ptr = bitwise_ptr + BitwiseBuiltin.SIZE;
    return loop(b, c - a + n, n - 1);
}

func main{output_ptr: felt*, pedersen_ptr: HashBuiltin*, range_check_ptr, bitwise_ptr: BitwiseBuiltin*}() {
    let r = loop(0x5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5, 0x123456789abcdef, 20000);
    assert [output_ptr] = r;
    let output_ptr = output_ptr + 1;
    return ();
}
