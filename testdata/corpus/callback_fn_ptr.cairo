// cairo-run: --layout small
%builtins output
// Function pointers: get_label_location(f) gives a relocatable pc, passed as a felt* and called
// with `call abs` (via array_rfold-like manual code), used to map over an array.
// Hints: alloc (memory[ap] = segments.add()). get_label_location has no hint.
// Expected outcome: success.
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.registers import get_label_location
from starkware.cairo.common.serialize import serialize_word

func double(x) -> felt {
    return x * 2;
}

func square(x) -> felt {
    return x * x;
}

// Calls f(x) where f is a label address; the result is at [ap - 1] after the call.
func apply(f: felt*, x) -> felt {
    [ap] = x, ap++;
    call abs f;
    return [ap - 1];
}

func map{output_ptr: felt*}(f: felt*, arr: felt*, n) {
    if (n == 0) {
        return ();
    }
    let y = apply(f, [arr]);
    serialize_word(y);
    return map(f, arr + 1, n - 1);
}

func main{output_ptr: felt*}() {
    alloc_locals;
    let (local arr) = alloc();
    assert arr[0] = 3;
    assert arr[1] = 5;
    assert arr[2] = 7;
    let (f1) = get_label_location(double);
    map(f1, arr, 3);
    let (f2) = get_label_location(square);
    map(f2, arr, 3);
    return ();
}
