// cairo-run: --layout small
%builtins output range_check
// The uint256 hints of the Starknet whitelists uint256_improvements.json and vrf.json, which no
// cairo-lang library function carries, written inline with the whitelisted code: uint128_add's
// carry, uint256_sqrt returning a felt, unsigned_div_rem by a divisor stored as (b01, b23),
// uint256_sub by local split/pack, split_128 and the low carry of uint256_add. The hints' results
// are output (and checked where that is cheap).
// Expected outcome: success.
from starkware.cairo.common.serialize import serialize_word
from starkware.cairo.common.uint256 import Uint256

const SHIFT = 2 ** 128;

struct Uint256Div {
    b01: felt,
    b23: felt,
}

func uint128_add(a: felt, b: felt) -> (res: felt, carry: felt) {
    alloc_locals;
    local carry: felt;
    %{
        res = ids.a + ids.b
        ids.carry = 1 if res >= ids.SHIFT else 0
    %}
    return (res=a + b - carry * SHIFT, carry=carry);
}

func sqrt_felt(n: Uint256) -> felt {
    alloc_locals;
    local root: felt;
    %{
        from starkware.python.math_utils import isqrt
        n = (ids.n.high << 128) + ids.n.low
        root = isqrt(n)
        assert 0 <= root < 2 ** 128
        ids.root = root
    %}
    return root;
}

func div_rem(a: Uint256, div: Uint256Div) -> (quotient: Uint256, remainder: Uint256) {
    alloc_locals;
    local quotient: Uint256;
    local remainder: Uint256;
    %{
        a = (ids.a.high << 128) + ids.a.low
        div = (ids.div.b23 << 128) + ids.div.b01
        quotient, remainder = divmod(a, div)

        ids.quotient.low = quotient & ((1 << 128) - 1)
        ids.quotient.high = quotient >> 128
        ids.remainder.low = remainder & ((1 << 128) - 1)
        ids.remainder.high = remainder >> 128
    %}
    return (quotient=quotient, remainder=remainder);
}

func sub(a: Uint256, b: Uint256) -> Uint256 {
    alloc_locals;
    local res: Uint256;
    %{
        def split(num: int, num_bits_shift: int = 128, length: int = 2):
            a = []
            for _ in range(length):
                a.append( num & ((1 << num_bits_shift) - 1) )
                num = num >> num_bits_shift
            return tuple(a)

        def pack(z, num_bits_shift: int = 128) -> int:
            limbs = (z.low, z.high)
            return sum(limb << (num_bits_shift * i) for i, limb in enumerate(limbs))

        a = pack(ids.a)
        b = pack(ids.b)
        res = (a - b)%2**256
        res_split = split(res)
        ids.res.low = res_split[0]
        ids.res.high = res_split[1]
    %}
    return res;
}

func split_128(a: felt) -> (low: felt, high: felt) {
    alloc_locals;
    local low: felt;
    local high: felt;
    %{
        ids.low = ids.a & ((1<<128) - 1)
        ids.high = ids.a >> 128
    %}
    assert a = low + high * SHIFT;
    return (low=low, high=high);
}

func add_low(a: Uint256, b: Uint256) -> felt {
    alloc_locals;
    local carry_low: felt;
    %{
        sum_low = ids.a.low + ids.b.low
        ids.carry_low = 1 if sum_low >= ids.SHIFT else 0
    %}
    return carry_low;
}

func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    let (res, carry) = uint128_add(2 ** 127, 2 ** 127 + 9);
    serialize_word(res);
    serialize_word(carry);
    let (res, carry) = uint128_add(3, 4);
    serialize_word(res);
    serialize_word(carry);
    let root = sqrt_felt(Uint256(2 ** 128 - 1, 2 ** 128 - 1));
    serialize_word(root);
    let root = sqrt_felt(Uint256(99, 0));
    serialize_word(root);
    let (q, r) = div_rem(Uint256(2 ** 100, 2 ** 127), Uint256Div(b01=12345, b23=3));
    serialize_word(q.low);
    serialize_word(q.high);
    serialize_word(r.low);
    serialize_word(r.high);
    let d = sub(Uint256(5, 0), Uint256(7, 1));
    serialize_word(d.low);
    serialize_word(d.high);
    let d = sub(Uint256(7, 1), Uint256(5, 0));
    serialize_word(d.low);
    serialize_word(d.high);
    let (low, high) = split_128(2 ** 200 + 2 ** 100 + 1);
    serialize_word(low);
    serialize_word(high);
    let c = add_low(Uint256(2 ** 128 - 1, 0), Uint256(1, 0));
    serialize_word(c);
    let c = add_low(Uint256(2 ** 127, 0), Uint256(1, 0));
    serialize_word(c);
    return ();
}
