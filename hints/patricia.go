package hints

import (
	"fmt"
	"math/big"

	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/vm/memory"
)

// The hints of common/patricia.cairo and common/patricia_with_sponge.cairo
// (the same codes: the sponge variant differs only in Cairo), with
// common/patricia_utils.py's patricia_guess_descents and
// python/merkle_tree.py's build_update_tree and decode_node.
//
// Exec-scope variables:
//   - preimage: PatriciaPreimage (or the merklePreimage of
//     get_preimage_dictionary), put there by the caller: node hash -> its
//     two children (binary node) or (length, path, bottom) (edge node).
//   - node, left_child, right_child, new_node: *mtNode, build_update_tree
//     trees (nil is None).
//   - case: string, decode_node's 'left' / 'right' / 'both'.
//   - descent_map: descentMap; descend: *descent (nil is None).
//   - common_args: *patriciaArgs, the dict every traversal scope is
//     entered with (it holds itself).
//   - __patricia_skip_validation_runner: nil (None); Cairn has no runner
//     object to skip validations with.

// PatriciaPreimage is the preimage patricia_update's hints read from the
// exec scope as `preimage`: a node's hash to its children (2 values) or to
// its edge (length, path, bottom). A caller puts it in the main scope
// before the run reaches patricia_update, as the Starknet OS does.
type PatriciaPreimage map[felt.Felt][]felt.Felt

// maxPatriciaHeight bounds the update trees the hints build: cairo-lang
// loops height times (Cairo checks height <= 251 only after the hint), so
// a larger height would never end.
const maxPatriciaHeight = 1 << 16

// patriciaArgs is common_args: dict(preimage=..., descent_map=...,
// __patricia_skip_validation_runner=...), with common_args itself.
type patriciaArgs struct {
	preimage   any
	descentMap descentMap
	skip       any
}

// descentKey is (height, path) of the node a descent starts at.
type descentKey struct{ height, path felt.Felt }

// descent is (length, word): the subpath the traversal skips.
type descent struct{ length, word felt.Felt }

type descentMap map[descentKey]*descent

// triplet is patricia_utils' (length, path, bottom) node encoding.
type triplet struct {
	length uint64
	path   *big.Int
	bottom felt.Felt
}

func (t triplet) empty() bool { return t.length == 0 && t.path.Sign() == 0 && t.bottom.IsZero() }

var emptyTriplet = triplet{path: new(big.Int)}

// preimageEntry is preimage[key] (a KeyError when absent).
func preimageEntry(pre any, key felt.Felt) ([]felt.Felt, bool, error) {
	switch p := pre.(type) {
	case PatriciaPreimage:
		v, ok := p[key]
		return v, ok, nil
	case merklePreimage:
		v, ok := p[key]
		if !ok {
			return nil, false, nil
		}
		return v[:], true, nil
	}
	return nil, false, fmt.Errorf("preimage in the exec scope is a %T; Cairn supports hints.PatriciaPreimage", pre)
}

func preimageGet(pre any, key felt.Felt) ([]felt.Felt, error) {
	v, ok, err := preimageEntry(pre, key)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, pyErr("KeyError", "%s", key.BigInt())
	}
	return v, nil
}

// unpackN is Python's tuple unpacking of a preimage entry into n targets.
func unpackN(v []felt.Felt, n int) error {
	switch {
	case len(v) > n:
		return pyErr("ValueError", "too many values to unpack (expected %d)", n)
	case len(v) < n:
		return pyErr("ValueError", "not enough values to unpack (expected %d, got %d)", n, len(v))
	}
	return nil
}

// canonic is patricia_utils.canonic: the preimage's triplet of an edge
// node, else (0, 0, hash).
func canonic(pre any, h felt.Felt) (triplet, error) {
	v, ok, err := preimageEntry(pre, h)
	if err != nil {
		return triplet{}, err
	}
	if ok && len(v) == 3 {
		if !v[0].BigInt().IsUint64() || v[0].Uint64() > maxPatriciaHeight {
			return triplet{}, fmt.Errorf("preimage[%s]: edge length %s is out of reach", h.BigInt(), v[0].BigInt())
		}
		return triplet{length: v[0].Uint64(), path: v[1].BigInt(), bottom: v[2]}, nil
	}
	return triplet{path: new(big.Int), bottom: h}, nil
}

