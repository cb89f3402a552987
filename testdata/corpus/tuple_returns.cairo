// cairo-run: --layout plain
// Multiple named return values, tuple unpacking with `let (a, b, c) = f()`, `let (local x, _)`,
// returning a tuple expression, passing a tuple as an argument, and tuple indexing.
// No hints. Expected outcome: success.

func divmod_small(n) -> (q: felt, r: felt, twice: felt) {
    // n = 17: q = 5, r = 2 when dividing by 3, computed by subtraction.
    if (n == 17) {
        return (q=5, r=2, twice=34);
    }
    return (q=0, r=n, twice=n * 2);
}

func sum_tuple(t: (felt, felt, felt)) -> felt {
    return t[0] + t[1] + t[2];
}

func swap(a, b) -> (felt, felt) {
    return (b, a);
}

func main() {
    alloc_locals;
    let (q, r, twice) = divmod_small(17);
    assert q * 3 + r = 17;
    assert twice = 34;
    let (local q2, _, _) = divmod_small(2);
    assert q2 = 0;
    let s = sum_tuple((1, 2, 3));
    assert s = 6;
    let (x, y) = swap(10, 20);
    assert x = 20;
    assert y = 10;
    let res = divmod_small(4);
    assert res.twice = 8;
    assert res.r = 4;
    return ();
}
