// cairo-run: --layout small
%builtins output range_check
// Benchmark: secp256k1 ECDSA verification of three signatures with
// starkware/cairo/common/cairo_secp/signature.cairo: each signature (signed offline by eth_keys:
// keccak of a message, private keys 0x1f2e3d4c5b6a7988 repeated four times, 0x0123456789abcdef
// repeated four times, and 7) is checked by validate_signature_entry on r and s and by
// recovering the public key (recover_public_key), which must equal the signer's. Hint-heavy:
// every field and curve operation calls the secp hints. The number of verified signatures is
// written to the output. Only program.json, stdout.txt, stderr.txt, exit_code and args are
// stored. Expected outcome: success.
from starkware.cairo.common.cairo_secp.bigint3 import BigInt3
from starkware.cairo.common.cairo_secp.ec_point import EcPoint
from starkware.cairo.common.cairo_secp.signature import recover_public_key, validate_signature_entry
from starkware.cairo.common.serialize import serialize_word

func verify{range_check_ptr}(msg_hash: BigInt3, r: BigInt3, s: BigInt3, v: felt, pk: EcPoint) {
    validate_signature_entry(r);
    validate_signature_entry(s);
    let (got: EcPoint) = recover_public_key(msg_hash=msg_hash, r=r, s=s, v=v);
    assert got = pk;
    return ();
}

func main{output_ptr: felt*, range_check_ptr}() {
    verify(
        msg_hash=BigInt3(
            75989383778572252925620511, 55071269899518436645739468, 6108577037844925893687379
        ),
        r=BigInt3(
            31560351930022344087190535, 21765264716107568079544593, 1724086464903495870244560
        ),
        s=BigInt3(
            64037423187750873980643011, 74831578530239766050605982, 2545101871114914951753626
        ),
        v=1,
        pk=EcPoint(
            BigInt3(
                59572847488154956285513355, 8416323594235554717761995, 632763432938768053037697
            ),
            BigInt3(
                31998974495294622878527148, 34199008190795293377234155, 8171088213876220234242933
            ),
        ),
    );
    verify(
        msg_hash=BigInt3(
            1462774650976066773351306, 31609103154420929482797203, 5228113302468805961918709
        ),
        r=BigInt3(
            35299314476508165922014226, 64771439816232749171761535, 15266737812722902854527565
        ),
        s=BigInt3(75322606187462239044852716, 158234647278071657802829, 6490204627511062773133110),
        v=0,
        pk=EcPoint(
            BigInt3(
                34318902356497207685451775, 40735930749980036996228935, 5309911784058770373676288
            ),
            BigInt3(
                46378740574058432235283801, 55371354042208358112837410, 19227028508446071371354611
            ),
        ),
    );
    verify(
        msg_hash=BigInt3(
            32584031343140497312156724, 3068117161729065675783884, 13656122349603069318530116
        ),
        r=BigInt3(
            73684584843337763632524601, 6386753946079911284216650, 17733274192968174985474989
        ),
        s=BigInt3(
            46423889195321099010698229, 41144302696363131267755744, 3351886831888980346661872
        ),
        v=1,
        pk=EcPoint(
            BigInt3(
                59103311026955956754119100, 16432869926048670770133004, 7007383570325663759612303
            ),
            BigInt3(
                74838692406509378584339674, 64932989450846822570582095, 8078726494313086148292984
            ),
        ),
    );
    serialize_word(3);
    return ();
}