// children is patricia_utils.get_children.
func (t triplet) children(pre any) (l, r triplet, err error) {
	if t.length == 0 {
		lh, rh := felt.Felt{}, felt.Felt{}
		if !t.bottom.IsZero() {
			v, err := preimageGet(pre, t.bottom)
			if err != nil {
				return l, r, err
			}
			if err := unpackN(v, 2); err != nil {
				return l, r, err
			}
			lh, rh = v[0], v[1]
		}
		if l, err = canonic(pre, lh); err != nil {
			return l, r, err
		}
		r, err = canonic(pre, rh)
		return l, r, err
	}
	top := new(big.Int).Rsh(t.path, uint(t.length-1))
	if top.Sign() == 0 {
		return triplet{length: t.length - 1, path: t.path, bottom: t.bottom}, emptyTriplet, nil
	}
	rest := new(big.Int).Sub(t.path, pow2(uint(t.length-1)))
	return emptyTriplet, triplet{length: t.length - 1, path: rest, bottom: t.bottom}, nil
}

// descNode is a tree get_descents walks: a build_update_tree node or a
// patricia_utils.preimage_tree generator (opened only when unpacked, as
// the generator is). A nil descNode is None.
type descNode interface {
	unpack() (l, r descNode, err error)
}

type updateNode struct{ n *mtNode }

func (u updateNode) unpack() (descNode, descNode, error) {
	if u.n.leaf {
		return nil, nil, pyErr("TypeError", "cannot unpack non-iterable int object")
	}
	return asDescNode(u.n.left), asDescNode(u.n.right), nil
}

func asDescNode(n *mtNode) descNode {
	if n == nil {
		return nil
	}
	return updateNode{n}
}

// preimageTree is preimage_tree(height, preimage, node).
type preimageTree struct {
	height uint64
	node   triplet
	pre    any
}

func (p preimageTree) unpack() (descNode, descNode, error) {
	if p.height == 0 {
		return nil, nil, pyErr("ValueError", "not enough values to unpack (expected 2, got 1)")
	}
	l, r, err := p.node.children(p.pre)
	if err != nil {
		return nil, nil, err
	}
	var ln, rn descNode
	if !l.empty() {
		ln = preimageTree{p.height - 1, l, p.pre}
	}
	if !r.empty() {
		rn = preimageTree{p.height - 1, r, p.pre}
	}
	return ln, rn, nil
}

// getDescents is patricia_utils.get_descents, adding to res.
func getDescents(height uint64, path *big.Int, nodes []descNode, res descentMap) error {
	if nodes[0] == nil {
		return nil
	}
	origHeight, origPath := height, path
	var lefts, rights []descNode
	for height > 0 {
		lefts, rights = make([]descNode, len(nodes)), make([]descNode, len(nodes))
		allLeftNone, allRightNone := true, true
		for i, n := range nodes {
			if n == nil {
				continue
			}
			l, r, err := n.unpack()
			if err != nil {
				return err
			}
			lefts[i], rights[i] = l, r
			allLeftNone = allLeftNone && l == nil
			allRightNone = allRightNone && r == nil
		}
		if allLeftNone {
			nodes = rights
			path = new(big.Int).Add(new(big.Int).Lsh(path, 1), big1(1))
		} else if allRightNone {
			nodes = lefts
			path = new(big.Int).Lsh(path, 1)
		} else {
			break
		}
		height--
	}
	if length := origHeight - height; length > 1 {
		word := new(big.Int).Mod(path, pow2(uint(length)))
		res[descentKey{felt.FromUint64(origHeight), felt.FromBigInt(origPath)}] =
			&descent{felt.FromUint64(length), felt.FromBigInt(word)}
	}
	if height > 0 {
		p2 := new(big.Int).Lsh(path, 1)
		if err := getDescents(height-1, p2, lefts, res); err != nil {
			return err
		}
		return getDescents(height-1, new(big.Int).Add(p2, big1(1)), rights, res)
	}
	return nil
}

