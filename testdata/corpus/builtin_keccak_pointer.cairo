// cairo-run: --layout starknet_with_keccak
%builtins output keccak
// FAILING: a pointer in a keccak input cell: "Keccak builtin: Expected integer at address 3:7.
// Got: 2:0." No hints. Expected outcome: failure (exit 1).
from starkware.cairo.common.cairo_builtins import KeccakBuiltin
from starkware.cairo.common.keccak_state import KeccakBuiltinState

func main{output_ptr: felt*, keccak_ptr: KeccakBuiltin*}() {
    assert keccak_ptr.input = KeccakBuiltinState(0, 1, 2, 3, 4, 5, 6, cast(output_ptr, felt));
    tempvar r = keccak_ptr.output.s0;
    let keccak_ptr = keccak_ptr + KeccakBuiltin.SIZE;
    return ();
}
