package hints

import (
	"fmt"
	"math/big"

	"github.com/cairn-vm/cairn/crypto/pedersen"
	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/vm/memory"
)

// The hints of common/small_merkle_tree.cairo (get_preimage_dictionary,
// common/small_merkle_tree.py's MerkleTree with Pedersen hashes),
// common/merkle_multi_update.cairo (python/merkle_tree.py's
// build_update_tree and decode_node) and common/merkle_update.cairo.
//
// Exec-scope variables:
//   - preimage: merklePreimage, node hash -> its two children, as
//     get_preimage_dictionary returns it (merkle_multi_update reads it from
//     the scope: small_merkle_tree_update puts it there).
//   - node, left_child, right_child: *mtNode, a build_update_tree tree
//     (nil is Python's None).
//   - case: string, 'left' / 'right' / 'both' (decode_node) or 'leaf'.
//   - __merkle_multi_update_skip_validation_runner: nil (None); Cairn has
//     no runner object to skip validations with.
//   - auth_path: *[]memory.Value, merkle_update's authentication path
//     (popped from the end); no library hint sets it.

// mtNode is a build_update_tree tree: a leaf (the modification's value) or
// a pair of trees, either of which may be nil (None).
type mtNode struct {
	leaf        bool
	value       memory.Value
	left, right *mtNode
}

// merklePreimage is get_preimage_dictionary's preimage.
type merklePreimage map[felt.Felt][2]felt.Felt

// halfIndex is Python's index // 2 on a non-negative int.
func halfIndex(v memory.Value) (memory.Value, error) {
	f, ok := v.Felt()
	if !ok {
		return v, pyErr("TypeError", "unsupported operand type(s) for //: 'RelocatableValue' and 'int'")
	}
	return feltValue(new(big.Int).Rsh(f.BigInt(), 1)), nil
}

// buildUpdateTree is merkle_tree.build_update_tree(height, modifications):
// the subtree induced by the modified leaves (a later modification of an
// index wins).
func buildUpdateTree(height *big.Int, mods [][2]memory.Value) (*mtNode, error) {
	if len(mods) == 0 {
		return nil, nil
	}
	layer := map[memory.Value]*mtNode{}
	for _, m := range mods {
		layer[m[0]] = &mtNode{leaf: true, value: m[1]}
	}
	for h := new(big.Int); h.Cmp(height) < 0; h.Add(h, big1(1)) {
		next := map[memory.Value]*mtNode{}
		for k := range layer {
			p, err := halfIndex(k)
			if err != nil {
				return nil, err
			}
			if _, ok := next[p]; ok {
				continue
			}
			pf := p.MustFelt()
			l := layer[memory.FromFelt(pf.Add(pf))]
			r := layer[memory.FromFelt(pf.Add(pf).Add(felt.One()))]
			next[p] = &mtNode{left: l, right: r}
		}
		layer = next
	}
	if len(layer) != 1 {
		return nil, assertf("")
	}
	root, ok := layer[memory.FromUint64(0)]
	if !ok {
		return nil, pyErr("KeyError", "0")
	}
	return root, nil
}

// decodeNode is merkle_tree.decode_node(node).
func decodeNode(n *mtNode) (l, r *mtNode, kase string, err error) {
	if n == nil {
		return nil, nil, "", pyErr("TypeError", "cannot unpack non-iterable NoneType object")
	}
	if n.leaf {
		return nil, nil, "", pyErr("TypeError", "cannot unpack non-iterable int object")
	}
	switch {
	case n.left == nil:
		if n.right == nil {
			return nil, nil, "", assertf("No updates in tree")
		}
		kase = "right"
	case n.right == nil:
		kase = "left"
	default:
		kase = "both"
	}
	return n.left, n.right, kase, nil
}

// merkleTree is small_merkle_tree.MerkleTree: node values by index (the
// root is 1, the leaves start at 2**height) and the preimage of every hash
// computed.
type merkleTree struct {
	height   *big.Int
	defLeaf  felt.Felt
	nodes    map[string]felt.Felt
	preimage merklePreimage
}

func newMerkleTree(height *big.Int, defLeaf felt.Felt) *merkleTree {
	root := defLeaf
	for h := new(big.Int); h.Cmp(height) < 0; h.Add(h, big1(1)) {
		root = pedersen.Hash(root, root)
	}
	return &merkleTree{height: height, defLeaf: defLeaf,
		nodes: map[string]felt.Felt{"1": root}, preimage: merklePreimage{}}
}

