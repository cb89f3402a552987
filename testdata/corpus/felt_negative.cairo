// cairo-run: --layout small
%builtins output
// Felt arithmetic with negative numbers: -1 = P - 1, subtraction underflow, negation, products of
// negatives, and how cairo-run prints field elements in the output (values above P/2 are printed
// as negative numbers). Plain writes to output_ptr. No hints. Expected outcome: success.

func main{output_ptr: felt*}() {
    tempvar a = 3 - 10;
    assert a = -7;
    assert [output_ptr] = a;
    assert [output_ptr + 1] = -1;
    assert [output_ptr + 2] = (-5) * (-6);
    assert [output_ptr + 3] = -(-42);
    assert [output_ptr + 4] = 0 - 1 + 1;
    tempvar m = -1;
    assert m + 1 = 0;
    assert [output_ptr + 5] = m * m;
    // P - 1 written as a constant equals -1.
    assert -1 = 3618502788666131213697322783095070105623107215331596699973092056135872020480;
    assert [output_ptr + 6] = 3618502788666131213697322783095070105623107215331596699973092056135872020480;
    let output_ptr = output_ptr + 7;
    return ();
}
