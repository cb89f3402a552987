// cairo-run: --layout plain
// memset from the common library: set 6 cells to 7, set 1 cell, and verify with a recursive check.
// Hints: alloc (memory[ap] = segments.add()), memset (vm_enter_scope({'n': ids.n}),
// `n -= 1; ids.continue_loop = 1 if n > 0 else 0`, vm_exit_scope()).
// Expected outcome: success.
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.memset import memset

func all_equal(arr: felt*, n, value) {
    if (n == 0) {
        return ();
    }
    assert arr[0] = value;
    return all_equal(arr + 1, n - 1, value);
}

func main() {
    alloc_locals;
    let (local buf: felt*) = alloc();
    memset(buf, 7, 6);
    all_equal(buf, 6, 7);
    memset(buf + 6, -3, 1);
    assert buf[6] = -3;
    return ();
}
