// cairo-run: --layout small
%builtins range_check
// FAILING: unsafe_keccak over 20 bytes where the last (4-byte) word holds 2**32: the hint's bare
// assert 0 <= word < 2 ** (8 * n_bytes).
// Hints: unsafe_keccak. Expected outcome: failure (exit 1), "AssertionError" (no message).
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.keccak import unsafe_keccak

func main{range_check_ptr}() {
    alloc_locals;
    let (local data: felt*) = alloc();
    assert data[0] = 1;
    assert data[1] = 2 ** 32;
    let (low, high) = unsafe_keccak(data, 20);
    return ();
}
