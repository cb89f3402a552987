// cairo-run: --layout plain --min_steps 16
// FAILING: `--min_steps 16` on a program that finishes after 3 steps; like --steps, cairo-run
// cannot run past the end in non-proof mode: "Error: Execution reached the end of the program."
// No hints. Expected outcome: failure (exit 1).

func main() {
    [ap] = 1, ap++;
    [ap] = [ap - 1] + 1, ap++;
    ret;
}
