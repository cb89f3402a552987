// cairo-run: --layout plain
// Loops as tail recursion: sum of squares 1..30 with an accumulator, and a counted loop that
// builds a geometric series. No hints. Expected outcome: success.

func sum_squares(i, n, acc) -> felt {
    if (i == n + 1) {
        return acc;
    }
    return sum_squares(i + 1, n, acc + i * i);
}

func geometric(r, k, term, acc) -> felt {
    if (k == 0) {
        return acc;
    }
    return geometric(r, k - 1, term * r, acc + term);
}

func main() {
    let s = sum_squares(1, 30, 0);
    assert s = 9455;
    // 1 + 3 + 9 + ... + 3^9 = (3^10 - 1) / 2 = 29524.
    let g = geometric(3, 10, 1, 0);
    assert g = 29524;
    return ();
}
