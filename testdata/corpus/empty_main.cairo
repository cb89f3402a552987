// cairo-run: --layout plain
// The smallest program: main returns immediately (a single `ret`, 1 step). Shows the initial
// stack (return fp 2:0 and return pc 3:0 at 1:0, 1:1) and the final registers. No hints.
// Expected outcome: success.

func main() {
    return ();
}