// patriciaGuessDescents is patricia_utils.patricia_guess_descents.
func patriciaGuessDescents(height uint64, node *mtNode, pre any, prevRoot, newRoot felt.Felt) (descentMap, error) {
	prev, err := canonic(pre, prevRoot)
	if err != nil {
		return nil, err
	}
	next, err := canonic(pre, newRoot)
	if err != nil {
		return nil, err
	}
	res := descentMap{}
	nodes := []descNode{asDescNode(node), preimageTree{height, prev, pre}, preimageTree{height, next, pre}}
	return res, getDescents(height, new(big.Int), nodes, res)
}

func scopeArgs(c *Context) (*patriciaArgs, error) {
	v, ok := c.Scope()["common_args"]
	if !ok {
		return nil, nameError("common_args")
	}
	a, ok := v.(*patriciaArgs)
	if !ok {
		return nil, fmt.Errorf("common_args in the exec scope is a %T, not patricia_update's", v)
	}
	return a, nil
}

func scopeAny(c *Context, name string) (any, error) {
	v, ok := c.Scope()[name]
	if !ok {
		return nil, nameError(name)
	}
	return v, nil
}

// patriciaSkip checks __patricia_skip_validation_runner (only None is
// supported).
func patriciaSkip(c *Context) error {
	v, err := scopeAny(c, "__patricia_skip_validation_runner")
	if err != nil {
		return err
	}
	if v != nil {
		return fmt.Errorf("__patricia_skip_validation_runner is set (%T); Cairn supports only None", v)
	}
	return nil
}

// enterTraversal is vm_enter_scope(dict(node=n, **common_args)).
func enterTraversal(c *Context, n *mtNode) error {
	a, err := scopeArgs(c)
	if err != nil {
		return err
	}
	c.EnterScope(map[string]any{"node": n, "preimage": a.preimage, "descent_map": a.descentMap,
		"__patricia_skip_validation_runner": a.skip, "common_args": a})
	return nil
}

// enterChild enters the traversal scope of the scope variable name.
func enterChild(name string) Func {
	return func(c *Context) error {
		n, err := scopeNode(c, name)
		if err != nil {
			return err
		}
		return enterTraversal(c, n)
	}
}

// decodeToScope is left_child, right_child, case = decode_node(node).
func decodeToScope(c *Context) (string, error) {
	n, err := scopeNode(c, "node")
	if err != nil {
		return "", err
	}
	l, r, kase, err := decodeNode(n)
	if err != nil {
		return "", err
	}
	s := c.Scope()
	s["left_child"], s["right_child"], s["case"] = l, r, kase
	return kase, nil
}

func scopePreimageAny(c *Context) (any, error) { return scopeAny(c, "preimage") }

// preimageOf is preimage[ids.<path>], unpacked into n targets (n = 0: not
// unpacked); it returns ids.<path> too.
func preimageOf(c *Context, path string, n int) (felt.Felt, []felt.Felt, error) {
	pre, err := scopePreimageAny(c)
	if err != nil {
		return felt.Felt{}, nil, err
	}
	key, err := c.Felt(path)
	if err != nil {
		return key, nil, err
	}
	v, err := preimageGet(pre, key)
	if err == nil && n > 0 {
		err = unpackN(v, n)
	}
	return key, v, err
}

// scopeDescend is the descend an earlier hint looked up.
func scopeDescend(c *Context) (*descent, error) {
	v, err := scopeAny(c, "descend")
	if err != nil {
		return nil, err
	}
	d, ok := v.(*descent)
	if !ok {
		return nil, fmt.Errorf("descend in the exec scope is a %T", v)
	}
	if d == nil {
		return nil, pyErr("TypeError", "cannot unpack non-iterable NoneType object")
	}
	return d, nil
}

// childOf is left_child if left else right_child, set as new_node.
func childOf(c *Context, left bool) (*mtNode, error) {
	name := "right_child"
	if left {
		name = "left_child"
	}
	n, err := scopeNode(c, name)
	if err != nil {
		return nil, err
	}
	c.Scope()["new_node"] = n
	return n, nil
}

// assertCase is `assert case == '<want>'`.
func assertCase(want string) Func {
	return func(c *Context) error {
		kase, err := scopeCase(c)
		if err != nil {
			return err
		}
		if kase != want {
			return assertf("")
		}
		return nil
	}
}

