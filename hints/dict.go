package hints

import (
	"fmt"
	"math/big"
	"sort"

	"github.com/cairn-vm/cairn/program"
	"github.com/cairn-vm/cairn/vm/memory"
)

// The hints of common/dict.cairo, common/default_dict.cairo and
// common/squash_dict.cairo, and small_merkle_tree's scope hint, with
// cairo-lang's DictManager (common/dict.py) as Go values.
//
// Exec-scope variables, as the Python hints leave them:
//   - __dict_manager: *dictManager, created by the first dict_new or
//     default_dict_new of a scope ("if '__dict_manager' not in globals()").
//   - initial_dict: pyDict, the argument dict_new reads (dict_squash puts a
//     copy of the squashed dict's data there); dict_new deletes it.
//   - dict_tracker: *dictTracker; current_value: memory.Value.
//   - squash_dict's access_indices (squashIndices), keys (*[]memory.Value,
//     descending, popped from the end), key (memory.Value),
//     current_access_indices (*[]int, descending), current_access_index and
//     new_access_index (int), n_accesses (*big.Int), dict_access_size and
//     address.
//
// Keys and values are memory values: a Python hint sees ints (canonical
// field elements) or RelocatableValues, and dicts hash both; pyCompare
// orders them as Python does.

// pyDict is a Python dict of memory values (DictTracker.data).
type pyDict map[memory.Value]memory.Value

// dictTracker is cairo-lang's DictTracker; hasDefault makes data a
// defaultdict(lambda: def).
type dictTracker struct {
	data       pyDict
	hasDefault bool
	def        memory.Value
	currentPtr memory.Ptr
}

// get is data[key]: a defaultdict inserts the default; a dict raises
// KeyError.
func (t *dictTracker) get(key memory.Value) (memory.Value, error) {
	if v, ok := t.data[key]; ok {
		return v, nil
	}
	if t.hasDefault {
		t.data[key] = t.def
		return t.def, nil
	}
	return memory.Value{}, pyErr("KeyError", "%s", pyRepr(key))
}

// dictManager is cairo-lang's DictManager: trackers by segment index.
type dictManager struct {
	trackers map[int]*dictTracker
}

// pyRepr is Python's repr() of a memory value.
func pyRepr(v memory.Value) string {
	if p, ok := v.Ptr(); ok {
		return fmt.Sprintf("RelocatableValue(segment_index=%d, offset=%d)", p.Segment, p.Offset)
	}
	return v.String()
}

// pyCompare orders memory values as Python compares them: ints by value,
// ints below every RelocatableValue, RelocatableValues by (segment,
// offset).
func pyCompare(a, b memory.Value) int {
	pa, aPtr := a.Ptr()
	pb, bPtr := b.Ptr()
	switch {
	case aPtr && bPtr:
		if pa.Segment != pb.Segment {
			if pa.Segment < pb.Segment {
				return -1
			}
			return 1
		}
		switch {
		case pa.Offset < pb.Offset:
			return -1
		case pa.Offset > pb.Offset:
			return 1
		}
		return 0
	case aPtr:
		return 1
	case bPtr:
		return -1
	}
	return a.MustFelt().Cmp(b.MustFelt())
}

// scopeDictManager is the scope's __dict_manager.
func scopeDictManager(c *Context) (*dictManager, error) {
	v, ok := c.Scope()["__dict_manager"]
	if !ok {
		return nil, nameError("__dict_manager")
	}
	m, ok := v.(*dictManager)
	if !ok {
		return nil, fmt.Errorf("__dict_manager in the exec scope is a %T, not a DictManager", v)
	}
	return m, nil
}

// ensureDictManager is "if '__dict_manager' not in globals(): __dict_manager = DictManager()".
func ensureDictManager(c *Context) (*dictManager, error) {
	if _, ok := c.Scope()["__dict_manager"]; !ok {
		c.Scope()["__dict_manager"] = &dictManager{trackers: map[int]*dictTracker{}}
	}
	return scopeDictManager(c)
}

