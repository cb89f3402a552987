// cairo-run: --layout small
%builtins output
// Benchmark: hint-free iterative Fibonacci over felts (wraps around the prime), 4 steps per
// iteration; fib(249997) makes the whole run 999,999 steps (4 * n + 11). The result is written
// to the output. Only program.json, stdout.txt, stderr.txt, exit_code and args are stored (the
// trace and memory would be tens of MB). Expected outcome: success.

func fib(n) -> felt {
    // [ap-3] = a, [ap-2] = b, [ap-1] = remaining count.
    [ap] = 0, ap++;
    [ap] = 1, ap++;
    [ap] = [fp - 3], ap++;
    jmp body if [ap - 1] != 0;
    [ap] = [ap - 3], ap++;
    ret;

    body:
    [ap] = [ap - 2], ap++;              // a' = b
    [ap] = [ap - 4] + [ap - 3], ap++;   // b' = a + b
    [ap] = [ap - 3] - 1, ap++;          // n' = n - 1
    jmp body if [ap - 1] != 0;
    [ap] = [ap - 3], ap++;
    ret;
}

func main{output_ptr: felt*}() {
    let r = fib(249997);
    assert [output_ptr] = r;
    let output_ptr = output_ptr + 1;
    return ();
}
