// cairo-run: --layout small
%builtins range_check
// FAILING: the cairo_secp.json form of verify_zero, written inline, imports only pack and reads
// SECP_P from the exec scope; no earlier hint bound it, so Python raises NameError. (In the
// whitelisted library, the secp256r1 import hint binds SECP_P first.)
// Expected outcome: failure (exit 1), "name 'SECP_P' is not defined".
from starkware.cairo.common.cairo_secp.bigint3 import UnreducedBigInt3

func verify_zero(val: UnreducedBigInt3) {
    alloc_locals;
    local q;
    %{
        from starkware.cairo.common.cairo_secp.secp_utils import pack

        q, r = divmod(pack(ids.val, PRIME), SECP_P)
        assert r == 0, f"verify_zero: Invalid input {ids.val.d0, ids.val.d1, ids.val.d2}."
        ids.q = q % PRIME
    %}
    return ();
}

func main{range_check_ptr}() {
    verify_zero(UnreducedBigInt3(0, 0, 0));
    return ();
}
