// The program `cairn run` runs when given no arguments: the first Fibonacci
// numbers, written to the output builtin, with a range-checked sum.
%builtins output range_check

from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.math import assert_le, unsigned_div_rem
from starkware.cairo.common.serialize import serialize_word

func fib_into(a: felt, b: felt, n: felt, out: felt*) {
    if (n == 0) {
        return ();
    }
    assert [out] = a;
    return fib_into(b, a + b, n - 1, out + 1);
}

func write_all{output_ptr: felt*}(values: felt*, n: felt) {
    if (n == 0) {
        return ();
    }
    serialize_word([values]);
    return write_all(values + 1, n - 1);
}

func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    let (local values: felt*) = alloc();
    fib_into(0, 1, 12, values);
    write_all(values, 12);
    // 89 = 12 * 7 + 5.
    let (q, r) = unsigned_div_rem(values[11], 12);
    assert_le(r, 11);
    serialize_word(q);
    serialize_word(r);
    return ();
}
