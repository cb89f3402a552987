// cairo-run: --layout small
%builtins output range_check
// The curve25519 hints of the Starknet whitelist vrf.json, written inline with the whitelisted
// code: the secp field and curve hints with SECP_P = 2**255 - 19 bound by the hint (verify_zero,
// is_zero and the inverse, reduce, ec_negate, the doubling slope with the curve's alpha, the
// chord slope, and ec_double / fast_ec_add's coordinates), and the even square root of a Uint256
// modulo the prime (both branches of the sqrt(-1) correction). Each hint leaves `value` in the
// scope and nondet_bigint3 materializes it; the results are output.
// Expected outcome: success.
from starkware.cairo.common.cairo_secp.bigint import nondet_bigint3
from starkware.cairo.common.cairo_secp.bigint3 import BigInt3, SumBigInt3, UnreducedBigInt3
from starkware.cairo.common.cairo_secp.ec_point import EcPoint
from starkware.cairo.common.serialize import serialize_word
from starkware.cairo.common.uint256 import Uint256

func out_big{output_ptr: felt*}(x: BigInt3) {
    serialize_word(x.d0);
    serialize_word(x.d1);
    serialize_word(x.d2);
    return ();
}

func sqrt{output_ptr: felt*}(xx: Uint256) {
    alloc_locals;
    local x: Uint256;
    %{
        PRIME = 2**255 - 19
        II = pow(2, (PRIME - 1) // 4, PRIME)

        xx = ids.xx.low + (ids.xx.high<<128)
        x = pow(xx, (PRIME + 3) // 8, PRIME)
        if (x * x - xx) % PRIME != 0:
            x = (x * II) % PRIME
        if x % 2 != 0:
            x = PRIME - x
        ids.x.low = x & ((1<<128)-1)
        ids.x.high = x >> 128
    %}
    serialize_word(x.low);
    serialize_word(x.high);
    return ();
}

func verify_zero{output_ptr: felt*}(val: UnreducedBigInt3) {
    alloc_locals;
    local q;
    %{
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        SECP_P = 2**255-19
        to_assert = pack(ids.val, PRIME)
        q, r = divmod(pack(ids.val, PRIME), SECP_P)
        assert r == 0, f"verify_zero: Invalid input {ids.val.d0, ids.val.d1, ids.val.d2}."
        ids.q = q % PRIME
    %}
    serialize_word(q);
    return ();
}

func is_zero{output_ptr: felt*, range_check_ptr}(x: SumBigInt3) {
    %{
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        SECP_P=2**255-19

        x = pack(ids.x, PRIME) % SECP_P
    %}
    %{ memory[ap] = to_felt_or_relocatable(x == 0) %}
    ap += 1;
    let flag = [ap - 1];
    serialize_word(flag);
    if (flag != 0) {
        return ();
    }
    %{
        SECP_P=2**255-19
        from starkware.python.math_utils import div_mod

        value = x_inv = div_mod(1, x, SECP_P)
    %}
    let (x_inv: BigInt3) = nondet_bigint3();
    out_big(x_inv);
    return ();
}

func reduce{output_ptr: felt*, range_check_ptr}(x: UnreducedBigInt3) {
    %{
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        SECP_P=2**255-19

        value = pack(ids.x, PRIME) % SECP_P
    %}
    let (r: BigInt3) = nondet_bigint3();
    out_big(r);
    return ();
}

func negate{output_ptr: felt*, range_check_ptr}(point: EcPoint) {
    %{
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        SECP_P = 2**255-19

        y = pack(ids.point.y, PRIME) % SECP_P
        # The modulo operation in python always returns a nonnegative number.
        value = (-y) % SECP_P
    %}
    let (y: BigInt3) = nondet_bigint3();
    out_big(y);
    return ();
}

func double{output_ptr: felt*, range_check_ptr}(point: EcPoint) {
    %{
        from starkware.python.math_utils import ec_double_slope
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        SECP_P = 2**255-19

        # Compute the slope.
        x = pack(ids.point.x, PRIME)
        y = pack(ids.point.y, PRIME)
        value = slope = ec_double_slope(point=(x, y), alpha=42204101795669822316448953119945047945709099015225996174933988943478124189485, p=SECP_P)
    %}
    let (slope: BigInt3) = nondet_bigint3();
    out_big(slope);
    %{
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        SECP_P = 2**255-19

        slope = pack(ids.slope, PRIME)
        x = pack(ids.point.x, PRIME)
        y = pack(ids.point.y, PRIME)

        value = new_x = (pow(slope, 2, SECP_P) - 2 * x) % SECP_P
    %}
    let (new_x: BigInt3) = nondet_bigint3();
    out_big(new_x);
    %{ value = new_y = (slope * (x - new_x) - y) % SECP_P %}
    let (new_y: BigInt3) = nondet_bigint3();
    out_big(new_y);
    return ();
}

func add{output_ptr: felt*, range_check_ptr}(point0: EcPoint, point1: EcPoint) {
    %{
        from starkware.python.math_utils import line_slope
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        SECP_P = 2**255-19
        # Compute the slope.
        x0 = pack(ids.point0.x, PRIME)
        y0 = pack(ids.point0.y, PRIME)
        x1 = pack(ids.point1.x, PRIME)
        y1 = pack(ids.point1.y, PRIME)
        value = slope = line_slope(point1=(x0, y0), point2=(x1, y1), p=SECP_P)
    %}
    let (slope: BigInt3) = nondet_bigint3();
    out_big(slope);
    %{
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        SECP_P = 2**255-19

        slope = pack(ids.slope, PRIME)
        x0 = pack(ids.point0.x, PRIME)
        x1 = pack(ids.point1.x, PRIME)
        y0 = pack(ids.point0.y, PRIME)

        value = new_x = (pow(slope, 2, SECP_P) - x0 - x1) % SECP_P
    %}
    let (new_x: BigInt3) = nondet_bigint3();
    out_big(new_x);
    %{ value = new_y = (slope * (x0 - new_x) - y0) % SECP_P %}
    let (new_y: BigInt3) = nondet_bigint3();
    out_big(new_y);
    return ();
}

func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    sqrt(Uint256(4, 0));
    sqrt(Uint256(9, 0));
    sqrt(Uint256(16, 0));
    sqrt(Uint256(15241578750190521, 0));
    // 2 * (2**255 - 19).
    verify_zero(
        UnreducedBigInt3(
            154742504910672534362390490, 154742504910672534362390526, 19342813113834066795298814
        ),
    );
    is_zero(SumBigInt3(0, 0, 0));
    is_zero(
        SumBigInt3(
            77371252455336267181195245, 77371252455336267181195263, 9671406556917033397649407
        ),
    );
    is_zero(SumBigInt3(2, 0, 0));
    reduce(UnreducedBigInt3(-1, 0, 2 ** 90));
    local p0: EcPoint = EcPoint(
        BigInt3(9, 0, 0),
        BigInt3(
            14781619447589544791020593568409986887264606134616475288964881837755586237401, 0, 0
        ),
    );
    local p1: EcPoint = EcPoint(BigInt3(123, 456, 789), BigInt3(1000, 2000, 3000));
    negate(p1);
    double(p1);
    add(p1, p0);
    return ();
}
