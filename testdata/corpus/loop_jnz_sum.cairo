// cairo-run: --layout plain
// Loops written with labels and jnz (no recursion): sum of 1..50 with the loop state carried in
// [ap-2], [ap-1] (the usual Cairo "frame on the ap stack" pattern), then a second loop that
// counts down a local. No hints. Expected outcome: success.

func sum_to(n) -> felt {
    // state: [ap-2] = acc, [ap-1] = i (counts down from n).
    [ap] = 0, ap++;
    [ap] = [fp - 3], ap++;

    loop:
    [ap] = [ap - 2] + [ap - 1], ap++;   // acc += i
    [ap] = [ap - 2] - 1, ap++;          // i -= 1
    jmp loop if [ap - 1] != 0;

    [ap] = [ap - 2], ap++;              // return acc
    ret;
}

func main() {
    let s = sum_to(50);
    assert s = 1275;
    let t = sum_to(1);
    assert t = 1;
    return ();
}
