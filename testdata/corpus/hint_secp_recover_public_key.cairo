// cairo-run: --layout small
%builtins output range_check
// recover_public_key (starkware/cairo/common/cairo_secp/signature.cairo) on a real secp256k1
// signature: eth_keys signed keccak("cairn secp256k1 golden") with the private key
// 0x1f2e3d4c5b6a7988 repeated four times (r, s, v and the public key below are its output, as
// BigInt3 limbs of 86 bits). The recovered key is compared with the expected one and output.
// Hints: get_point_from_x, div_mod_n and its safe_div, nondet_bigint3, reduce, verify_zero,
// ec_double / fast_ec_add slopes and coordinates, ec_negate, ec_mul_inner's scalar bit,
// assert_nn / assert_nn_le. Expected outcome: success.
from starkware.cairo.common.cairo_secp.bigint3 import BigInt3
from starkware.cairo.common.cairo_secp.ec_point import EcPoint
from starkware.cairo.common.cairo_secp.signature import recover_public_key
from starkware.cairo.common.serialize import serialize_word

func main{output_ptr: felt*, range_check_ptr}() {
    let msg_hash = BigInt3(
        75989383778572252925620511, 55071269899518436645739468, 6108577037844925893687379
    );
    let r = BigInt3(
        31560351930022344087190535, 21765264716107568079544593, 1724086464903495870244560
    );
    let s = BigInt3(
        64037423187750873980643011, 74831578530239766050605982, 2545101871114914951753626
    );
    let (pk: EcPoint) = recover_public_key(msg_hash=msg_hash, r=r, s=s, v=1);
    assert pk.x = BigInt3(
        59572847488154956285513355, 8416323594235554717761995, 632763432938768053037697
    );
    assert pk.y = BigInt3(
        31998974495294622878527148, 34199008190795293377234155, 8171088213876220234242933
    );
    serialize_word(pk.x.d0);
    serialize_word(pk.x.d1);
    serialize_word(pk.x.d2);
    serialize_word(pk.y.d0);
    serialize_word(pk.y.d1);
    serialize_word(pk.y.d2);
    return ();
}
