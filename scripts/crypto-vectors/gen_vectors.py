#!/usr/bin/env python3
"""Generates the golden test vectors under crypto/<pkg>/testdata/ with cairo-lang's own
Python functions.

Run with the cairo-lang virtualenv from anywhere:

    /opt/cairo-venv/bin/python scripts/crypto-vectors/gen_vectors.py [poseidon|pedersen|ecdsa|keccak|all]

The generator is deterministic (fixed seeds), so rerunning it reproduces the committed files.
All integers are written as 0x-prefixed lowercase hex strings.
"""

import json
import os
import random
import sys

from starkware.cairo.lang.version import __version__ as CAIRO_LANG_VERSION

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
PRIME = 2**251 + 17 * 2**192 + 1


def h(v: int) -> str:
    return hex(v)


def write(pkg: str, name: str, data: dict):
    path = os.path.join(ROOT, "crypto", pkg, "testdata", name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = {"generator": "scripts/crypto-vectors/gen_vectors.py", "cairo_lang": CAIRO_LANG_VERSION, **data}
    # One vector per line: compact, and diffs stay readable.
    lines = ["{"]
    items = list(data.items())
    for i, (key, value) in enumerate(items):
        sep = "," if i < len(items) - 1 else ""
        if isinstance(value, list):
            lines.append(f" {json.dumps(key)}: [")
            for j, entry in enumerate(value):
                esep = "," if j < len(value) - 1 else ""
                lines.append("  " + json.dumps(entry, separators=(",", ":")) + esep)
            lines.append(" ]" + sep)
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value)}{sep}")
    lines.append("}")
    text = "\n".join(lines) + "\n"
    json.loads(text)  # sanity check
    with open(path, "w") as f:
        f.write(text)
    print(f"wrote {os.path.relpath(path, ROOT)}", file=sys.stderr)


def felt_sampler(rng: random.Random):
    """Returns a function drawing field elements, biased towards edge values."""
    specials = [0, 1, 2, 3, PRIME - 1, PRIME - 2, 2**251, 2**251 - 1, 2**248, 2**248 - 1, 2**64, 2**192]

    def sample() -> int:
        k = rng.random()
        if k < 0.1:
            return rng.choice(specials)
        if k < 0.2:
            return rng.randrange(2**rng.randrange(1, 64))
        if k < 0.3:
            return PRIME - 1 - rng.randrange(2**rng.randrange(1, 64))
        return rng.randrange(PRIME)

    return sample


############
# Poseidon #
############


def gen_poseidon():
    from starkware.cairo.common.poseidon_hash import (
        poseidon_hash,
        poseidon_hash_many,
        poseidon_hash_single,
        poseidon_perm,
    )

    rng = random.Random(0x9053_1D07)
    sample = felt_sampler(rng)

    permute = []
    fixed = [[0, 0, 0], [1, 2, 3], [PRIME - 1] * 3, [0, 0, 1], [0, 0, 2]]
    for state in fixed + [[sample() for _ in range(3)] for _ in range(295)]:
        permute.append({"in": [h(v) for v in state], "out": [h(v) for v in poseidon_perm(*state)]})

    hash2 = []
    for x, y in [(0, 0), (1, 2), (PRIME - 1, PRIME - 1)] + [(sample(), sample()) for _ in range(197)]:
        hash2.append({"x": h(x), "y": h(y), "out": h(poseidon_hash(x, y))})

    single = []
    for x in [0, 1, PRIME - 1] + [sample() for _ in range(97)]:
        single.append({"x": h(x), "out": h(poseidon_hash_single(x))})

    many = []
    for n in list(range(51)) * 4 + [64, 99, 100, 255, 256]:
        values = [sample() for _ in range(n)]
        many.append({"in": [h(v) for v in values], "out": h(poseidon_hash_many(values))})

    write(
        "poseidon",
        "vectors.json",
        {
            "functions": "starkware.cairo.common.poseidon_hash: poseidon_perm, poseidon_hash, "
            "poseidon_hash_single, poseidon_hash_many",
            "permute": permute,
            "hash": hash2,
            "hash_single": single,
            "hash_many": many,
        },
    )


############
# Pedersen #
############


