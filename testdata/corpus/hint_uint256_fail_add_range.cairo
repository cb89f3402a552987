// cairo-run: --layout small
%builtins range_check
// FAILING: uint256_add on a low limb of 2**128 (out of range): the carry hint computes the carries,
// and the result's range check (uint256_check) rejects the limb the Cairo code derives.
// Hints: uint256_add's carries. Expected outcome: failure (exit 1), a range-check error.
from starkware.cairo.common.uint256 import Uint256, uint256_add

func main{range_check_ptr}() {
    let (s, c) = uint256_add(Uint256(2 ** 128 + 2 ** 127, 0), Uint256(2 ** 127, 0));
    return ();
}
