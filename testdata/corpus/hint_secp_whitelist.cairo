// cairo-run: --layout small
%builtins output range_check
// The secp hints of the Starknet whitelists cairo_secp.json, ec_recover.json and ec_bigint.json
// that no cairo-lang 0.14 library function carries, written inline with the whitelisted code.
// Each hint leaves `value` in the exec scope and nondet_bigint3 materializes it, so the output
// shows what every hint computed. Several hints read SECP_P, ALPHA and N from the scope, where the
// secp256r1 import hints (SECP256R1_P as SECP_P, ...) or an earlier hint bound them.
// Expected outcome: success.
from starkware.cairo.common.cairo_secp.bigint import UnreducedBigInt5, nondet_bigint3
from starkware.cairo.common.cairo_secp.bigint3 import BigInt3, SumBigInt3, UnreducedBigInt3
from starkware.cairo.common.cairo_secp.ec_point import EcPoint
from starkware.cairo.common.serialize import serialize_word

const BASE = 2 ** 86;

func out_big{output_ptr: felt*}(x: BigInt3) {
    serialize_word(x.d0);
    serialize_word(x.d1);
    serialize_word(x.d2);
    return ();
}

// secp256r1 doubling through the scope's SECP_P and ALPHA.
func r1_double{output_ptr: felt*, range_check_ptr}(point: EcPoint) -> EcPoint {
    %{ from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_P as SECP_P %}
    %{ from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_ALPHA as ALPHA %}
    %{
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        from starkware.python.math_utils import ec_double_slope

        # Compute the slope.
        x = pack(ids.point.x, PRIME)
        y = pack(ids.point.y, PRIME)
        value = slope = ec_double_slope(point=(x, y), alpha=ALPHA, p=SECP_P)
    %}
    let (slope: BigInt3) = nondet_bigint3();
    out_big(slope);
    %{
        from starkware.cairo.common.cairo_secp.secp_utils import pack

        slope = pack(ids.slope, PRIME)
        x = pack(ids.point.x, PRIME)
        y = pack(ids.point.y, PRIME)

        value = new_x = (pow(slope, 2, SECP_P) - 2 * x) % SECP_P
    %}
    let (new_x: BigInt3) = nondet_bigint3();
    %{ value = new_y = (slope * (x - new_x) - y) % SECP_P %}
    let (new_y: BigInt3) = nondet_bigint3();
    return (EcPoint(new_x, new_y));
}

// The chord slope and the scope's SECP_P.
func scope_slope{output_ptr: felt*, range_check_ptr}(point0: EcPoint, point1: EcPoint) {
    %{
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        from starkware.python.math_utils import line_slope

        # Compute the slope.
        x0 = pack(ids.point0.x, PRIME)
        y0 = pack(ids.point0.y, PRIME)
        x1 = pack(ids.point1.x, PRIME)
        y1 = pack(ids.point1.y, PRIME)
        value = slope = line_slope(point1=(x0, y0), point2=(x1, y1), p=SECP_P)
    %}
    let (slope: BigInt3) = nondet_bigint3();
    out_big(slope);
    return ();
}

func scope_reduce{output_ptr: felt*, range_check_ptr}(x: UnreducedBigInt3) {
    %{
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        value = pack(ids.x, PRIME) % SECP_P
    %}
    let (r: BigInt3) = nondet_bigint3();
    out_big(r);
    return ();
}

func scope_verify_zero{output_ptr: felt*}(val: UnreducedBigInt3) {
    alloc_locals;
    local q;
    %{
        from starkware.cairo.common.cairo_secp.secp_utils import pack

        q, r = divmod(pack(ids.val, PRIME), SECP_P)
        assert r == 0, f"verify_zero: Invalid input {ids.val.d0, ids.val.d1, ids.val.d2}."
        ids.q = q % PRIME
    %}
    serialize_word(q);
    return ();
}

// secp256k1 (the import binds SECP_P back), pack from the scope.
func k1_verify_zero{output_ptr: felt*}(val: UnreducedBigInt3) {
    alloc_locals;
    local q;
    %{
        from starkware.cairo.common.cairo_secp.secp_utils import SECP_P
        q, r = divmod(pack(ids.val, PRIME), SECP_P)
        assert r == 0, f"verify_zero: Invalid input {ids.val.d0, ids.val.d1, ids.val.d2}."
        ids.q = q % PRIME
    %}
    serialize_word(q);
    return ();
}

func k1_is_zero{output_ptr: felt*, range_check_ptr}(x: SumBigInt3) {
    %{
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        x = pack(ids.x, PRIME) % SECP_P
    %}
    %{ memory[ap] = int(x == 0) %}
    ap += 1;
    let flag = [ap - 1];
    serialize_word(flag);
    if (flag != 0) {
        return ();
    }
    %{
        from starkware.python.math_utils import div_mod

        value = x_inv = div_mod(1, x, SECP_P)
    %}
    let (x_inv: BigInt3) = nondet_bigint3();
    out_big(x_inv);
    return ();
}