// computeRoot is MerkleTree.compute_merkle_root(modifications).
func (t *merkleTree) computeRoot(mods [][2]memory.Value) (felt.Felt, error) {
	if len(mods) == 0 {
		return t.nodes["1"], nil
	}
	if !t.height.IsUint64() || t.height.Uint64() > 1<<16 {
		return felt.Felt{}, fmt.Errorf("tree height %v: 2**height is out of reach", t.height)
	}
	offset := new(big.Int).Lsh(big1(1), uint(t.height.Uint64()))
	def := t.defLeaf
	indices := map[string]*big.Int{}
	for _, m := range mods {
		idx, ok := m[0].Felt()
		if !ok {
			return felt.Felt{}, pyErr("TypeError", "unsupported operand type(s) for //: 'RelocatableValue' and 'int'")
		}
		v, ok := m[1].Felt()
		if !ok {
			return felt.Felt{}, pyErr("TypeError", "pedersen_hash: a RelocatableValue is not an integer")
		}
		n := new(big.Int).Add(offset, idx.BigInt())
		t.nodes[n.Text(16)] = v
		p := new(big.Int).Rsh(n, 1)
		indices[p.Text(16)] = p
	}
	for h := uint64(0); h < t.height.Uint64(); h++ {
		next := map[string]*big.Int{}
		for _, i := range indices {
			get := func(j *big.Int) felt.Felt {
				if v, ok := t.nodes[j.Text(16)]; ok {
					return v
				}
				return def
			}
			l := get(new(big.Int).Lsh(i, 1))
			r := get(new(big.Int).Add(new(big.Int).Lsh(i, 1), big1(1)))
			hv := pedersen.Hash(l, r)
			t.nodes[i.Text(16)] = hv
			t.preimage[hv] = [2]felt.Felt{l, r}
			p := new(big.Int).Rsh(i, 1)
			next[p.Text(16)] = p
		}
		def = pedersen.Hash(def, def)
		indices = next
	}
	if _, ok := indices["0"]; !ok || len(indices) != 1 {
		return felt.Felt{}, assertf("")
	}
	return t.nodes["1"], nil
}

// updateModifications is the modifications list merkle_multi_update and
// patricia_update build: (key, new_value) of the ids.n_updates DictAccess
// entries at ids.update_ptr.
func updateModifications(c *Context) ([][2]memory.Value, error) {
	st, err := memoStruct(c, "DictAccess")
	if err != nil {
		return nil, err
	}
	size := uint64(*st.Size)
	keyOff, newOff := uint64(st.Members["key"].Offset), uint64(st.Members["new_value"].Offset)
	n, err := c.Int("n_updates")
	if err != nil {
		return nil, err
	}
	up, err := c.Ptr("update_ptr")
	if err != nil {
		return nil, err
	}
	var mods [][2]memory.Value
	for i := uint64(0); !n.IsUint64() || i < n.Uint64(); i++ {
		base := up.AddUint(i * size)
		k, err := c.Mem.Read(base.AddUint(keyOff))
		if err != nil {
			return nil, err
		}
		v, err := c.Mem.Read(base.AddUint(newOff))
		if err != nil {
			return nil, err
		}
		mods = append(mods, [2]memory.Value{k, v})
	}
	return mods, nil
}

func scopeNode(c *Context, name string) (*mtNode, error) {
	v, ok := c.Scope()[name]
	if !ok {
		return nil, nameError(name)
	}
	n, ok := v.(*mtNode)
	if !ok {
		return nil, fmt.Errorf("%s in the exec scope is a %T, not a build_update_tree node", name, v)
	}
	return n, nil
}

func scopePreimage(c *Context) (merklePreimage, error) {
	v, ok := c.Scope()["preimage"]
	if !ok {
		return nil, nameError("preimage")
	}
	p, ok := v.(merklePreimage)
	if !ok {
		return nil, fmt.Errorf("preimage in the exec scope is a %T; Cairn supports the one get_preimage_dictionary returns", v)
	}
	return p, nil
}

func scopeCase(c *Context) (string, error) {
	v, ok := c.Scope()["case"]
	if !ok {
		return "", nameError("case")
	}
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("case in the exec scope is a %T", v)
	}
	return s, nil
}

