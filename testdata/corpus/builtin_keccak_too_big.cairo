// cairo-run: --layout starknet_with_keccak
%builtins keccak
// FAILING: a keccak input cell holds 2**200 (state words have 200 bits): "Keccak builtin:
// Expected integer at address 2:3 to be smaller than 2^200. Got: ...". No hints. Expected: failure.
from starkware.cairo.common.cairo_builtins import KeccakBuiltin
from starkware.cairo.common.keccak_state import KeccakBuiltinState

func main{keccak_ptr: KeccakBuiltin*}() {
    assert keccak_ptr.input = KeccakBuiltinState(0, 1, 2, 2 ** 200, 4, 5, 6, 7);
    tempvar r = keccak_ptr.output.s5;
    let keccak_ptr = keccak_ptr + KeccakBuiltin.SIZE;
    return ();
}