// The slopes and coordinates of ids.pt / ids.pt0 / ids.pt1.
func pt_ops{output_ptr: felt*, range_check_ptr}(pt: EcPoint, pt0: EcPoint, pt1: EcPoint) {
    %{
        from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack
        from starkware.python.math_utils import div_mod

        # Compute the slope.
        x = pack(ids.pt.x, PRIME)
        y = pack(ids.pt.y, PRIME)
        value = slope = div_mod(3 * x ** 2, 2 * y, SECP_P)
    %}
    let (slope: BigInt3) = nondet_bigint3();
    out_big(slope);
    %{
        from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack

        slope = pack(ids.slope, PRIME)
        x = pack(ids.pt.x, PRIME)
        y = pack(ids.pt.y, PRIME)

        value = new_x = (pow(slope, 2, SECP_P) - 2 * x) % SECP_P
    %}
    let (new_x: BigInt3) = nondet_bigint3();
    out_big(new_x);
    %{
        from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack
        from starkware.python.math_utils import div_mod

        # Compute the slope.
        x0 = pack(ids.pt0.x, PRIME)
        y0 = pack(ids.pt0.y, PRIME)
        x1 = pack(ids.pt1.x, PRIME)
        y1 = pack(ids.pt1.y, PRIME)
        value = slope = div_mod(y0 - y1, x0 - x1, SECP_P)
    %}
    let (slope: BigInt3) = nondet_bigint3();
    out_big(slope);
    %{
        from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack

        slope = pack(ids.slope, PRIME)
        x0 = pack(ids.pt0.x, PRIME)
        x1 = pack(ids.pt1.x, PRIME)
        y0 = pack(ids.pt0.y, PRIME)

        value = new_x = (pow(slope, 2, SECP_P) - x0 - x1) % SECP_P
    %}
    let (new_x: BigInt3) = nondet_bigint3();
    out_big(new_x);
    %{ value = new_y = (slope * (x0 - new_x) - y0) % SECP_P %}
    let (new_y: BigInt3) = nondet_bigint3();
    out_big(new_y);
    return ();
}

// x / s modulo the secp256k1 order, then the quotient k.
func div_mod_n_xs{output_ptr: felt*, range_check_ptr}(x: BigInt3, s: BigInt3) {
    %{
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        from starkware.python.math_utils import div_mod, safe_div

        N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141
        x = pack(ids.x, PRIME) % N
        s = pack(ids.s, PRIME) % N
        value = res = div_mod(x, s, N)
    %}
    let (res: BigInt3) = nondet_bigint3();
    out_big(res);
    %{ value = k = safe_div(res * s - x, N) %}
    let (k: BigInt3) = nondet_bigint3();
    out_big(k);
    return ();
}

// a / b modulo the scope's N (secp256r1's by the import), then k + 1.
func div_mod_n_scope{output_ptr: felt*, range_check_ptr}(a: BigInt3, b: BigInt3) {
    %{ from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_N as N %}
    %{
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        from starkware.python.math_utils import div_mod, safe_div

        a = pack(ids.a, PRIME)
        b = pack(ids.b, PRIME)
        value = res = div_mod(a, b, N)
    %}
    let (res: BigInt3) = nondet_bigint3();
    out_big(res);
    %{ value = k_plus_one = safe_div(res * b - a, N) + 1 %}
    let (k: BigInt3) = nondet_bigint3();
    out_big(k);
    return ();
}

func bits{output_ptr: felt*}(scalar_u: felt, scalar_v: felt, m: felt) {
    alloc_locals;
    local dibit;
    local quad_bit;
    %{ ids.dibit = ((ids.scalar_u >> ids.m) & 1) + 2 * ((ids.scalar_v >> ids.m) & 1) %}
    %{
        ids.quad_bit = (
            8 * ((ids.scalar_v >> ids.m) & 1)
            + 4 * ((ids.scalar_u >> ids.m) & 1)
            + 2 * ((ids.scalar_v >> (ids.m - 1)) & 1)
            + ((ids.scalar_u >> (ids.m - 1)) & 1)
        )
    %}
    serialize_word(dibit);
    serialize_word(quad_bit);
    return ();
}

func len_hi{output_ptr: felt*}(scalar_u: BigInt3, scalar_v: BigInt3) {
    alloc_locals;
    local len_hi;
    %{ ids.len_hi = max(ids.scalar_u.d2.bit_length(), ids.scalar_v.d2.bit_length())-1 %}
    serialize_word(len_hi);
    return ();
}

