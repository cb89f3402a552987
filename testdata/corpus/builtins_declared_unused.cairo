// cairo-run: --layout small
%builtins output pedersen range_check ecdsa
// All four builtins of the small layout declared; pedersen and ecdsa are threaded through
// untouched (no hashing), output and range_check are used a little. Shows the segment layout:
// 0 program, 1 execution, 2 output, 3 pedersen, 4 range_check, 5 ecdsa, 6 return fp, 7 end.
// No hints. Expected outcome: success.

func main{output_ptr: felt*, pedersen_ptr: felt*, range_check_ptr, ecdsa_ptr: felt*}() {
    assert [output_ptr] = 5;
    let output_ptr = output_ptr + 1;
    assert [range_check_ptr] = 5;
    let range_check_ptr = range_check_ptr + 1;
    return ();
}
