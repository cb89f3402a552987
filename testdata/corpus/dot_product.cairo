// cairo-run: --layout small
%builtins output
// Dot product of two 8-element arrays built with alloc, recursion with two pointers advancing
// together, result serialized. Hints: alloc (memory[ap] = segments.add()).
// Expected outcome: success.
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.serialize import serialize_word

func fill(arr: felt*, n, start, step) {
    if (n == 0) {
        return ();
    }
    assert [arr] = start;
    return fill(arr + 1, n - 1, start + step, step);
}

func dot(a: felt*, b: felt*, n) -> felt {
    if (n == 0) {
        return 0;
    }
    let rest = dot(a + 1, b + 1, n - 1);
    return [a] * [b] + rest;
}

func main{output_ptr: felt*}() {
    alloc_locals;
    let (local a) = alloc();
    let (local b) = alloc();
    fill(a, 8, 1, 1);     // 1..8
    fill(b, 8, 10, -1);   // 10, 9, ..., 3
    let d = dot(a, b, 8);
    assert d = 192;
    serialize_word(d);
    return ();
}
