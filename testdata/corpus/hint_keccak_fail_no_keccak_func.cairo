// cairo-run: --layout recursive
%builtins range_check bitwise
// FAILING: finalize_keccak on a keccak segment filled by hand, in a scope where no block
// permutation hint imported keccak_func: its padding hint calls keccak_func without importing it.
// Hints: alloc, memset, finalize_keccak's padding. Expected outcome: failure (exit 1),
// "NameError: name 'keccak_func' is not defined".
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.cairo_builtins import BitwiseBuiltin
from starkware.cairo.common.cairo_keccak.keccak import finalize_keccak
from starkware.cairo.common.memset import memset

func main{range_check_ptr, bitwise_ptr: BitwiseBuiltin*}() {
    alloc_locals;
    let (local k: felt*) = alloc();
    memset(k, 0, 50);
    finalize_keccak(keccak_ptr_start=k, keccak_ptr_end=k + 50);
    return ();
}