// getTracker is DictManager.get_tracker(dict_ptr).
func (m *dictManager) getTracker(v memory.Value) (*dictTracker, error) {
	p, ok := v.Ptr()
	if !ok {
		return nil, pyErr("AttributeError", "'int' object has no attribute 'segment_index'")
	}
	t, ok := m.trackers[p.Segment]
	if !ok {
		return nil, pyErr("ValueError", "Dictionary pointer %v was not created using dict_new().", p)
	}
	if t.currentPtr != p {
		return nil, assertf("Wrong dict pointer supplied. Got %v, expected %v.", p, t.currentPtr)
	}
	return t, nil
}

// newTracker registers a dict at a fresh segment (new_dict / new_default_dict).
func (m *dictManager) newTracker(c *Context, t *dictTracker) (memory.Ptr, error) {
	base := c.Mem.AddSegment()
	if _, dup := m.trackers[base.Segment]; dup {
		return base, assertf("")
	}
	t.currentPtr = base
	m.trackers[base.Segment] = t
	return base, nil
}

// trackerOf is "dict_tracker = __dict_manager.get_tracker(ids.<name>)".
func trackerOf(c *Context, name string) (*dictTracker, error) {
	m, err := scopeDictManager(c)
	if err != nil {
		return nil, err
	}
	p, err := c.Get(name)
	if err != nil {
		return nil, err
	}
	t, err := m.getTracker(p)
	if err != nil {
		return nil, err
	}
	c.Scope()["dict_tracker"] = t
	return t, nil
}

// structOf finds a struct the hint sees (ids.DictAccess).
func structOf(c *Context, name string) (*program.Identifier, error) {
	id, _, ok := c.Env.Program.Search(c.Hint.Scopes, name)
	if !ok || id.Type != "struct" || id.Size == nil {
		return nil, &IdentifierError{Name: name}
	}
	return id, nil
}

// memoKey holds a per-run cache in the main exec scope: no Python name can
// spell it, and it goes away with the run's Env.
const memoKey = "\x00cairn.memo"

type memoEntry struct {
	hint *Bound
	name string
}

// memoStruct is structOf, resolved once per hint and run (dict_read and
// dict_write run once per access, and the identifier search allocates).
func memoStruct(c *Context, name string) (*program.Identifier, error) {
	main := c.Env.Scopes[0]
	m, _ := main[memoKey].(map[memoEntry]*program.Identifier)
	if m == nil {
		m = map[memoEntry]*program.Identifier{}
		main[memoKey] = m
	}
	k := memoEntry{c.Hint, name}
	if id, ok := m[k]; ok {
		return id, nil
	}
	id, err := structOf(c, name)
	if err != nil {
		return nil, err
	}
	m[k] = id
	return id, nil
}

// dictAccessSize is ids.DictAccess.SIZE.
func dictAccessSize(c *Context) (uint64, error) {
	st, err := memoStruct(c, "DictAccess")
	if err != nil {
		return 0, err
	}
	return uint64(*st.Size), nil
}

