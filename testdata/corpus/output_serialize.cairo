// cairo-run: --layout small
%builtins output
// Output via serialize_word (starkware.cairo.common.serialize): a counted loop that serializes
// the first 10 triangular numbers. serialize_word has no hint. Expected outcome: success.
from starkware.cairo.common.serialize import serialize_word

func emit{output_ptr: felt*}(i, n, acc) {
    if (i == n) {
        return ();
    }
    let acc = acc + i + 1;
    serialize_word(acc);
    return emit(i + 1, n, acc);
}

func main{output_ptr: felt*}() {
    emit(0, 10, 0);
    return ();
}
