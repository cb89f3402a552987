// cairo-run: --layout small
%builtins output range_check
// common/keccak.cairo: unsafe_keccak on 0, 1, 15, 16, 17 and 100 bytes (the last word partial:
// written with fewer bytes), keccak_felts (unsafe_keccak_init, add_felt with split_felt,
// unsafe_keccak_finalize) on 0, 1 and 3 felts incl. P - 1, truncated_keccak2.
// Hints: unsafe_keccak, unsafe_keccak_finalize (eth_hash's Keccak-256), split_felt,
// unsigned_div_rem, assert_le_felt. Expected outcome: success.
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.keccak import keccak_felts, truncated_keccak2, unsafe_keccak
from starkware.cairo.common.serialize import serialize_word

func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    let (local data: felt*) = alloc();
    assert data[0] = 0x0102030405060708090a0b0c0d0e0f10;
    assert data[1] = 0xffeeddccbbaa99887766554433221100;
    assert data[2] = 0x00000000000000000000000000000001;
    assert data[3] = 0x1234;
    assert data[4] = 0;
    assert data[5] = 0xab;
    assert data[6] = 0xfffffffe;
    let (low, high) = unsafe_keccak(data, 0);
    serialize_word(low);
    serialize_word(high);
    let (low, high) = unsafe_keccak(data + 5, 1);
    serialize_word(low);
    serialize_word(high);
    let (low, high) = unsafe_keccak(data + 3, 15);
    serialize_word(low);
    serialize_word(high);
    let (low, high) = unsafe_keccak(data, 16);
    serialize_word(low);
    serialize_word(high);
    let (low, high) = unsafe_keccak(data + 1, 17);
    serialize_word(low);
    serialize_word(high);
    let (low, high) = unsafe_keccak(data, 100);
    serialize_word(low);
    serialize_word(high);

    let (res) = keccak_felts(0, data);
    serialize_word(res.low);
    serialize_word(res.high);
    let (res) = keccak_felts(1, data);
    serialize_word(res.low);
    serialize_word(res.high);
    let (local f: felt*) = alloc();
    assert f[0] = 5;
    assert f[1] = -1;
    assert f[2] = 2 ** 250 + 17;
    let (res) = keccak_felts(3, f);
    serialize_word(res.low);
    serialize_word(res.high);
    let (h) = truncated_keccak2(123, 2 ** 100 + 456);
    serialize_word(h);
    return ();
}
