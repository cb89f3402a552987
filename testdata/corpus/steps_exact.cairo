// cairo-run: --layout plain --steps 9
// `--steps 9` on a program that finishes after exactly 9 steps: accepted, and stdout reads
// "Number of steps: 9 (originally, 9)". No hints. Expected outcome: success.

func add3(a, b, c) -> felt {
    return a + b + c;
}

func main() {
    let x = add3(1, 2, 3);
    assert x = 6;
    return ();
}
