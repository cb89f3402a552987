// cairo-run: --layout plain
// FAILING: reading an unknown memory cell: `[ap] = [ap + 5] + 1` where both [ap] and [ap + 5]
// are unset, so neither dst nor op0 can be deduced. No hints.
// Expected outcome: failure (exit 1), "Unknown value for memory cell at address 1:8."

func main() {
    [ap] = 5, ap++;
    [ap] = [ap + 5] + 1;
    ret;
}