// ec_recover.json.
func ec_recover_hints{output_ptr: felt*, range_check_ptr}(
    n: BigInt3, x: BigInt3, s: BigInt3, a: BigInt3, b: BigInt3, m: BigInt3
) {
    %{
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        from starkware.python.math_utils import div_mod, safe_div

        N = pack(ids.n, PRIME)
        x = pack(ids.x, PRIME) % N
        s = pack(ids.s, PRIME) % N
        value = res = div_mod(x, s, N)
    %}
    let (res: BigInt3) = nondet_bigint3();
    out_big(res);
    %{
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        from starkware.python.math_utils import div_mod, safe_div

        a = pack(ids.a, PRIME)
        b = pack(ids.b, PRIME)

        value = res = a - b
    %}
    let (res: BigInt3) = nondet_bigint3();
    out_big(res);
    %{
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        from starkware.python.math_utils import div_mod, safe_div

        a = pack(ids.a, PRIME)
        b = pack(ids.b, PRIME)
        product = a * b
        m = pack(ids.m, PRIME)

        value = res = product % m
    %}
    let (res: BigInt3) = nondet_bigint3();
    out_big(res);
    %{ value = k = product // m %}
    let (k: BigInt3) = nondet_bigint3();
    out_big(k);
    return ();
}

// ec_bigint.json: a five-limb x divided by y modulo P.
func bigint_div_mod{output_ptr: felt*, range_check_ptr}(
    x: UnreducedBigInt5, y: BigInt3, P: BigInt3
) {
    alloc_locals;
    %{
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        from starkware.cairo.common.math_utils import as_int
        from starkware.python.math_utils import div_mod, safe_div

        p = pack(ids.P, PRIME)
        x = pack(ids.x, PRIME) + as_int(ids.x.d3, PRIME) * ids.BASE ** 3 + as_int(ids.x.d4, PRIME) * ids.BASE ** 4
        y = pack(ids.y, PRIME)

        value = res = div_mod(x, y, p)
    %}
    let (res: BigInt3) = nondet_bigint3();
    out_big(res);
    local flag;
    %{
        k = safe_div(res * y - x, p)
        value = k if k > 0 else 0 - k
        ids.flag = 1 if k > 0 else 0
    %}
    let (k: BigInt3) = nondet_bigint3();
    out_big(k);
    serialize_word(flag);
    return ();
}

func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    // secp256r1's generator.
    local g: EcPoint = EcPoint(
        BigInt3(52227620040540588600771222, 33347259622618539004134583, 8091721874918813684698062),
        BigInt3(59685082318776612195095029, 54599710628478995760242092, 6036146923926000695307902),
    );
    let g2 = r1_double(g);
    out_big(g2.x);
    out_big(g2.y);
    scope_slope(g, g2);
    scope_reduce(UnreducedBigInt3(-5, 2 ** 100, 2 ** 95));
    // 2 * secp256r1_prime.
    scope_verify_zero(UnreducedBigInt3(0x3ffffffffffffffffffffe, 0x7ff, 0x1fffffffe0000000200000));
    // 3 * secp256k1_prime.
    k1_verify_zero(
        UnreducedBigInt3(
            3 * 0x3ffffffffffffefffffc2f, 3 * 0x3fffffffffffffffffffff, 3 * 0xfffffffffffffffffffff
        ),
    );
    k1_is_zero(SumBigInt3(0, 0, 0));
    k1_is_zero(SumBigInt3(7, -1, 0));

    // secp256k1's generator, 2G.
    local k1g: EcPoint = EcPoint(
        BigInt3(0xe28d959f2815b16f81798, 0xa573a1c2c1c0a6ff36cb7, 0x79be667ef9dcbbac55a06),
        BigInt3(0x554199c47d08ffb10d4b8, 0x2ff0384422a3f45ed1229a, 0x483ada7726a3c4655da4f),
    );
    local k1g2: EcPoint = EcPoint(
        BigInt3(57105948487393027623526117, 2088890992725950981549619, 14961784698075395646489684),
        BigInt3(46925586441427271765976362, 19820246243853867596485833, 2031033786214458435714136),
    );
    pt_ops(k1g, k1g2, k1g);
    div_mod_n_xs(BigInt3(12345, 678, 9), BigInt3(3, 2, 1));
    div_mod_n_scope(BigInt3(2 ** 80, 7, 2 ** 70), BigInt3(11, 0, 5));
    bits(0x1234, 0x5678, 4);
    bits(2 ** 200 + 2 ** 199, 2 ** 199, 200);
    len_hi(BigInt3(1, 2, 2 ** 70), BigInt3(3, 4, 5));
    ec_recover_hints(
        n=BigInt3(0x8a03bbfd25e8cd0364141, 0x3ffffffffffffeaabb739a, 0xfffffffffffffffffffff),
        x=BigInt3(5, 6, 7),
        s=BigInt3(2 ** 85, 1, 0),
        a=BigInt3(100, 200, 300),
        b=BigInt3(10, 20, 30),
        m=BigInt3(0, 0, 2 ** 80),
    );
    bigint_div_mod(
        UnreducedBigInt5(1, 2, 3, 4, 5),
        BigInt3(7, 0, 0),
        BigInt3(0x3ffffffffffffefffffc2f, 0x3fffffffffffffffffffff, 0xfffffffffffffffffffff),
    );
    return ();
}
