// Hint-free Fibonacci loop for the step-rate benchmark: a call and a return per
// iteration, 166,666 iterations (6 steps each), about 1,000,000 steps.
func fib_loop(a: felt, b: felt, n: felt) -> felt {
    if (n == 0) {
        return a;
    }
    return fib_loop(b, a + b, n - 1);
}

func main() {
    let r = fib_loop(0, 1, 166666);
    return ();
}
