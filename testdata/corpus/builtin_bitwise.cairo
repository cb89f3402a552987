// cairo-run: --layout recursive
%builtins output pedersen range_check bitwise
// The bitwise builtin on the recursive layout: common/bitwise.cairo's bitwise_operations,
// bitwise_and, bitwise_xor, bitwise_or (which leave some output cells unread: the secure run
// still checks them), and raw instances written by hand, on 0, small values, and 251-bit
// operands up to 2**251 - 1 (ALL_ONES). No hints. Expected outcome: success.
from starkware.cairo.common.bitwise import ALL_ONES, bitwise_and, bitwise_operations, bitwise_or, bitwise_xor
from starkware.cairo.common.cairo_builtins import BitwiseBuiltin, HashBuiltin
from starkware.cairo.common.serialize import serialize_word

func emit3{output_ptr: felt*}(a, b, c) {
    serialize_word(a);
    serialize_word(b);
    serialize_word(c);
    return ();
}

func main{output_ptr: felt*, pedersen_ptr: HashBuiltin*, range_check_ptr, bitwise_ptr: BitwiseBuiltin*}() {
    alloc_locals;
    let (a, x, o) = bitwise_operations(12, 10);
    emit3(a, x, o);
    let (a, x, o) = bitwise_operations(0, 0);
    emit3(a, x, o);
    let (a, x, o) = bitwise_operations(ALL_ONES, 0);
    emit3(a, x, o);
    let (a, x, o) = bitwise_operations(ALL_ONES, ALL_ONES);
    emit3(a, x, o);
    let (a, x, o) = bitwise_operations(2 ** 250, 2 ** 250 + 2 ** 128 + 1);
    emit3(a, x, o);
    let (a, x, o) = bitwise_operations(0x5555555555555555555555555555555555555555555555555555555555555, 0x2aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa);
    emit3(a, x, o);
    let (r) = bitwise_and(0xff00ff, 0x0ff0f0);
    serialize_word(r);
    let (r) = bitwise_xor(2 ** 200 - 1, 2 ** 100);
    serialize_word(r);
    let (r) = bitwise_or(2 ** 64, 2 ** 63);
    serialize_word(r);
    // A raw instance: the outputs are read in reverse order.
    assert bitwise_ptr.x = 0xdeadbeef;
    assert bitwise_ptr.y = 0xfeedface;
    tempvar o = bitwise_ptr.x_or_y;
    tempvar x = bitwise_ptr.x_xor_y;
    tempvar a = bitwise_ptr.x_and_y;
    emit3(a, x, o);
    let bitwise_ptr = bitwise_ptr + BitwiseBuiltin.SIZE;
    // An instance whose outputs are never read.
    assert bitwise_ptr.x = 3;
    assert bitwise_ptr.y = 5;
    let bitwise_ptr = bitwise_ptr + BitwiseBuiltin.SIZE;
    // An output written by the program (consistent with the deduction).
    assert bitwise_ptr.x = 6;
    assert bitwise_ptr.y = 3;
    assert bitwise_ptr.x_and_y = 2;
    tempvar o = bitwise_ptr.x_or_y;
    serialize_word(o);
    let bitwise_ptr = bitwise_ptr + BitwiseBuiltin.SIZE;
    return ();
}
