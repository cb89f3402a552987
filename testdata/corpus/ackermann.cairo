// cairo-run: --layout plain
// Recursion: Ackermann function for small arguments, A(2, 2) = 7 and A(1, 3) = 5, with deep
// non-tail recursion and several return paths. No hints. Expected outcome: success.

func ack(m, n) -> felt {
    if (m == 0) {
        return n + 1;
    }
    if (n == 0) {
        let r = ack(m - 1, 1);
        return r;
    }
    let inner = ack(m, n - 1);
    let r = ack(m - 1, inner);
    return r;
}

func main() {
    let a = ack(2, 2);
    assert a = 7;
    let b = ack(1, 3);
    assert b = 5;
    return ();
}
