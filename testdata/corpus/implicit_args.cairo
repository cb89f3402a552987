// cairo-run: --layout plain
// Implicit arguments: a user-defined implicit `counter` threaded through nested calls, updated
// with `let counter = counter + 1`, two implicits at once, implicit passed explicitly with
// `{counter=c}`, and a `with` block. No hints. Expected outcome: success.

func tick{counter}() {
    let counter = counter + 1;
    return ();
}

func tick_n{counter}(n) {
    if (n == 0) {
        return ();
    }
    tick();
    return tick_n(n - 1);
}

func both{counter, total}(x) {
    tick();
    let total = total + x;
    return ();
}

func main() {
    let counter = 0;
    let total = 100;
    with counter {
        tick_n(5);
        tick();
    }
    assert counter = 6;
    both{counter=counter, total=total}(7);
    assert counter = 7;
    assert total = 107;
    let c = 40;
    tick{counter=c}();
    assert c = 41;
    return ();
}