def gen_pedersen():
    from starkware.cairo.common.hash_chain import compute_hash_chain
    from starkware.cairo.common.hash_state import (
        compute_hash_on_elements,
        compute_hash_on_elements_without_length,
    )
    from starkware.crypto.signature import signature
    from starkware.crypto.signature.fast_pedersen_hash import pedersen_hash

    rng = random.Random(0x9ED3_25E4)
    sample = felt_sampler(rng)

    fixed = [(0, 0), (1, 0), (0, 1), (PRIME - 1, PRIME - 1), (2**248, 2**248 - 1), (2**251, 2**251 + 17 * 2**192)]
    pairs = fixed + [(sample(), sample()) for _ in range(394)]
    hashes = []
    for i, (a, b) in enumerate(pairs):
        out = pedersen_hash(a, b)
        if i < 40:
            # The slow reference (bit by bit, affine) must agree.
            assert signature.pedersen_hash(a, b) == out
        hashes.append({"a": h(a), "b": h(b), "out": h(out)})

    on_elements = []
    for n in list(range(31)) * 2:
        data = [sample() for _ in range(n)]
        on_elements.append(
            {
                "in": [h(v) for v in data],
                "out": h(compute_hash_on_elements(data)),
                "out_without_length": h(compute_hash_on_elements_without_length(data)),
            }
        )

    chains = []
    for n in list(range(1, 31)) * 2:
        data = [sample() for _ in range(n)]
        chains.append({"in": [h(v) for v in data], "out": h(compute_hash_chain(data))})

    cp = signature.CONSTANT_POINTS
    points = {
        "shift": cp[0],
        "p0": cp[2],
        "p1": cp[2 + 248],
        "p2": cp[2 + 252],
        "p3": cp[2 + 252 + 248],
    }
    write(
        "pedersen",
        "vectors.json",
        {
            "functions": "fast_pedersen_hash.pedersen_hash, hash_state.compute_hash_on_elements(_without_length), "
            "hash_chain.compute_hash_chain",
            "points": [{"name": k, "x": h(v[0]), "y": h(v[1])} for k, v in points.items()],
            "hash": hashes,
            "hash_on_elements": on_elements,
            "hash_chain": chains,
        },
    )


#########
# ECDSA #
#########


def outcome(fn):
    """Runs fn and returns (value, error): error is None, "assert" or "<ExceptionName>"."""
    try:
        return fn(), None
    except AssertionError:
        return None, "assert"
    except Exception as e:  # noqa: BLE001
        return None, type(e).__name__


def pt(p):
    return [h(p[0]), h(p[1])]


