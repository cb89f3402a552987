// cairo-run: --layout plain
// Recursion: factorial(20) (fits in 64 bits) and factorial(60) (wraps around the field prime:
// the result is 60! mod P). No hints. Expected outcome: success.

func factorial(n) -> felt {
    if (n == 0) {
        return 1;
    }
    let r = factorial(n - 1);
    return n * r;
}

func main() {
    let a = factorial(20);
    assert a = 2432902008176640000;
    let b = factorial(60);
    // 60! mod P.
    assert b = 1129019569453719243420192566398246866439630027455478954289249457321350588754;
    return ();
}
