// cairo-run: --layout plain
// FAILING: `assert x = y` after computing both at runtime inside a called function (x = 3 * 4,
// y = 13), so the error also carries a Cairo traceback through main. No hints.
// Expected outcome: failure (exit 1), "An ASSERT_EQ instruction failed: 12 != 13."

func check(a, b) {
    tempvar x = a * b;
    tempvar y = a + b + 6;
    assert x = y;
    return ();
}

func main() {
    check(3, 4);
    return ();
}
