// cairo-run: --layout small
%builtins output
// Data in the program segment: a table of constants emitted with `dw` after a label, located with
// get_label_location and read as felts (memory of segment 0 that is never executed), summed and
// serialized. get_label_location has no hint. Expected outcome: success.
from starkware.cairo.common.registers import get_label_location
from starkware.cairo.common.serialize import serialize_word

func sum(arr: felt*, n) -> felt {
    if (n == 0) {
        return 0;
    }
    let rest = sum(arr + 1, n - 1);
    return [arr] + rest;
}

func main{output_ptr: felt*}() {
    let (table) = get_label_location(data);
    let s = sum(table, 4);
    serialize_word(s);
    return ();

    data:
    dw 10;
    dw 20;
    dw 30;
    dw -1;
}