def gen_ecdsa():
    from starkware.crypto.signature import signature as sig
    from starkware.crypto.signature.signature import (
        ALPHA,
        BETA,
        EC_GEN,
        EC_ORDER,
        FIELD_PRIME,
        MINUS_SHIFT_POINT,
        SHIFT_POINT,
        get_y_coordinate,
        mimic_ec_mult_air,
        private_to_stark_key,
        sign,
        verify,
    )
    from starkware.python import math_utils as mu

    assert FIELD_PRIME == PRIME and ALPHA == 1
    N = EC_ORDER
    rng = random.Random(0xEC_D5A)
    sample = felt_sampler(rng)

    def mul(k, p):
        return mu.ec_safe_mult(k % N, p, ALPHA, PRIME)

    def rand_point():
        return mul(rng.randrange(1, N), EC_GEN)

    def neg(p):
        return (p[0], (-p[1]) % PRIME)

    ##### verify #####
    cases = []

    def add_case(kind, msg, r, s, pub_x):
        res, err = outcome(lambda: verify(msg, r, s, pub_x))
        cases.append(
            {"kind": kind, "msg": h(msg), "r": h(r), "s": h(s), "pub_x": h(pub_x), "valid": bool(res), "raises": err is not None}
        )
        return res, err

    for i in range(150):
        priv = rng.randrange(1, N)
        msg = rng.choice([rng.randrange(2**251), rng.randrange(1, 2**64), 1, 2**251 - 1])
        r, s = sign(msg, priv)
        pub = private_to_stark_key(priv)
        res, err = add_case("valid", msg, r, s, pub)
        assert res is True and err is None
        if i < 60:
            add_case("bad_msg", (msg + 1) % 2**251, r, s, pub)
    # Mutations of r, s and the key.
    for _ in range(60):
        priv = rng.randrange(1, N)
        msg = rng.randrange(1, 2**251)
        r, s = sign(msg, priv)
        pub = private_to_stark_key(priv)
        add_case("bad_r", msg, max(1, (r + 1) % 2**251), s, pub)
        add_case("bad_s", msg, r, s % (N - 1) + 1, pub)
        add_case("bad_key", msg, r, s, private_to_stark_key(rng.randrange(1, N)))
        # The key is only an x coordinate: the negated key point verifies too.
        res, _ = add_case("negated_key_point", msg, r, s, mul(N - priv, EC_GEN)[0])
        assert res is True
    # Keys off the curve: verify returns False.
    n_off = 0
    while n_off < 20:
        x = rng.randrange(PRIME)
        if not sig.is_valid_stark_key(x):
            add_case("key_off_curve", rng.randrange(1, 2**251), rng.randrange(1, 2**251), rng.randrange(1, N), x)
            n_off += 1
    # A signature of msg_hash 0 (which sign() cannot make: it fails on the empty byte string)
    # satisfies the ECDSA equation but never verifies: mimic_ec_mult_air needs m > 0.
    for _ in range(5):
        priv = rng.randrange(1, N)
        while True:
            k = rng.randrange(1, N)
            r = mu.ec_safe_mult(k, EC_GEN, ALPHA, PRIME)[0]
            w = mu.div_mod(k, r * priv, N)
            if 1 <= r < 2**251 and 1 <= w < 2**251:
                break
        s = mu.div_mod(1, w, N)
        res, err = add_case("zero_msg", 0, r, s, private_to_stark_key(priv))
        assert res is False and err is None
    # Out of range: verify raises.
    priv = rng.randrange(1, N)
    msg = rng.randrange(1, 2**251)
    r, s = sign(msg, priv)
    pub = private_to_stark_key(priv)
    for s_bad in [0, N, N + 1, PRIME - 1]:
        add_case("s_range", msg, r, s_bad, pub)
    for r_bad in [0, 2**251, 2**251 + 5, PRIME - 1]:
        add_case("r_range", msg, r_bad, s, pub)
    for m_bad in [2**251, PRIME - 1]:
        add_case("msg_range", m_bad, r, s, pub)
    for _ in range(5):
        w = rng.randrange(2**251, N)
        add_case("w_range", msg, r, mu.div_mod(1, w, N), pub)
    # s with w = 1 and w = 2**251 - 1 are fine range-wise.
    add_case("w_edge", msg, r, 1, pub)
    add_case("w_edge", msg, r, mu.div_mod(1, 2**251 - 1, N), pub)
    # The shift point as public key: r*Q starts at shift == Q, so the AIR check fails.
    add_case("shift_key", msg, r, s, SHIFT_POINT[0])
    for kind, res_err in [(c["kind"], (c["valid"], c["raises"])) for c in cases if c["kind"].endswith("_range")]:
        assert res_err == (False, True), kind

    ##### mimic_ec_mult_air #####
    mimic = []

    def add_mimic(kind, m, point, shift):
        res, err = outcome(lambda: mimic_ec_mult_air(m, point, shift))
        mimic.append({"kind": kind, "m": h(m), "point": pt(point), "shift": pt(shift), "out": pt(res) if res else None, "error": err})

    for _ in range(40):
        add_mimic("random", rng.randrange(1, 2**251), rand_point(), rng.choice([SHIFT_POINT, MINUS_SHIFT_POINT]))
    add_mimic("m_zero", 0, rand_point(), SHIFT_POINT)
    add_mimic("m_too_big", 2**251, rand_point(), SHIFT_POINT)
    add_mimic("point_is_shift", rng.randrange(1, 2**251), SHIFT_POINT, SHIFT_POINT)
    add_mimic("point_is_minus_shift", rng.randrange(1, 2**251), MINUS_SHIFT_POINT, SHIFT_POINT)
    for _ in range(20):
        # Choose point so that at round i the sum shift + (m mod 2^i)*point equals 2^i*point.
        i = rng.randrange(1, 251)
        m = rng.randrange(1, 2**251)
        j = m % 2**i
        c = (2**i - j) % N
        point = mul(mu.div_mod(1, c, N), SHIFT_POINT)
        add_mimic("crafted_same_x", m, point, SHIFT_POINT)
        assert mimic[-1]["error"] == "assert"

    ##### ec_op_impl #####
    from starkware.cairo.lang.builtins.ec.ec_op_builtin_runner import ec_op_impl

    ecop = []

    def add_ecop(kind, p, q, m):
        res, err = outcome(lambda: ec_op_impl(p[0], p[1], q[0], q[1], m, ALPHA, PRIME, 256))
        if err == "assert":
            # Tell the x-coordinate check from ec_double's y != 0 assertion.
            try:
                ec_op_impl(p[0], p[1], q[0], q[1], m, ALPHA, PRIME, 256)
            except AssertionError as e:
                err = "same_x" if "same x coordinate" in str(e) else "zero_y"
        ecop.append({"kind": kind, "p": pt(p), "q": pt(q), "m": h(m), "out": pt(res) if res else None, "error": err})

    for _ in range(150):
        add_ecop("random", rand_point(), rand_point(), sample())
    for m in [0, 1, 2, 3, PRIME - 1, 2**251, 2**252 - 1 if 2**252 - 1 < PRIME else PRIME - 2, N, N - 1, N + 1]:
        add_ecop("special_m", rand_point(), rand_point(), m)
    for _ in range(5):
        q = rand_point()
        add_ecop("p_eq_q", q, q, sample())
        add_ecop("p_eq_minus_q", neg(q), q, sample())
        add_ecop("p_eq_q_m0", q, q, 0)
    for k in [1, 2, 100, 251, 252, 254, 255, 256, 257]:
        q = rand_point()
        add_ecop(f"p_eq_2^{k}q", mul(2**k, q), q, sample())
    for k in [1, 2, 100, 251, 255]:
        # With m = 0 the sum stays p, and the check still runs in every round.
        q = rand_point()
        add_ecop(f"p_eq_2^{k}q_m0", mul(2**k, q), q, 0)
    for k in [30, 200, 252, 255]:
        # Past m's top bit: sum = p + m*q meets d = 2^k*q at round k.
        q = rand_point()
        m = rng.randrange(1, 2**20)
        add_ecop(f"past_top_bit_{k}", mul(2**k - m, q), q, m)
    for _ in range(25):
        # At round i, sum = p + (m mod 2^i)*q; make it 2^i*q (or its negation).
        q = rand_point()
        m = sample()
        i = rng.randrange(1, 256)
        j = m % 2**i
        sign_ = rng.choice([1, -1])
        p = mul(sign_ * 2**i - j, q)
        if p is mu.EC_INFINITY:
            continue
        add_ecop("crafted_same_x", p, q, m)
    # Off the curve: ec_op_impl does not check, so the formulas run on anything.
    for _ in range(20):
        add_ecop("off_curve", (sample(), sample()), (sample(), sample()), sample())
    add_ecop("q_y_zero", rand_point(), (rng.randrange(PRIME), 0), sample())
    add_ecop("q_y_zero_m0", rand_point(), (rng.randrange(PRIME), 0), 0)

    ##### math_utils helpers #####
    helpers = {"ec_add": [], "ec_double": [], "ec_safe_add": [], "ec_safe_mult": [], "recover_y": [], "random_ec_point": []}
    for _ in range(40):
        p, q = rand_point(), rand_point()
        helpers["ec_add"].append({"p": pt(p), "q": pt(q), "out": pt(mu.ec_add(p, q, PRIME)), "error": None})
        helpers["ec_double"].append({"p": pt(p), "out": pt(mu.ec_double(p, ALPHA, PRIME)), "error": None})
    p = rand_point()
    for q in [p, neg(p)]:
        res, err = outcome(lambda: mu.ec_add(p, q, PRIME))
        helpers["ec_add"].append({"p": pt(p), "q": pt(q), "out": None, "error": err})
    for d in [(rng.randrange(PRIME), 0)]:
        res, err = outcome(lambda: mu.ec_double(d, ALPHA, PRIME))
        helpers["ec_double"].append({"p": pt(d), "out": None, "error": err})
    for _ in range(5):
        a, b = (sample(), sample()), (sample(), sample())
        helpers["ec_add"].append({"p": pt(a), "q": pt(b), "out": pt(mu.ec_add(a, b, PRIME)), "error": None})
        helpers["ec_double"].append({"p": pt(a), "out": pt(mu.ec_double(a, ALPHA, PRIME)), "error": None})

    INF = mu.EC_INFINITY

    def ptinf(p):
        return None if p is INF else pt(p)

    for _ in range(20):
        p, q = rand_point(), rand_point()
        for a, b in [(p, q), (p, p), (p, neg(p)), (INF, q), (p, INF), (INF, INF)]:
            helpers["ec_safe_add"].append({"p": ptinf(a), "q": ptinf(b), "out": ptinf(mu.ec_safe_add(a, b, ALPHA, PRIME))})
    for m in [0, 1, 2, 3, 255, N - 1, N, N + 1, 2 * N, 2**256 - 1] + [rng.randrange(2**256) for _ in range(15)]:
        p = rand_point()
        helpers["ec_safe_mult"].append({"m": h(m), "p": pt(p), "out": ptinf(mu.ec_safe_mult(m, p, ALPHA, PRIME))})
    for x in [0, 1, SHIFT_POINT[0], EC_GEN[0]] + [sample() for _ in range(60)]:
        res, err = outcome(lambda: mu.recover_y(x, ALPHA, BETA, PRIME))
        res2, err2 = outcome(lambda: get_y_coordinate(x))
        assert res == res2 and (err is None) == (err2 is None)
        helpers["recover_y"].append({"x": h(x), "y": h(res) if res is not None else None})
    from starkware.python.utils import to_bytes

    for _ in range(40):
        vals = [sample() for _ in range(rng.choice([5, 7, 9]))]
        seed = b"".join(map(to_bytes, vals))
        x, y = mu.random_ec_point(PRIME, ALPHA, BETA, seed)
        helpers["random_ec_point"].append({"seed": seed.hex(), "x_raw": h(x), "y": h(y)})

    write("ecdsa", "verify.json", {"functions": "starkware.crypto.signature.signature: sign, verify, mimic_ec_mult_air", "verify": cases, "mimic_ec_mult_air": mimic})
    write("ecdsa", "ec_op.json", {"functions": "starkware.cairo.lang.builtins.ec.ec_op_builtin_runner.ec_op_impl (height 256)", "ec_op": ecop})
    write("ecdsa", "math_utils.json", {"functions": "starkware.python.math_utils: ec_add, ec_double, ec_safe_add, ec_safe_mult, recover_y, random_ec_point", **helpers})


