// cairo-run: --layout plain --steps 1000
// FAILING: an infinite loop run with `--steps 1000`: cairo-run stops after 1000 steps with
// "Error: End of program was not reached", reported at the loop's pc. No hints.
// Expected outcome: failure (exit 1).

func spin(x) -> felt {
    loop:
    [ap] = x + 1, ap++;
    jmp loop;
}

func main() {
    let r = spin(1);
    return ();
}