func init() {
	// dict_new.
	register(`
        if '__dict_manager' not in globals():
            from starkware.cairo.common.dict import DictManager
            __dict_manager = DictManager()

        memory[ap] = __dict_manager.new_dict(segments, initial_dict)
        del initial_dict
    `, func(c *Context) error {
		m, err := ensureDictManager(c)
		if err != nil {
			return err
		}
		iv, ok := c.Scope()["initial_dict"]
		if !ok {
			return nameError("initial_dict")
		}
		initDict, ok := iv.(pyDict)
		if !ok {
			return fmt.Errorf("initial_dict in the exec scope is a %T; Cairn supports only the dict dict_squash passes", iv)
		}
		data := make(pyDict, len(initDict))
		for k, v := range initDict { // segments.gen_arg(value): values are already felts or pointers
			data[k] = v
		}
		base, err := m.newTracker(c, &dictTracker{data: data})
		if err != nil {
			return err
		}
		if err := c.SetAP(0, memory.FromPtr(base)); err != nil {
			return err
		}
		delete(c.Scope(), "initial_dict")
		return nil
	})

	// default_dict_new.
	register(`
        if '__dict_manager' not in globals():
            from starkware.cairo.common.dict import DictManager
            __dict_manager = DictManager()

        memory[ap] = __dict_manager.new_default_dict(segments, ids.default_value)
    `, func(c *Context) error {
		m, err := ensureDictManager(c)
		if err != nil {
			return err
		}
		def, err := c.Get("default_value")
		if err != nil {
			return err
		}
		base, err := m.newTracker(c, &dictTracker{data: pyDict{}, hasDefault: true, def: def})
		if err != nil {
			return err
		}
		return c.SetAP(0, memory.FromPtr(base))
	})

	// dict_read.
	register(`
        dict_tracker = __dict_manager.get_tracker(ids.dict_ptr)
        dict_tracker.current_ptr += ids.DictAccess.SIZE
        ids.value = dict_tracker.data[ids.key]
    `, func(c *Context) error {
		t, err := trackerOf(c, "dict_ptr")
		if err != nil {
			return err
		}
		size, err := dictAccessSize(c)
		if err != nil {
			return err
		}
		t.currentPtr = t.currentPtr.AddUint(size)
		key, err := c.Get("key")
		if err != nil {
			return err
		}
		v, err := t.get(key)
		if err != nil {
			return err
		}
		return c.Set("value", v)
	})

	// dict_write.
	register(`
        dict_tracker = __dict_manager.get_tracker(ids.dict_ptr)
        dict_tracker.current_ptr += ids.DictAccess.SIZE
        ids.dict_ptr.prev_value = dict_tracker.data[ids.key]
        dict_tracker.data[ids.key] = ids.new_value
    `, func(c *Context) error {
		t, err := trackerOf(c, "dict_ptr")
		if err != nil {
			return err
		}
		size, err := dictAccessSize(c)
		if err != nil {
			return err
		}
		t.currentPtr = t.currentPtr.AddUint(size)
		key, err := c.Get("key")
		if err != nil {
			return err
		}
		prev, err := t.get(key)
		if err != nil {
			return err
		}
		if err := c.Set("dict_ptr.prev_value", prev); err != nil {
			return err
		}
		nv, err := c.Get("new_value")
		if err != nil {
			return err
		}
		t.data[key] = nv
		return nil
	})

	// dict_update.
	register(`
        # Verify dict pointer and prev value.
        dict_tracker = __dict_manager.get_tracker(ids.dict_ptr)
        current_value = dict_tracker.data[ids.key]
        assert current_value == ids.prev_value, \
            f'Wrong previous value in dict. Got {ids.prev_value}, expected {current_value}.'

        # Update value.
        dict_tracker.data[ids.key] = ids.new_value
        dict_tracker.current_ptr += ids.DictAccess.SIZE
    `, func(c *Context) error {
		t, err := trackerOf(c, "dict_ptr")
		if err != nil {
			return err
		}
		key, err := c.Get("key")
		if err != nil {
			return err
		}
		cur, err := t.get(key)
		if err != nil {
			return err
		}
		c.Scope()["current_value"] = cur
		prev, err := c.Get("prev_value")
		if err != nil {
			return err
		}
		if cur != prev {
			return assertf("Wrong previous value in dict. Got %v, expected %v.", prev, cur)
		}
		nv, err := c.Get("new_value")
		if err != nil {
			return err
		}
		t.data[key] = nv
		size, err := dictAccessSize(c)
		if err != nil {
			return err
		}
		t.currentPtr = t.currentPtr.AddUint(size)
		return nil
	})

	// dict_squash: dict_new's arguments in a new scope.
	register(`
        # Prepare arguments for dict_new. In particular, the same dictionary values should be copied
        # to the new (squashed) dictionary.
        vm_enter_scope({
            # Make __dict_manager accessible.
            '__dict_manager': __dict_manager,
            # Create a copy of the dict, in case it changes in the future.
            'initial_dict': dict(__dict_manager.get_dict(ids.dict_accesses_end)),
        })
    `, func(c *Context) error {
		m, err := scopeDictManager(c)
		if err != nil {
			return err
		}
		end, err := c.Get("dict_accesses_end")
		if err != nil {
			return err
		}
		t, err := m.getTracker(end)
		if err != nil {
			return err
		}
		cp := make(pyDict, len(t.data))
		for k, v := range t.data {
			cp[k] = v
		}
		c.EnterScope(map[string]any{"__dict_manager": m, "initial_dict": cp})
		return nil
	})
	register(`
        # Update the DictTracker's current_ptr to point to the end of the squashed dict.
        __dict_manager.get_tracker(ids.squashed_dict_start).current_ptr = \
            ids.squashed_dict_end.address_
    `, func(c *Context) error {
		m, err := scopeDictManager(c)
		if err != nil {
			return err
		}
		start, err := c.Get("squashed_dict_start")
		if err != nil {
			return err
		}
		t, err := m.getTracker(start)
		if err != nil {
			return err
		}
		end, err := c.Ptr("squashed_dict_end")
		if err != nil {
			return err
		}
		t.currentPtr = end
		return nil
	})

	// small_merkle_tree_update: the dict manager in a new scope.
	register(`vm_enter_scope({'__dict_manager': __dict_manager})`, func(c *Context) error {
		m, err := scopeDictManager(c)
		if err != nil {
			return err
		}
		c.EnterScope(map[string]any{"__dict_manager": m})
		return nil
	})

	registerSquashDict()
}

