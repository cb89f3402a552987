// cairo-run: --layout plain
// Dynamic arrays with alloc: fill an array recursively, sum it, several allocs (each one is a new
// segment: 4, 5, 6 in the plain layout), an array of pointers to other segments.
// Hints: alloc (memory[ap] = segments.add()). Expected outcome: success.
from starkware.cairo.common.alloc import alloc

func fill(arr: felt*, i, n) {
    if (i == n) {
        return ();
    }
    assert arr[i] = i * i + 1;
    return fill(arr, i + 1, n);
}

func sum(arr: felt*, n) -> felt {
    if (n == 0) {
        return 0;
    }
    let rest = sum(arr + 1, n - 1);
    return arr[0] + rest;
}

func main() {
    alloc_locals;
    let (local a: felt*) = alloc();
    fill(a, 0, 10);
    let s = sum(a, 10);
    // sum(i^2 + 1, i = 0..9) = 285 + 10.
    assert s = 295;
    let (local b: felt*) = alloc();
    let (local c: felt*) = alloc();
    assert b[0] = 5;
    assert c[0] = 6;
    let (local ptrs: felt**) = alloc();
    assert ptrs[0] = a;
    assert ptrs[1] = b;
    assert ptrs[2] = c;
    assert [ptrs[2]] = 6;
    assert ptrs[0][9] = 82;
    return ();
}
