// cairo-run: --layout plain
// Conditionals: `if (x == 0)`, `if (x == y)`, `if (x != y)`, else branches, nested ifs, and
// branches that end with different ap changes joined by tempvars. No hints.
// Expected outcome: success.

func classify(x, y) -> felt {
    if (x == y) {
        return 0;
    }
    if (x == 0) {
        return 1;
    } else {
        if (y == 0) {
            return 2;
        }
    }
    return 3;
}

func abs_small(x, neg) -> felt {
    if (neg != 0) {
        tempvar r = -x;
    } else {
        tempvar r = x;
    }
    return r;
}

func main() {
    let a = classify(5, 5);
    assert a = 0;
    let b = classify(0, 5);
    assert b = 1;
    let c = classify(5, 0);
    assert c = 2;
    let d = classify(4, 5);
    assert d = 3;
    let e = abs_small(-9, 1);
    assert e = 9;
    let f = abs_small(9, 0);
    assert f = 9;
    return ();
}