##########
# Keccak #
##########


def gen_keccak():
    from Crypto.Hash import keccak as pycryptodome_keccak
    from eth_hash.auto import keccak  # what cairo-lang uses (e.g. starknet_keccak, compute_fact)

    from starkware.cairo.common.keccak_utils.keccak_utils import keccak_f

    rng = random.Random(0x4ECC_A4)
    perms = []
    states = [bytes(200), bytes([0xFF] * 200), bytes(range(200))]
    states += [bytes(rng.getrandbits(8) for _ in range(200)) for _ in range(97)]
    for st in states:
        perms.append({"in": st.hex(), "out": keccak_f(st).hex()})

    hashes = []
    lengths = list(range(0, 300)) + [407, 408, 409, 543, 544, 545, 1000, 4096]
    for n in lengths:
        data = bytes(rng.getrandbits(8) for _ in range(n))
        out = keccak(data)
        assert out == pycryptodome_keccak.new(digest_bits=256, data=data).digest()
        hashes.append({"in": data.hex(), "out": out.hex()})
    hashes.append({"in": b"abc".hex(), "out": keccak(b"abc").hex()})

    write(
        "keccak",
        "vectors.json",
        {
            "functions": "keccak_utils.keccak_f (keccak builtin), eth_hash.auto.keccak (Keccak-256)",
            "keccak_f": perms,
            "keccak256": hashes,
        },
    )


GENERATORS = {
    "poseidon": gen_poseidon,
    "pedersen": gen_pedersen,
    "ecdsa": gen_ecdsa,
    "keccak": gen_keccak,
}


def main():
    which = sys.argv[1:] or ["all"]
    if which == ["all"]:
        which = list(GENERATORS)
    for name in which:
        GENERATORS[name]()


if __name__ == "__main__":
    main()