// patriciaHeight is ids.height as the bounded loop count of the update tree.
func patriciaHeight(c *Context) (*big.Int, uint64, error) {
	h, err := c.Int("height")
	if err != nil {
		return nil, 0, err
	}
	if !h.IsUint64() || h.Uint64() > maxPatriciaHeight {
		return nil, 0, fmt.Errorf("ids.height = %v: an update tree that tall is out of reach (cairo-lang would not finish)", h)
	}
	return h, h.Uint64(), nil
}

func init() {
	register(`
        from starkware.cairo.common.patricia_utils import canonic, patricia_guess_descents
        from starkware.python.merkle_tree import build_update_tree

        # Build modifications list.
        modifications = []
        DictAccess_key = ids.DictAccess.key
        DictAccess_new_value = ids.DictAccess.new_value
        DictAccess_SIZE = ids.DictAccess.SIZE
        for i in range(ids.n_updates):
            curr_update_ptr = ids.update_ptr.address_ + i * DictAccess_SIZE
            modifications.append((
                memory[curr_update_ptr + DictAccess_key],
                memory[curr_update_ptr + DictAccess_new_value]))

        node = build_update_tree(ids.height, modifications)
        descent_map = patricia_guess_descents(
            ids.height, node, preimage, ids.prev_root, ids.new_root)
        del modifications
        __patricia_skip_validation_runner = globals().get(
            '__patricia_skip_validation_runner')

        common_args = dict(
            preimage=preimage, descent_map=descent_map,
            __patricia_skip_validation_runner=__patricia_skip_validation_runner)
        common_args['common_args'] = common_args
    `, func(c *Context) error {
		mods, err := updateModifications(c)
		if err != nil {
			return err
		}
		hBig, height, err := patriciaHeight(c)
		if err != nil {
			return err
		}
		node, err := buildUpdateTree(hBig, mods)
		if err != nil {
			return err
		}
		pre, err := scopePreimageAny(c)
		if err != nil {
			return err
		}
		prevRoot, err := c.Felt("prev_root")
		if err != nil {
			return err
		}
		newRoot, err := c.Felt("new_root")
		if err != nil {
			return err
		}
		dm, err := patriciaGuessDescents(height, node, pre, prevRoot, newRoot)
		if err != nil {
			return err
		}
		s := c.Scope()
		skip := s["__patricia_skip_validation_runner"]
		if skip != nil {
			return fmt.Errorf("__patricia_skip_validation_runner is set (%T); Cairn supports only None", skip)
		}
		s["node"], s["descent_map"], s["__patricia_skip_validation_runner"] = node, dm, nil
		s["common_args"] = &patriciaArgs{preimage: pre, descentMap: dm}
		return nil
	})

	register(`vm_enter_scope(dict(node=node, **common_args))`, enterChild("node"))
	register(`vm_enter_scope(dict(node=left_child, **common_args))`, enterChild("left_child"))
	register(`vm_enter_scope(dict(node=right_child, **common_args))`, enterChild("right_child"))

	// traverse_empty, traverse_edge: one child or both?
	for _, code := range []string{`
        from starkware.python.merkle_tree import decode_node
        left_child, right_child, case = decode_node(node)
        memory[ap] = 1 if case != 'both' else 0
    `, `
        from starkware.python.merkle_tree import decode_node
        left_child, right_child, case = decode_node(node)
        memory[ap] = int(case != 'both')
    `} {
		register(code, func(c *Context) error {
			kase, err := decodeToScope(c)
			if err != nil {
				return err
			}
			return c.SetAP(0, boolValue(kase != "both"))
		})
	}

	register(`
        descend = descent_map.get((ids.height, ids.path))
        memory[ap] = 0 if descend is None else 1
    `, func(c *Context) error {
		v, err := scopeAny(c, "descent_map")
		if err != nil {
			return err
		}
		dm, ok := v.(descentMap)
		if !ok {
			return fmt.Errorf("descent_map in the exec scope is a %T", v)
		}
		h, err := c.Felt("height")
		if err != nil {
			return err
		}
		p, err := c.Felt("path")
		if err != nil {
			return err
		}
		d := dm[descentKey{h, p}]
		c.Scope()["descend"] = d
		return c.SetAP(0, boolValue(d != nil))
	})

	register(`
        ids.child_bit = 0 if case == 'left' else 1
        new_node = left_child if case == 'left' else right_child
        vm_enter_scope(dict(node=new_node, **common_args))
    `, func(c *Context) error {
		kase, err := scopeCase(c)
		if err != nil {
			return err
		}
		if err := c.Set("child_bit", boolValue(kase != "left")); err != nil {
			return err
		}
		n, err := childOf(c, kase == "left")
		if err != nil {
			return err
		}
		return enterTraversal(c, n)
	})

	register(`memory[ids.siblings], ids.word = descend`, func(c *Context) error {
		d, err := scopeDescend(c)
		if err != nil {
			return err
		}
		sib, err := c.Get("siblings")
		if err != nil {
			return err
		}
		p, ok := sib.Ptr()
		if !ok {
			return pyErr("TypeError", "Key %v is not a valid memory address", sib)
		}
		if err := c.Mem.Set(p, memory.FromFelt(d.length)); err != nil {
			return err
		}
		return c.SetFelt("word", d.word)
	})
	register(`ids.length, ids.word = descend`, func(c *Context) error {
		d, err := scopeDescend(c)
		if err != nil {
			return err
		}
		if err := c.SetFelt("length", d.length); err != nil {
			return err
		}
		return c.SetFelt("word", d.word)
	})

	register(`
        new_node = node
        for i in range(ids.length - 1, -1, -1):
            new_node = new_node[(ids.word >> i) & 1]
        vm_enter_scope(dict(node=new_node, **common_args))
    `, func(c *Context) error {
		n, err := scopeNode(c, "node")
		if err != nil {
			return err
		}
		length, err := c.Int("length")
		if err != nil {
			return err
		}
		word, err := c.Int("word")
		if err != nil {
			return err
		}
		// The walk ends at a leaf or None after at most the tree's height
		// steps; bits above the word's are 0.
		for i := new(big.Int).Sub(length, big1(1)); i.Sign() >= 0; i.Sub(i, big1(1)) {
			switch {
			case n == nil:
				return pyErr("TypeError", "'NoneType' object is not subscriptable")
			case n.leaf:
				if _, isPtr := n.value.Ptr(); isPtr {
					return pyErr("TypeError", "'RelocatableValue' object is not subscriptable")
				}
				return pyErr("TypeError", "'int' object is not subscriptable")
			}
			if i.IsUint64() && i.Uint64() < uint64(word.BitLen()) && word.Bit(int(i.Uint64())) == 1 {
				n = n.right
			} else {
				n = n.left
			}
		}
		c.Scope()["new_node"] = n
		return enterTraversal(c, n)
	})

	// open_edge.
	register(`
        ids.edge = segments.add()
        ids.edge.length, ids.edge.path, ids.edge.bottom = preimage[ids.node]
        ids.hash_ptr.result = ids.node - ids.edge.length
        if __patricia_skip_validation_runner is not None:
            # Skip validation of the preimage dict to speed up the VM. When this flag is set,
            # mistakes in the preimage dict will be discovered only in the prover.
            __patricia_skip_validation_runner.verified_addresses.add(
                ids.hash_ptr + ids.HashBuiltin.result)
    `, func(c *Context) error {
		if err := c.Set("edge", memory.FromPtr(c.Mem.AddSegment())); err != nil {
			return err
		}
		node, v, err := preimageOf(c, "node", 3)
		if err != nil {
			return err
		}
		for i, m := range []string{"edge.length", "edge.path", "edge.bottom"} {
			if err := c.SetFelt(m, v[i]); err != nil {
				return err
			}
		}
		length, err := c.Felt("edge.length")
		if err != nil {
			return err
		}
		if err := c.SetFelt("hash_ptr.result", node.Sub(length)); err != nil {
			return err
		}
		return patriciaSkip(c)
	})

	// traverse_edge: the bit the edge starts with, and which child is empty.
	register(`ids.bit = (ids.edge.path >> ids.new_length) & 1`, func(c *Context) error {
		path, err := c.Int("edge.path")
		if err != nil {
			return err
		}
		n, err := c.Int("new_length")
		if err != nil {
			return err
		}
		bit := uint(0)
		if n.IsUint64() && n.Uint64() < uint64(path.BitLen()) {
			bit = path.Bit(int(n.Uint64()))
		}
		return c.SetFelt("bit", felt.FromUint64(uint64(bit)))
	})
	register(`memory[ap] = int(case == 'right') ^ ids.bit`, func(c *Context) error {
		kase, err := scopeCase(c)
		if err != nil {
			return err
		}
		bit, err := c.Int("bit")
		if err != nil {
			return err
		}
		r := big1(0)
		if kase == "right" {
			r = big1(1)
		}
		return c.SetAP(0, feltValue(r.Xor(r, bit)))
	})
	for _, want := range []int64{0, 1} {
		want := want
		register(fmt.Sprintf(`
            new_node = left_child if ids.bit == %d else right_child
            vm_enter_scope(dict(node=new_node, **common_args))
        `, want), func(c *Context) error {
			bit, err := c.Int("bit")
			if err != nil {
				return err
			}
			n, err := childOf(c, bit.Cmp(big1(want)) == 0)
			if err != nil {
				return err
			}
			return enterTraversal(c, n)
		})
	}
	register(`
        ids.hash_ptr.x, ids.hash_ptr.y = preimage[ids.edge.bottom]
        if __patricia_skip_validation_runner:
            # Skip validation of the preimage dict to speed up the VM. When this flag is
            # set, mistakes in the preimage dict will be discovered only in the prover.
            __patricia_skip_validation_runner.verified_addresses.add(
                ids.hash_ptr + ids.HashBuiltin.result)
    `, func(c *Context) error {
		_, v, err := preimageOf(c, "edge.bottom", 2)
		if err != nil {
			return err
		}
		if err := c.SetFelt("hash_ptr.x", v[0]); err != nil {
			return err
		}
		if err := c.SetFelt("hash_ptr.y", v[1]); err != nil {
			return err
		}
		return patriciaSkip(c)
	})

	// traverse_binary_or_leaf.
	register(`
        from starkware.python.merkle_tree import decode_node
        left_child, right_child, case = decode_node(node)
        left_hash, right_hash = preimage[ids.node]

        # Fill non deterministic hashes.
        hash_ptr = ids.current_hash.address_
        memory[hash_ptr + ids.HashBuiltin.x] = left_hash
        memory[hash_ptr + ids.HashBuiltin.y] = right_hash

        if __patricia_skip_validation_runner:
            # Skip validation of the preimage dict to speed up the VM. When this flag is set,
            # mistakes in the preimage dict will be discovered only in the prover.
            __patricia_skip_validation_runner.verified_addresses.add(
                hash_ptr + ids.HashBuiltin.result)

        memory[ap] = int(case != 'both')
    `, func(c *Context) error {
		kase, err := decodeToScope(c)
		if err != nil {
			return err
		}
		_, v, err := preimageOf(c, "node", 2)
		if err != nil {
			return err
		}
		hp, err := c.Ptr("current_hash.address_")
		if err != nil {
			return err
		}
		hs, err := memoStruct(c, "HashBuiltin")
		if err != nil {
			return err
		}
		c.Scope()["hash_ptr"] = hp
		if err := c.Mem.Set(hp.AddUint(uint64(hs.Members["x"].Offset)), memory.FromFelt(v[0])); err != nil {
			return err
		}
		if err := c.Mem.Set(hp.AddUint(uint64(hs.Members["y"].Offset)), memory.FromFelt(v[1])); err != nil {
			return err
		}
		if err := patriciaSkip(c); err != nil {
			return err
		}
		return c.SetAP(0, boolValue(kase != "both"))
	})
	register(`assert case == 'right'`, assertCase("right"))

	// traverse_non_empty: binary (or leaf) node, or edge?
	register(`memory[ap] = 1 if ids.height == 0 or len(preimage[ids.node]) == 2 else 0`, func(c *Context) error {
		h, err := c.Int("height")
		if err != nil {
			return err
		}
		if h.Sign() == 0 {
			return c.SetAP(0, boolValue(true))
		}
		_, v, err := preimageOf(c, "node", 0)
		if err != nil {
			return err
		}
		return c.SetAP(0, boolValue(len(v) == 2))
	})
}
