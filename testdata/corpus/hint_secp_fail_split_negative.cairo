// cairo-run: --layout small
%builtins range_check
// FAILING: the ec_recover.json hint `value = res = a - b`, written inline, with a < b: the negative
// value reaches nondet_bigint3, whose secp_utils.split asserts that three limbs consumed it.
// Hints: ec_recover's sub, nondet_bigint3. Expected outcome: failure (exit 1), a bare
// AssertionError in split.
from starkware.cairo.common.cairo_secp.bigint import nondet_bigint3
from starkware.cairo.common.cairo_secp.bigint3 import BigInt3

func sub{range_check_ptr}(a: BigInt3, b: BigInt3) -> BigInt3 {
    %{
        from starkware.cairo.common.cairo_secp.secp_utils import pack
        from starkware.python.math_utils import div_mod, safe_div

        a = pack(ids.a, PRIME)
        b = pack(ids.b, PRIME)

        value = res = a - b
    %}
    let (res) = nondet_bigint3();
    return res;
}

func main{range_check_ptr}() {
    let r = sub(BigInt3(5, 0, 1), BigInt3(4, 0, 1));
    assert r.d0 = 1;
    let r = sub(BigInt3(4, 0, 1), BigInt3(5, 0, 1));
    return ();
}
