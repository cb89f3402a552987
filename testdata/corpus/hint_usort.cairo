// cairo-run: --layout small
%builtins output range_check
// usort (common/usort.cairo): an array with repeated values in no order, a one-element array,
// an empty array; the output and multiplicities segments it returns.
// Hints: usort's scope with __usort_max_size, its sort, verify_usort's positions,
// verify_multiplicity's pops and final check, assert_nn, assert_lt (assert_le).
// Expected outcome: success.
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.serialize import serialize_word
from starkware.cairo.common.usort import usort

func output_array{output_ptr: felt*}(n, a: felt*) {
    if (n == 0) {
        return ();
    }
    serialize_word([a]);
    return output_array(n - 1, a + 1);
}

func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    let (local a: felt*) = alloc();
    assert a[0] = 5;
    assert a[1] = 3;
    assert a[2] = 5;
    assert a[3] = 100;
    assert a[4] = 0;
    assert a[5] = 3;
    assert a[6] = 5;
    assert a[7] = 2 ** 64;
    assert a[8] = 1;
    let (n, out, mult) = usort(9, a);
    serialize_word(n);
    output_array(n, out);
    output_array(n, mult);

    let (n, out, mult) = usort(1, a + 3);
    serialize_word(n);
    output_array(n, out);
    output_array(n, mult);

    let (n, out, mult) = usort(0, a);
    serialize_word(n);
    return ();
}
