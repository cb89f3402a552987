// cairo-run: --layout plain
// FAILING: an assert that fails at the bottom of a 12-level recursion, to show the full Cairo
// traceback (one entry per frame, innermost last). No hints.
// Expected outcome: failure (exit 1), "An ASSERT_EQ instruction failed: ...".

func down(n) -> felt {
    if (n == 0) {
        assert n = 1;
        return 0;
    }
    let r = down(n - 1);
    return r + 1;
}

func main() {
    let r = down(12);
    return ();
}