// skipRunner is __merkle_multi_update_skip_validation_runner (only None
// is supported).
func skipRunner(c *Context) (any, error) {
	v, ok := c.Scope()["__merkle_multi_update_skip_validation_runner"]
	if !ok {
		return nil, nameError("__merkle_multi_update_skip_validation_runner")
	}
	if v != nil {
		return nil, fmt.Errorf("__merkle_multi_update_skip_validation_runner is set (%T); Cairn supports only None", v)
	}
	return nil, nil
}

// enterNodeScope is vm_enter_scope(dict(node=<child>, preimage=preimage,
// __merkle_multi_update_skip_validation_runner=...)).
func enterNodeScope(child string) Func {
	return func(c *Context) error {
		n, err := scopeNode(c, child)
		if err != nil {
			return err
		}
		pre, ok := c.Scope()["preimage"]
		if !ok {
			return nameError("preimage")
		}
		skip, err := skipRunner(c)
		if err != nil {
			return err
		}
		c.EnterScope(map[string]any{"node": n, "preimage": pre, "__merkle_multi_update_skip_validation_runner": skip})
		return nil
	}
}

// preimagePair is preimage[key] unpacked.
func preimagePair(pre merklePreimage, key memory.Value) ([2]felt.Felt, error) {
	f, ok := key.Felt()
	if ok {
		if p, ok := pre[f]; ok {
			return p, nil
		}
	}
	return [2]felt.Felt{}, pyErr("KeyError", "%s", pyRepr(key))
}

