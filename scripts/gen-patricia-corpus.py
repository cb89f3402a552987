#!/usr/bin/env python3
"""Write the Patricia-update golden programs of testdata/corpus and their program inputs.

Run with the cairo-lang 0.14.0.1 venv's interpreter (/opt/cairo-venv/bin/python); afterwards
regenerate their goldens with
    scripts/regen-goldens.sh --only hint_patricia_update,hint_patricia_poseidon,...

common/patricia.cairo's hints read `preimage`, a dict from a node's hash to its children (a pair,
for binary nodes) or to (length, path, bottom) (edge nodes), from the exec scope. The Starknet OS
puts it there; here each program's first hint builds it from program_input['preimage'] (written
by this script). The trees and their roots are computed with cairo-lang's own hash functions,
and every small tree is cross-checked against cairo-lang's
patricia_utils.compute_patricia_from_leaves_for_test.

Each case is (height, leaves before, updates {key: new value}); a value of 0 is an empty leaf.
"""
import json
import os
import sys

from starkware.cairo.common.patricia_utils import compute_patricia_from_leaves_for_test
from starkware.cairo.common.poseidon_hash import poseidon_hash
from starkware.crypto.signature.fast_pedersen_hash import pedersen_hash

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(REPO, "testdata", "corpus")
EMPTY = (0, 0, 0)


def build(height, leaves, hash_func, preimage):
    """The node triplet of the subtree holding leaves (index -> non-zero value)."""
    if not leaves:
        return EMPTY
    if height == 0:
        return (0, 0, leaves[0])
    half = 2 ** (height - 1)
    left = build(height - 1, {i: v for i, v in leaves.items() if i < half}, hash_func, preimage)
    right = build(
        height - 1, {i - half: v for i, v in leaves.items() if i >= half}, hash_func, preimage
    )
    if left == EMPTY:
        return (right[0] + 1, right[1] + 2 ** right[0], right[2])
    if right == EMPTY:
        return (left[0] + 1, left[1], left[2])
    lh, rh = node_hash(left, hash_func, preimage), node_hash(right, hash_func, preimage)
    h = hash_func(lh, rh)
    preimage[h] = (lh, rh)
    return (0, 0, h)


def node_hash(e, hash_func, preimage):
    length, path, bottom = e
    if length == 0:
        return bottom
    h = hash_func(bottom, path) + length
    preimage[h] = e
    return h


def root(height, leaves, hash_func, preimage):
    leaves = {k: v for k, v in leaves.items() if v != 0}
    r = node_hash(build(height, leaves, hash_func, preimage), hash_func, preimage)
    if height <= 6:
        ref, _, _ = compute_patricia_from_leaves_for_test(
            [leaves.get(i, 0) for i in range(2**height)], hash_func
        )
        assert ref == r, (height, leaves)
    return r


PEDERSEN_CASES = [
    # Dense tree: binary nodes everywhere, changes, a deletion and insertions.
    (3, {0: 1, 1: 2, 3: 4, 5: 6, 6: 7}, {1: 20, 2: 30, 3: 0, 7: 80}),
    # One leaf replaced in a full tree of height 2.
    (2, {0: 5, 1: 6, 2: 7, 3: 8}, {2: 70}),
    # Sparse tree of height 10: edges split on both sides, descents, a leaf rewritten to its value.
    (10, {5: 55, 700: 77, 701: 78}, {4: 44, 5: 55, 640: 64, 1023: 99}),
    (10, {5: 55, 700: 77, 701: 78}, {6: 66, 703: 88}),
    # Edges of length 1 above binary nodes (the bottom's preimage on the new tree).
    (4, {0: 1, 1: 2, 8: 3}, {9: 4}),
    (4, {2: 1, 3: 2, 12: 3, 13: 4}, {0: 9, 15: 8}),
    # Height 251 (Starknet's), keys far apart and adjacent.
    (251, {17: 1700, 2**250 + 3: 9}, {16: 1600, 2**250 + 3: 10, 2**251 - 1: 11}),
    # From the empty tree; and back to it.
    (8, {}, {3: 33, 4: 44, 200: 2}),
    (5, {1: 10, 30: 300}, {1: 0, 30: 0}),
    # Everything replaced in a small tree.
    (1, {0: 3}, {0: 0, 1: 4}),
    # Height 0: the root is the leaf.
    (0, {0: 12}, {0: 13}),
    # An empty leaf written empty beside an edge of length 1 over a binary node: the traversal
    # of the new tree opens the edge's bottom.
    (2, {0: 1, 1: 2}, {3: 0}),
    (6, {8: 1, 9: 2, 11: 3}, {15: 0, 40: 0}),
]

POSEIDON_CASES = [
    (3, {0: 1, 1: 2, 3: 4, 5: 6, 6: 7}, {1: 20, 2: 30, 3: 0, 7: 80}),
    (10, {5: 55, 700: 77, 701: 78}, {4: 44, 640: 64, 1023: 99}),
    (251, {17: 1700, 2**250 + 3: 9}, {16: 1600, 2**250 + 3: 10}),
    (2, {0: 1, 1: 2}, {3: 0}),
]

PREIMAGE_HINT = """    %{
        # Test input: the Patricia preimage (node hash -> pair or (length, path, bottom)).
        preimage = {int(h): tuple(v) for h, v in program_input['preimage'].items()}
    %}"""


