// cairo-run: --layout starknet_with_keccak
%builtins output range_check bitwise keccak
// The keccak builtin on the starknet_with_keccak layout. Raw instances: Keccak-f[1600] of the
// zero state, of the all-ones state (eight 2**200 - 1 felts), and a chain of six permutations
// (each output state fed back as the next input; the last one's outputs read in reverse order);
// an instance left unread. Then builtin_keccak/keccak.cairo's keccak and keccak_bigend on
// messages of 0, 1, 8, 135, 136, 137 and 300 bytes (one to three blocks, the 2**63 padding
// bit alone in the last word); keccak_uint256s, keccak_uint256s_bigend and keccak_felts.
// Hints: alloc, memcpy, memset and builtin_keccak/keccak.cairo's
// (divmod splits, the full-block loop condition), keccak_add_uint256's write_arg, split_felt.
// Expected outcome: success.
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.registers import get_fp_and_pc
from starkware.cairo.common.builtin_keccak.keccak import keccak, keccak_bigend, keccak_felts, keccak_uint256s, keccak_uint256s_bigend
from starkware.cairo.common.cairo_builtins import BitwiseBuiltin, KeccakBuiltin
from starkware.cairo.common.keccak_state import KeccakBuiltinState
from starkware.cairo.common.serialize import serialize_word
from starkware.cairo.common.uint256 import Uint256

func emit_state{output_ptr: felt*}(s: KeccakBuiltinState*) {
    serialize_word(s.s0);
    serialize_word(s.s1);
    serialize_word(s.s2);
    serialize_word(s.s3);
    serialize_word(s.s4);
    serialize_word(s.s5);
    serialize_word(s.s6);
    serialize_word(s.s7);
    return ();
}

func permute_chain{keccak_ptr: KeccakBuiltin*}(s: KeccakBuiltinState*, n) -> KeccakBuiltinState* {
    if (n == 0) {
        return s;
    }
    assert keccak_ptr.input = [s];
    let out = &keccak_ptr.output;
    let keccak_ptr = keccak_ptr + KeccakBuiltin.SIZE;
    return permute_chain(out, n - 1);
}

// Message words (little-endian, 8 bytes each): word i is (i + 1) * 0x0001020304050607, below
// 2**56, so that any word can also be a short last word.
func fill_words(words: felt*, n, i) {
    if (n == 0) {
        return ();
    }
    assert words[0] = (i + 1) * 0x0001020304050607;
    return fill_words(words + 1, n - 1, i + 1);
}

func hash_message{output_ptr: felt*, range_check_ptr, bitwise_ptr: BitwiseBuiltin*, keccak_ptr: KeccakBuiltin*}(
    words: felt*, n_bytes
) {
    alloc_locals;
    let (local h1: Uint256) = keccak(words, n_bytes);
    let (local h2: Uint256) = keccak_bigend(words, n_bytes);
    serialize_word(h1.low);
    serialize_word(h1.high);
    serialize_word(h2.low);
    serialize_word(h2.high);
    return ();
}

func main{output_ptr: felt*, range_check_ptr, bitwise_ptr: BitwiseBuiltin*, keccak_ptr: KeccakBuiltin*}() {
    alloc_locals;
    // The zero state.
    assert keccak_ptr.input = KeccakBuiltinState(0, 0, 0, 0, 0, 0, 0, 0);
    emit_state(&keccak_ptr.output);
    let keccak_ptr = keccak_ptr + KeccakBuiltin.SIZE;
    // All ones.
    tempvar m = 2 ** 200 - 1;
    assert keccak_ptr.input = KeccakBuiltinState(m, m, m, m, m, m, m, m);
    emit_state(&keccak_ptr.output);
    let keccak_ptr = keccak_ptr + KeccakBuiltin.SIZE;
    // A chain of six.
    local s0: KeccakBuiltinState = KeccakBuiltinState(1, 2, 3, 4, 5, 6, 7, 2 ** 199);
    let (__fp__, _) = get_fp_and_pc();
    let last = permute_chain(&s0, 6);
    tempvar t7 = last.s7;
    tempvar t3 = last.s3;
    tempvar t0 = last.s0;
    serialize_word(t0);
    serialize_word(t3);
    serialize_word(t7);
    emit_state(last);
    // Inputs only.
    assert keccak_ptr.input = KeccakBuiltinState(9, 9, 9, 9, 9, 9, 9, 9);
    let keccak_ptr = keccak_ptr + KeccakBuiltin.SIZE;

    let (words) = alloc();
    fill_words(words, 38, 0);
    let (one_byte) = alloc();
    assert one_byte[0] = 0xab;
    hash_message(words, 0);
    hash_message(one_byte, 1);
    hash_message(words, 8);
    hash_message(words, 135);
    hash_message(words, 136);
    hash_message(words, 137);
    hash_message(words, 300);

    // keccak_utils' serializations: keccak_uint256s (and big-endian), keccak_felts.
    let (nums: Uint256*) = alloc();
    assert nums[0] = Uint256(low=1, high=2);
    assert nums[1] = Uint256(low=2 ** 128 - 1, high=2 ** 127);
    assert nums[2] = Uint256(low=0, high=0);
    let (local h: Uint256) = keccak_uint256s(3, nums);
    serialize_word(h.low);
    serialize_word(h.high);
    let (local h: Uint256) = keccak_uint256s_bigend(3, nums);
    serialize_word(h.low);
    serialize_word(h.high);
    let (felts) = alloc();
    assert felts[0] = -1;
    assert felts[1] = 2 ** 128;
    assert felts[2] = 5;
    let (local h: Uint256) = keccak_felts(3, felts);
    serialize_word(h.low);
    serialize_word(h.high);
    return ();
}
