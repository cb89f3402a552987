// cairo-run: --layout small
%builtins output
// Reading registers: get_fp_and_pc() and get_ap() (starkware.cairo.common.registers, no hints:
// they use call/ret tricks), writing their relocatable values to the output, and checking
// fp-relative addresses against locals. Expected outcome: success.
from starkware.cairo.common.registers import get_ap, get_fp_and_pc

func main{output_ptr: felt*}() {
    alloc_locals;
    local marker = 1234;
    let (fp_val, pc_val) = get_fp_and_pc();
    let fpp = cast(fp_val, felt*);
    assert [fpp] = 1234;
    let (ap_val) = get_ap();
    assert [output_ptr] = cast(fp_val, felt);
    assert [output_ptr + 1] = cast(pc_val, felt);
    assert [output_ptr + 2] = cast(ap_val, felt);
    let output_ptr = output_ptr + 3;
    return ();
}
