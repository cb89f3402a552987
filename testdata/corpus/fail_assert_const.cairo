// cairo-run: --layout plain
// FAILING: a contradicting constant assert `assert 1 = 2` (compiles to writing 1 at [ap] and
// then checking it against 2 in the same assert_eq). No hints.
// Expected outcome: failure (exit 1), "An ASSERT_EQ instruction failed: 2 != 1."

func main() {
    assert 1 = 2;
    return ();
}
