// cairo-run: --layout starknet_with_keccak
%builtins output range_check bitwise keccak
// Benchmark: a chain of 4,000 Keccak-f[1600] permutations with the keccak builtin, each output
// state fed back as the next input, in a hint-free loop. Only program.json, stdout.txt,
// stderr.txt, exit_code and args are stored. Expected outcome: success.
from starkware.cairo.common.cairo_builtins import BitwiseBuiltin, KeccakBuiltin
from starkware.cairo.common.keccak_state import KeccakBuiltinState
from starkware.cairo.common.registers import get_fp_and_pc

func chain{keccak_ptr: KeccakBuiltin*}(s: KeccakBuiltinState*, n) -> KeccakBuiltinState* {
    if (n == 0) {
        return s;
    }
    assert keccak_ptr.input = [s];
    let out = &keccak_ptr.output;
    let keccak_ptr = keccak_ptr + KeccakBuiltin.SIZE;
    return chain(out, n - 1);
}

func main{output_ptr: felt*, range_check_ptr, bitwise_ptr: BitwiseBuiltin*, keccak_ptr: KeccakBuiltin*}() {
    alloc_locals;
    local s: KeccakBuiltinState = KeccakBuiltinState(1, 2, 3, 4, 5, 6, 7, 8);
    let (__fp__, _) = get_fp_and_pc();
    let last = chain(&s, 4000);
    assert [output_ptr] = last.s0;
    assert [output_ptr + 1] = last.s7;
    let output_ptr = output_ptr + 2;
    return ();
}