def cases_code(cases, hash_func, preimage, indent):
    lines = []
    for n, (height, before, updates) in enumerate(cases):
        after = dict(before)
        after.update(updates)
        prev_root = root(height, before, hash_func, preimage)
        new_root = root(height, after, hash_func, preimage)
        lines.append(f"    // Case {n}: height {height}, {len(updates)} update(s).")
        lines.append(f"    let (u{n}: DictAccess*) = alloc();")
        for i, k in enumerate(sorted(updates)):
            lines.append(
                f"    assert u{n}[{i}] = DictAccess(key={k}, prev_value={before.get(k, 0)}, "
                f"new_value={updates[k]});"
            )
        lines.append(
            f"    update(u{n}, {len(updates)}, {height}, {prev_root}, {new_root});"
        )
    return "\n".join(indent + l[4:] for l in lines)


def write(name, *parts):
    with open(os.path.join(CORPUS, name + ".cairo"), "w") as f:
        f.write("".join(parts))


def input_json(preimage):
    return json.dumps(
        {"preimage": {str(k): list(v) for k, v in sorted(preimage.items())}}, indent=1
    ) + "\n"


def main():
    # patricia_update with Pedersen.
    pre = {}
    body = cases_code(PEDERSEN_CASES, pedersen_hash, pre, "        ")
    name = "hint_patricia_update"
    with open(os.path.join(CORPUS, name + ".input.json"), "w") as f:
        f.write(input_json(pre))
    write(
        name,
        f"""// cairo-run: --layout small --program_input {name}.input.json
%builtins output pedersen range_check
// GENERATED by scripts/gen-patricia-corpus.py: edit the script, not this file.
// patricia_update (common/patricia.cairo) on Pedersen Patricia trees of heights 0 to 251: dense
// and sparse trees, insertions, deletions, a tree built from empty and one emptied, edges split
// and descended, and an update with no modification. The preimage comes from the program input.
// Hints: every patricia.cairo hint (update tree and descent map, decode_node cases, scopes,
// open_edge, the edge bottom's preimage, descents, bits).
// Expected outcome: success; the output is each case's (prev_root, new_root).
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.cairo_builtins import HashBuiltin
from starkware.cairo.common.dict_access import DictAccess
from starkware.cairo.common.patricia import patricia_update
from starkware.cairo.common.serialize import serialize_word

func update{{output_ptr: felt*, hash_ptr: HashBuiltin*, range_check_ptr}}(
    u: DictAccess*, n: felt, height: felt, prev_root: felt, new_root: felt
) {{
    patricia_update(update_ptr=u, n_updates=n, height=height, prev_root=prev_root, new_root=new_root);
    serialize_word(prev_root);
    serialize_word(new_root);
    return ();
}}

func main{{output_ptr: felt*, pedersen_ptr: HashBuiltin*, range_check_ptr}}() {{
    alloc_locals;
{PREIMAGE_HINT}
    let hash_ptr = pedersen_ptr;
    with hash_ptr {{
""",
        body
        + """
        // No modification: the roots must be equal and no hint runs.
        let (u_none: DictAccess*) = alloc();
        update(u_none, 0, 10, 1234, 1234);
    }
    let pedersen_ptr = hash_ptr;
    return ();
}
""",
    )

    # patricia_with_poseidon (patricia_with_sponge's hints) with Poseidon.
    pre = {}
    body = cases_code(POSEIDON_CASES, poseidon_hash, pre, "    ")
    name = "hint_patricia_poseidon"
    with open(os.path.join(CORPUS, name + ".input.json"), "w") as f:
        f.write(input_json(pre))
    write(
        name,
        f"""// cairo-run: --layout starknet --program_input {name}.input.json
%builtins output pedersen range_check ecdsa bitwise ec_op poseidon
// GENERATED by scripts/gen-patricia-corpus.py: edit the script, not this file.
// patricia_with_poseidon's patricia_update_using_update_constants (its traversal is
// common/patricia_with_sponge.cairo, hashing with the poseidon builtin as a sponge) on Poseidon
// Patricia trees of heights 3, 10 and 251. The preimage comes from the program input.
// Hints: patricia_with_sponge.cairo's hints (the same codes as patricia.cairo's).
// Expected outcome: success; the output is each case's (prev_root, new_root).
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.cairo_builtins import HashBuiltin, PoseidonBuiltin
from starkware.cairo.common.dict_access import DictAccess
from starkware.cairo.common.patricia import patricia_update_constants_new
from starkware.cairo.common.patricia_with_poseidon import patricia_update_using_update_constants
from starkware.cairo.common.serialize import serialize_word

func update{{output_ptr: felt*, poseidon_ptr: PoseidonBuiltin*, range_check_ptr}}(
    u: DictAccess*, n: felt, height: felt, prev_root: felt, new_root: felt
) {{
    alloc_locals;
    let (local constants) = patricia_update_constants_new();
    patricia_update_using_update_constants(
        patricia_update_constants=constants,
        update_ptr=u,
        n_updates=n,
        height=height,
        prev_root=prev_root,
        new_root=new_root,
    );
    serialize_word(prev_root);
    serialize_word(new_root);
    return ();
}}

func main{{
    output_ptr: felt*,
    pedersen_ptr: HashBuiltin*,
    range_check_ptr,
    ecdsa_ptr: felt*,
    bitwise_ptr: felt*,
    ec_op_ptr: felt*,
    poseidon_ptr: PoseidonBuiltin*,
}}() {{
    alloc_locals;
{PREIMAGE_HINT}
"""
        + body
        + """
    return ();
}
""",
    )
    print("wrote hint_patricia_update and hint_patricia_poseidon", file=sys.stderr)


if __name__ == "__main__":
    main()
