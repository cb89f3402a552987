// Recursion: naive recursive fibonacci (fib(10) = 55). No header: default --layout plain.
// call rel / ret, fp updates on every call, alloc_locals + `let (local a) = ...`. No hints.
// Expected outcome: success.

func fib(n) -> felt {
    alloc_locals;
    if (n == 0) {
        return 0;
    }
    if (n == 1) {
        return 1;
    }
    let (local a) = fib_tuple(n - 1);
    let b = fib(n - 2);
    return a + b;
}

// Same, returning a tuple so the caller can bind it with `let (local a) = ...`.
func fib_tuple(n) -> (res: felt) {
    let r = fib(n);
    return (res=r);
}

func main() {
    let r = fib(10);
    assert r = 55;
    return ();
}