// squashIndices is squash_dict's access_indices: key -> ascending indices
// of the accesses to it.
type squashIndices map[memory.Value][]int

func scopeSquashIndices(c *Context) (squashIndices, error) {
	v, ok := c.Scope()["access_indices"]
	if !ok {
		return nil, nameError("access_indices")
	}
	a, ok := v.(squashIndices)
	if !ok {
		return nil, fmt.Errorf("access_indices in the exec scope is a %T", v)
	}
	return a, nil
}

func scopeValueList(c *Context, name string) (*[]memory.Value, error) {
	v, ok := c.Scope()[name]
	if !ok {
		return nil, nameError(name)
	}
	l, ok := v.(*[]memory.Value)
	if !ok {
		return nil, fmt.Errorf("%s in the exec scope is a %T", name, v)
	}
	return l, nil
}

func scopeIntList(c *Context, name string) (*[]int, error) {
	v, ok := c.Scope()[name]
	if !ok {
		return nil, nameError(name)
	}
	l, ok := v.(*[]int)
	if !ok {
		return nil, fmt.Errorf("%s in the exec scope is a %T", name, v)
	}
	return l, nil
}

func scopeSmallInt(c *Context, name string) (int, error) {
	v, ok := c.Scope()[name]
	if !ok {
		return 0, nameError(name)
	}
	switch x := v.(type) {
	case int:
		return x, nil
	case *big.Int:
		if x.IsInt64() {
			return int(x.Int64()), nil
		}
	}
	return 0, fmt.Errorf("%s in the exec scope is a %T, not a small int", name, v)
}

func scopeValue(c *Context, name string) (memory.Value, error) {
	v, ok := c.Scope()[name]
	if !ok {
		return memory.Value{}, nameError(name)
	}
	switch x := v.(type) {
	case memory.Value:
		return x, nil
	case *big.Int:
		return feltValue(x), nil
	case int:
		return feltValue(big.NewInt(int64(x))), nil
	}
	return memory.Value{}, fmt.Errorf("%s in the exec scope is a %T", name, v)
}

// popInts is list.pop() on the scope list name.
func popInts(c *Context, name string) (int, error) {
	l, err := scopeIntList(c, name)
	if err != nil {
		return 0, err
	}
	if len(*l) == 0 {
		return 0, pyErr("IndexError", "pop from empty list")
	}
	v := (*l)[len(*l)-1]
	*l = (*l)[:len(*l)-1]
	return v, nil
}

