// cairo-run: --layout plain
// FAILING: inconsistent memory write by `call`: [ap] is set to 7 without ap++, then `call`
// tries to store the caller's fp at [ap]. No hints.
// Expected outcome: failure (exit 1), "Call failed to write return-fp (inconsistent dst): 7 != 1:2.
// Did you forget to increment ap?"

func foo() {
    ret;
}

func main() {
    [ap] = 7;
    call foo;
    ret;
}
