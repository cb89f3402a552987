// cairo-run: --layout plain
// FAILING: `jmp abs 1000` sets pc to the plain integer 1000 (not a relocatable address in the
// program segment); fetching the instruction fails with
// "Unknown value for memory cell at address 1000." and the error is reported "at pc=1000".
// No hints. Expected outcome: failure (exit 1).

func main() {
    [ap] = 1, ap++;
    jmp abs 1000;
}
