// cairo-run: --layout small
%builtins output
// Felt division is field division (multiplication by the inverse mod P): 1/2, 7/3, -1/2,
// runtime division of tempvars (deduced via `x = z * y`), and checks that (a / b) * b = a.
// Outputs the raw field elements. No hints. Expected outcome: success.

func div(a, b) -> felt {
    tempvar q = a / b;
    return q;
}

func main{output_ptr: felt*}() {
    let h = div(1, 2);
    assert h * 2 = 1;
    assert [output_ptr] = h;
    let s = div(7, 3);
    assert s * 3 = 7;
    assert [output_ptr + 1] = s;
    let n = div(-1, 2);
    assert [output_ptr + 2] = n;
    let e = div(100, 5);
    assert e = 20;
    assert [output_ptr + 3] = e;
    // Constant-folded division at compile time.
    assert [output_ptr + 4] = 10 / 4;
    let big = div(2 ** 200, 2 ** 100);
    assert big = 2 ** 100;
    assert [output_ptr + 5] = big;
    let output_ptr = output_ptr + 6;
    return ();
}