func init() {
	register(`
        # Compute the roots and the preimage dictionary.
        from starkware.cairo.common.small_merkle_tree import get_preimage_dictionary
        from starkware.python.math_utils import safe_div

        new_dict = __dict_manager.get_dict(ids.squashed_dict_end.address_)

        DICT_ACCESS_SIZE = ids.DictAccess.SIZE
        squashed_dict_start = ids.squashed_dict_start.address_
        squashed_dict_size = ids.squashed_dict_end.address_ - squashed_dict_start
        assert squashed_dict_size >= 0 and squashed_dict_size % DICT_ACCESS_SIZE == 0, \
            f'squashed_dict size must be non-negative and divisible by DictAccess.SIZE. ' \
            f'Found: {squashed_dict_size}.'
        squashed_dict_length = safe_div(squashed_dict_size, DICT_ACCESS_SIZE)

        # Compute the modifications backwards: from the new values to the previous values.
        modifications = []
        for i in range(squashed_dict_length):
            key = memory[squashed_dict_start + i * DICT_ACCESS_SIZE + ids.DictAccess.key]
            prev_value = memory[
                squashed_dict_start + i * DICT_ACCESS_SIZE + ids.DictAccess.prev_value]
            new_value = memory[
                squashed_dict_start + i * DICT_ACCESS_SIZE + ids.DictAccess.new_value]
            assert new_dict[key] == new_value, \
                f'Inconsistent dictionary values. Expected new value: {new_dict[key]}, ' \
                f'found: {new_value}'
            modifications.append((key, prev_value))

        ids.new_root, ids.prev_root, preimage = get_preimage_dictionary(
            initial_leaves=new_dict.items(),
            modifications=modifications,
            tree_height=ids.height,
            default_leaf=0)
    `, func(c *Context) error {
		m, err := scopeDictManager(c)
		if err != nil {
			return err
		}
		endV, err := c.Get("squashed_dict_end")
		if err != nil {
			return err
		}
		t, err := m.getTracker(endV)
		if err != nil {
			return err
		}
		st, err := memoStruct(c, "DictAccess")
		if err != nil {
			return err
		}
		off := func(name string) uint64 { return uint64(st.Members[name].Offset) }
		size := uint64(*st.Size)
		startV, err := c.Get("squashed_dict_start")
		if err != nil {
			return err
		}
		n, err := pySub(startV, endV)
		if err != nil {
			return err
		}
		if n.Sign() < 0 || new(big.Int).Mod(n, new(big.Int).SetUint64(size)).Sign() != 0 {
			return assertf("squashed_dict size must be non-negative and divisible by DictAccess.SIZE. Found: %v.", n)
		}
		start, _ := startV.Ptr()
		length := new(big.Int).Div(n, new(big.Int).SetUint64(size)).Uint64()
		mods := make([][2]memory.Value, 0, length)
		for i := uint64(0); i < length; i++ {
			base := start.AddUint(i * size)
			key, err := c.Mem.Read(base.AddUint(off("key")))
			if err != nil {
				return err
			}
			prev, err := c.Mem.Read(base.AddUint(off("prev_value")))
			if err != nil {
				return err
			}
			next, err := c.Mem.Read(base.AddUint(off("new_value")))
			if err != nil {
				return err
			}
			want, err := t.get(key)
			if err != nil {
				return err
			}
			if want != next {
				return assertf("Inconsistent dictionary values. Expected new value: %v, found: %v", want, next)
			}
			mods = append(mods, [2]memory.Value{key, prev})
		}
		height, err := c.Int("height")
		if err != nil {
			return err
		}
		leaves := make([][2]memory.Value, 0, len(t.data))
		for k, v := range t.data {
			leaves = append(leaves, [2]memory.Value{k, v})
		}
		tree := newMerkleTree(height, felt.Felt{})
		before, err := tree.computeRoot(leaves)
		if err != nil {
			return err
		}
		after, err := tree.computeRoot(mods)
		if err != nil {
			return err
		}
		if err := c.SetFelt("new_root", before); err != nil {
			return err
		}
		if err := c.SetFelt("prev_root", after); err != nil {
			return err
		}
		c.Scope()["preimage"] = tree.preimage
		return nil
	})

	// merkle_multi_update: the update tree, in a new scope with the preimage.
	register(`
        from starkware.python.merkle_tree import build_update_tree

        # Build modifications list.
        modifications = []
        for i in range(ids.n_updates):
            curr_update_ptr = ids.update_ptr.address_ + i * ids.DictAccess.SIZE
            modifications.append((
                memory[curr_update_ptr + ids.DictAccess.key],
                memory[curr_update_ptr + ids.DictAccess.new_value]))

        node = build_update_tree(ids.height, modifications)
        del modifications
        __merkle_multi_update_skip_validation_runner = globals().get(
            '__merkle_multi_update_skip_validation_runner', None)
        vm_enter_scope(dict(
            node=node, preimage=preimage,
            __merkle_multi_update_skip_validation_runner=
                __merkle_multi_update_skip_validation_runner)
        )
    `, func(c *Context) error {
		mods, err := updateModifications(c)
		if err != nil {
			return err
		}
		height, err := c.Int("height")
		if err != nil {
			return err
		}
		node, err := buildUpdateTree(height, mods)
		if err != nil {
			return err
		}
		s := c.Scope()
		s["node"] = node
		if _, ok := s["__merkle_multi_update_skip_validation_runner"]; !ok {
			s["__merkle_multi_update_skip_validation_runner"] = nil
		}
		return enterNodeScope("node")(c)
	})

	// merkle_multi_update_inner: the case of the current node, and the
	// hashes of its two versions.
	register(`
        if ids.height == 0:
            assert node == ids.new_root, f'Expected node {ids.new_root}. Got {node}.'
            case = 'leaf'
        else:
            prev_left, prev_right = preimage[ids.prev_root]
            new_left, new_right = preimage[ids.new_root]

            from starkware.python.merkle_tree import decode_node
            left_child, right_child, case = decode_node(node)

            # Fill non deterministic hashes.
            hash_ptr = ids.hash_ptr.address_
            memory[hash_ptr + 0 * ids.HashBuiltin.SIZE + ids.HashBuiltin.x] = prev_left
            memory[hash_ptr + 0 * ids.HashBuiltin.SIZE + ids.HashBuiltin.y] = prev_right
            memory[hash_ptr + 1 * ids.HashBuiltin.SIZE + ids.HashBuiltin.x] = new_left
            memory[hash_ptr + 1 * ids.HashBuiltin.SIZE + ids.HashBuiltin.y] = new_right

            if __merkle_multi_update_skip_validation_runner is not None:
                # Skip validation of the preimage dict to speed up the VM. Note that mistakes in the
                # preimage dict will be discovered only in the prover.
                __merkle_multi_update_skip_validation_runner.verified_addresses.add(
                    hash_ptr + 0 * ids.HashBuiltin.SIZE + ids.HashBuiltin.result)
                __merkle_multi_update_skip_validation_runner.verified_addresses.add(
                    hash_ptr + 1 * ids.HashBuiltin.SIZE + ids.HashBuiltin.result)

        memory[ap] = int(case != 'right')
    `, func(c *Context) error {
		height, err := c.Int("height")
		if err != nil {
			return err
		}
		s := c.Scope()
		if height.Sign() == 0 {
			node, err := scopeNode(c, "node")
			if err != nil {
				return err
			}
			root, err := c.Get("new_root")
			if err != nil {
				return err
			}
			if node == nil || !node.leaf || node.value != root {
				got := "None"
				if node != nil && node.leaf {
					got = node.value.String()
				} else if node != nil {
					got = "(...)"
				}
				return assertf("Expected node %v. Got %s.", root, got)
			}
			s["case"] = "leaf"
		} else {
			pre, err := scopePreimage(c)
			if err != nil {
				return err
			}
			prevRoot, err := c.Get("prev_root")
			if err != nil {
				return err
			}
			newRoot, err := c.Get("new_root")
			if err != nil {
				return err
			}
			prev, err := preimagePair(pre, prevRoot)
			if err != nil {
				return err
			}
			next, err := preimagePair(pre, newRoot)
			if err != nil {
				return err
			}
			node, err := scopeNode(c, "node")
			if err != nil {
				return err
			}
			l, r, kase, err := decodeNode(node)
			if err != nil {
				return err
			}
			s["left_child"], s["right_child"], s["case"] = l, r, kase
			hs, err := memoStruct(c, "HashBuiltin")
			if err != nil {
				return err
			}
			hp, err := c.Ptr("hash_ptr")
			if err != nil {
				return err
			}
			size := uint64(*hs.Size)
			x, y := uint64(hs.Members["x"].Offset), uint64(hs.Members["y"].Offset)
			for i, v := range []felt.Felt{prev[0], prev[1], next[0], next[1]} {
				at := hp.AddUint(uint64(i/2)*size + []uint64{x, y}[i%2])
				if err := c.Mem.Set(at, memory.FromFelt(v)); err != nil {
					return err
				}
			}
			if _, err := skipRunner(c); err != nil {
				return err
			}
		}
		kase, _ := scopeCase(c)
		return c.SetAP(0, boolValue(kase != "right"))
	})

	register(`memory[ap] = int(case != 'left')`, func(c *Context) error {
		kase, err := scopeCase(c)
		if err != nil {
			return err
		}
		return c.SetAP(0, boolValue(kase != "left"))
	})
	register(`assert case == 'leaf'`, assertCase("leaf"))
	register(`assert case == 'both'`, assertCase("both"))
	register(`
        vm_enter_scope(dict(
            node=left_child, preimage=preimage,
            __merkle_multi_update_skip_validation_runner=
                __merkle_multi_update_skip_validation_runner)
        )
    `, enterNodeScope("left_child"))
	register(`
        vm_enter_scope(dict(
            node=right_child, preimage=preimage,
            __merkle_multi_update_skip_validation_runner=
                __merkle_multi_update_skip_validation_runner)
        )
    `, enterNodeScope("right_child"))

	// merkle_update: the authentication path the caller put in the scope.
	register(`memory[ap] = ids.index % 2`, func(c *Context) error {
		idx, err := c.Int("index")
		if err != nil {
			return err
		}
		return c.SetAP(0, memory.FromUint64(uint64(idx.Bit(0))))
	})
	register(`
        # Check that auth_path had the right number of elements.
        assert len(auth_path) == 0, 'Got too many values in auth_path.'
    `, func(c *Context) error {
		p, err := scopeValueList(c, "auth_path")
		if err != nil {
			return err
		}
		if len(*p) != 0 {
			return assertf("Got too many values in auth_path.")
		}
		return nil
	})
	for _, side := range []string{"x", "y"} {
		side := side
		register(fmt.Sprintf(`
            # Hash hints.
            sibling = auth_path.pop()
            ids.prev_node_hash.%s = sibling
            ids.new_node_hash.%s = sibling
        `, side, side), func(c *Context) error {
			p, err := scopeValueList(c, "auth_path")
			if err != nil {
				return err
			}
			if len(*p) == 0 {
				return pyErr("IndexError", "pop from empty list")
			}
			sib := (*p)[len(*p)-1]
			*p = (*p)[:len(*p)-1]
			c.Scope()["sibling"] = sib
			if err := c.Set("prev_node_hash."+side, sib); err != nil {
				return err
			}
			return c.Set("new_node_hash."+side, sib)
		})
	}
}
