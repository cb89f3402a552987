// Benchmark input for the prover: a hint-free iterative Fibonacci on the
// plain layout (no builtins), 4 steps per iteration; fib(16000) makes the
// proof-mode run pad to 2^16 steps. Compiled by gen.sh with cairo-lang's
// cairo-compile --proof_mode.

func fib(n) -> felt {
    [ap] = 0, ap++;
    [ap] = 1, ap++;
    [ap] = [fp - 3], ap++;
    jmp body if [ap - 1] != 0;
    [ap] = [ap - 3], ap++;
    ret;

    body:
    [ap] = [ap - 2], ap++;
    [ap] = [ap - 4] + [ap - 3], ap++;
    [ap] = [ap - 3] - 1, ap++;
    jmp body if [ap - 1] != 0;
    [ap] = [ap - 3], ap++;
    ret;
}

func main() {
    let r = fib(16000);
    return ();
}
