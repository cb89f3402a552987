// cairo-run: --layout small
%builtins output
// Large field constants: 2**128, 2**250, 2**251, P - 1 (written in decimal and hex), P/2 and
// P/2 + 1 (the boundary where cairo-run's output printing switches to negative), and additions
// that wrap around P. No hints. Expected outcome: success.

const PRIME_MINUS_1 = 0x800000000000011000000000000000000000000000000000000000000000000;
const HALF = 0x400000000000008800000000000000000000000000000000000000000000000;

func main{output_ptr: felt*}() {
    assert [output_ptr] = 2 ** 128;
    assert [output_ptr + 1] = 2 ** 250;
    assert [output_ptr + 2] = 2 ** 251;
    assert [output_ptr + 3] = PRIME_MINUS_1;
    assert [output_ptr + 4] = HALF;
    assert [output_ptr + 5] = HALF + 1;
    tempvar w = PRIME_MINUS_1 + 5;   // wraps to 4
    assert w = 4;
    assert [output_ptr + 6] = w;
    tempvar big = 2 ** 251 * 16;     // wraps
    assert [output_ptr + 7] = big;
    assert [output_ptr + 8] = 0x1234567890abcdef1234567890abcdef;
    let output_ptr = output_ptr + 9;
    return ();
}