// maxSizeCheck is the "if '<name>' in globals(): assert n <= <name>" guard
// of squash_dict, find_element and unsafe_keccak.
func maxSizeCheck(c *Context, name string, n *big.Int, msg func(max string) error) error {
	v, ok := c.Scope()[name]
	if !ok {
		return nil
	}
	var max *big.Int
	switch x := v.(type) {
	case *big.Int:
		max = x
	case int:
		max = big.NewInt(int64(x))
	default:
		return fmt.Errorf("%s in the exec scope is a %T", name, v)
	}
	if n.Cmp(max) > 0 {
		return msg(max.String())
	}
	return nil
}

func registerSquashDict() {
	// squash_dict: the accesses by key, and the first key.
	register(`
        dict_access_size = ids.DictAccess.SIZE
        address = ids.dict_accesses.address_
        assert ids.ptr_diff % dict_access_size == 0, \
            'Accesses array size must be divisible by DictAccess.SIZE'
        n_accesses = ids.n_accesses
        if '__squash_dict_max_size' in globals():
            assert n_accesses <= __squash_dict_max_size, \
                f'squash_dict() can only be used with n_accesses<={__squash_dict_max_size}. ' \
                f'Got: n_accesses={n_accesses}.'
        # A map from key to the list of indices accessing it.
        access_indices = {}
        for i in range(n_accesses):
            key = memory[address + dict_access_size * i]
            access_indices.setdefault(key, []).append(i)
        # Descending list of keys.
        keys = sorted(access_indices.keys(), reverse=True)
        # Are the keys used bigger than range_check bound.
        ids.big_keys = 1 if keys[0] >= range_check_builtin.bound else 0
        ids.first_key = key = keys.pop()
    `, func(c *Context) error {
		size, err := dictAccessSize(c)
		if err != nil {
			return err
		}
		s := c.Scope()
		s["dict_access_size"] = new(big.Int).SetUint64(size)
		address, err := c.Ptr("dict_accesses")
		if err != nil {
			return err
		}
		s["address"] = memory.FromPtr(address)
		diff, err := c.Int("ptr_diff")
		if err != nil {
			return err
		}
		if new(big.Int).Mod(diff, new(big.Int).SetUint64(size)).Sign() != 0 {
			return assertf("Accesses array size must be divisible by DictAccess.SIZE")
		}
		nBig, err := c.Int("n_accesses")
		if err != nil {
			return err
		}
		s["n_accesses"] = nBig
		if err := maxSizeCheck(c, "__squash_dict_max_size", nBig, func(max string) error {
			return assertf("squash_dict() can only be used with n_accesses<=%s. Got: n_accesses=%v.", max, nBig)
		}); err != nil {
			return err
		}
		indices := squashIndices{}
		s["access_indices"] = indices
		var keys []memory.Value
		// range(n_accesses) ends at the first unknown cell when n_accesses
		// is out of reach.
		for i := uint64(0); nBig.IsUint64() && i < nBig.Uint64() || !nBig.IsUint64(); i++ {
			key, err := c.Mem.Read(address.AddUint(size * i))
			if err != nil {
				return err
			}
			l, seen := indices[key]
			if !seen {
				keys = append(keys, key)
			}
			indices[key] = append(l, int(i))
		}
		sort.Slice(keys, func(i, j int) bool { return pyCompare(keys[i], keys[j]) > 0 })
		s["keys"] = &keys
		if len(keys) == 0 {
			return pyErr("IndexError", "list index out of range")
		}
		bound, err := c.RangeCheckBound()
		if err != nil {
			return err
		}
		if err := c.Set("big_keys", boolValue(pyCompare(keys[0], feltValue(bound)) >= 0)); err != nil {
			return err
		}
		first := keys[len(keys)-1]
		keys = keys[:len(keys)-1]
		s["key"] = first
		return c.Set("first_key", first)
	})

	// squash_dict_inner: the indices of the current key.
	register(`
        current_access_indices = sorted(access_indices[key])[::-1]
        current_access_index = current_access_indices.pop()
        memory[ids.range_check_ptr] = current_access_index
    `, func(c *Context) error {
		indices, err := scopeSquashIndices(c)
		if err != nil {
			return err
		}
		key, err := scopeValue(c, "key")
		if err != nil {
			return err
		}
		l, ok := indices[key]
		if !ok {
			return pyErr("KeyError", "%s", pyRepr(key))
		}
		cur := make([]int, len(l)) // ascending already: reversed
		for i, v := range l {
			cur[len(l)-1-i] = v
		}
		c.Scope()["current_access_indices"] = &cur
		idx, err := popInts(c, "current_access_indices")
		if err != nil {
			return err
		}
		c.Scope()["current_access_index"] = idx
		rc, err := c.Ptr("range_check_ptr")
		if err != nil {
			return err
		}
		return c.Mem.Set(rc, memory.FromUint64(uint64(idx)))
	})
	register(`ids.should_skip_loop = 0 if current_access_indices else 1`, func(c *Context) error {
		l, err := scopeIntList(c, "current_access_indices")
		if err != nil {
			return err
		}
		return c.Set("should_skip_loop", boolValue(len(*l) == 0))
	})
	register(`
        new_access_index = current_access_indices.pop()
        ids.loop_temps.index_delta_minus1 = new_access_index - current_access_index - 1
        current_access_index = new_access_index
    `, func(c *Context) error {
		next, err := popInts(c, "current_access_indices")
		if err != nil {
			return err
		}
		c.Scope()["new_access_index"] = next
		cur, err := scopeSmallInt(c, "current_access_index")
		if err != nil {
			return err
		}
		if err := c.SetInt("loop_temps.index_delta_minus1", big1(int64(next-cur-1))); err != nil {
			return err
		}
		c.Scope()["current_access_index"] = next
		return nil
	})
	register(`ids.loop_temps.should_continue = 1 if current_access_indices else 0`, func(c *Context) error {
		l, err := scopeIntList(c, "current_access_indices")
		if err != nil {
			return err
		}
		return c.Set("loop_temps.should_continue", boolValue(len(*l) != 0))
	})
	register(`assert len(current_access_indices) == 0`, func(c *Context) error {
		l, err := scopeIntList(c, "current_access_indices")
		if err != nil {
			return err
		}
		if len(*l) != 0 {
			return assertf("")
		}
		return nil
	})
	register(`assert ids.n_used_accesses == len(access_indices[key])`, func(c *Context) error {
		indices, err := scopeSquashIndices(c)
		if err != nil {
			return err
		}
		key, err := scopeValue(c, "key")
		if err != nil {
			return err
		}
		n, err := c.Get("n_used_accesses")
		if err != nil {
			return err
		}
		l, ok := indices[key]
		if !ok {
			return pyErr("KeyError", "%s", pyRepr(key))
		}
		if n != memory.FromUint64(uint64(len(l))) {
			return assertf("")
		}
		return nil
	})
	register(`assert len(keys) == 0`, func(c *Context) error {
		keys, err := scopeValueList(c, "keys")
		if err != nil {
			return err
		}
		if len(*keys) != 0 {
			return assertf("")
		}
		return nil
	})
	register(`
        assert len(keys) > 0, 'No keys left but remaining_accesses > 0.'
        ids.next_key = key = keys.pop()
    `, func(c *Context) error {
		keys, err := scopeValueList(c, "keys")
		if err != nil {
			return err
		}
		if len(*keys) == 0 {
			return assertf("No keys left but remaining_accesses > 0.")
		}
		k := (*keys)[len(*keys)-1]
		*keys = (*keys)[:len(*keys)-1]
		if err := c.Set("next_key", k); err != nil {
			return err
		}
		c.Scope()["key"] = k
		return nil
	})
}
