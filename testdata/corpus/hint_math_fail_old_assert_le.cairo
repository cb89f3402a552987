// cairo-run: --layout plain
// FAILING: the assert_le hint of the 0.6.0 whitelist, written inline, on a = 9 > b = 4.
// Expected outcome: failure (exit 1), "a = 9 is not less than or equal to b = 4.".
func old_assert_le(a: felt, b: felt) {
    %{
        from starkware.cairo.common.math_utils import assert_integer
        assert_integer(ids.a)
        assert_integer(ids.b)
        assert (ids.a % PRIME) <= (ids.b % PRIME), \
            f'a = {ids.a % PRIME} is not less than or equal to b = {ids.b % PRIME}.'
    %}
    return ();
}

func main() {
    old_assert_le(1, 4);
    old_assert_le(9, 4);
    return ();
}
