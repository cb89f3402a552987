// cairo-run: --layout plain
// Non-tail recursion 300 levels deep (each level keeps a frame on the execution segment):
// sum 1..300 computed on the way back up. No hints. Expected outcome: success.

func sum_down(n) -> felt {
    if (n == 0) {
        return 0;
    }
    let rest = sum_down(n - 1);
    return rest + n;
}

func main() {
    let s = sum_down(300);
    assert s = 45150;
    return ();
}
