// cairo-run: --layout plain
// FAILING: `jmp rel 100` lands past the end of the program segment (pc = 0:100); fetching the
// instruction fails with "Unknown value for memory cell at address 0:100." (no source location).
// No hints. Expected outcome: failure (exit 1).

func main() {
    jmp rel 100;
}
