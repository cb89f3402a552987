// cairo-run: --layout small
%builtins output
// Multiplication that wraps around the prime: repeated squaring of 3 (3^(2^k) mod P) with
// tempvars, a product of two ~2^200 values, and the identity a * a^-1 = 1 with a runtime inverse.
// No hints. Expected outcome: success.

func square_n(x, n) -> felt {
    if (n == 0) {
        return x;
    }
    return square_n(x * x, n - 1);
}

func main{output_ptr: felt*}() {
    let a = square_n(3, 10);      // 3^1024 mod P
    assert [output_ptr] = a;
    tempvar b = 2 ** 200 + 12345;
    tempvar c = 2 ** 201 - 777;
    assert [output_ptr + 1] = b * c;
    tempvar inv = 1 / a;
    assert inv * a = 1;
    assert [output_ptr + 2] = inv;
    let output_ptr = output_ptr + 3;
    return ();
}
