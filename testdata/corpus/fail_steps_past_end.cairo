// cairo-run: --layout plain --steps 64
// FAILING: `--steps 64` on a program that finishes after 9 steps. In non-proof mode main returns
// to a fresh "end" segment (pc = 3:0 in the plain layout) and cairo-run then tries to keep
// running until step 64, which is impossible: "Error: Execution reached the end of the program."
// (no source location: pc 3:0 is outside the program). No hints.
// Expected outcome: failure (exit 1).

func add3(a, b, c) -> felt {
    return a + b + c;
}

func main() {
    let x = add3(1, 2, 3);
    assert x = 6;
    return ();
}
