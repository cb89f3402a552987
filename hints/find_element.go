package hints

import (
	"math/big"

	"github.com/cairn-vm/cairn/vm/memory"
)

// The hints of common/find_element.cairo: find_element, search_sorted_lower
// (search_sorted) and search_sorted_optimistic.
//
// Exec-scope variables they read when present (no library hint sets them;
// a caller's own hint may): __find_element_index and
// __find_element_max_size (*big.Int or int). They bind array_ptr,
// elm_size, n_elms and key as the Python does.

// findElementArgs reads and checks ids.array_ptr, ids.elm_size and (unless
// withN is false) ids.n_elms.
func findElementArgs(c *Context, withN bool) (arr memory.Value, elmSize, n *big.Int, err error) {
	s := c.Scope()
	if arr, err = c.Get("array_ptr"); err != nil {
		return
	}
	s["array_ptr"] = arr
	es, err := c.Get("elm_size")
	if err != nil {
		return
	}
	s["elm_size"] = es
	if !es.IsFelt() || es.MustFelt().IsZero() {
		return arr, nil, nil, assertf("Invalid value for elm_size. Got: %v.", es)
	}
	elmSize = es.MustFelt().BigInt()
	if !withN {
		return arr, elmSize, nil, nil
	}
	nv, err := c.Get("n_elms")
	if err != nil {
		return
	}
	s["n_elms"] = nv
	if !nv.IsFelt() {
		return arr, nil, nil, assertf("Invalid value for n_elms. Got: %v.", nv)
	}
	n = nv.MustFelt().BigInt()
	err = maxSizeCheck(c, "__find_element_max_size", n, func(max string) error {
		return assertf("find_element() can only be used with n_elms<=%s. Got: n_elms=%v.", max, n)
	})
	return arr, elmSize, n, err
}

// elementAt is memory[array_ptr + elm_size * i].
func elementAt(c *Context, arr memory.Value, elmSize *big.Int, i uint64) (memory.Value, error) {
	off := new(big.Int).Mul(elmSize, new(big.Int).SetUint64(i))
	addr, err := memory.Add(arr, feltValue(off))
	if err != nil {
		return addr, err
	}
	p, ok := addr.Ptr()
	if !ok {
		return memory.Value{}, &memory.UnknownCellError{Addr: memory.Ptr{Segment: memory.PureSegment, Offset: addr.MustFelt().Uint64()}}
	}
	return c.Mem.Read(p)
}

// eachElement runs f on the first key of each of the n elements, stopping
// when f returns true.
func eachElement(c *Context, arr memory.Value, elmSize, n *big.Int, f func(i uint64, v memory.Value) (bool, error)) (bool, error) {
	for i := uint64(0); !n.IsUint64() || i < n.Uint64(); i++ {
		v, err := elementAt(c, arr, elmSize, i)
		if err != nil {
			return false, err
		}
		if stop, err := f(i, v); stop || err != nil {
			return stop, err
		}
	}
	return false, nil
}

func init() {
	register(`
        array_ptr = ids.array_ptr
        elm_size = ids.elm_size
        assert isinstance(elm_size, int) and elm_size > 0, \
            f'Invalid value for elm_size. Got: {elm_size}.'
        key = ids.key

        if '__find_element_index' in globals():
            ids.index = __find_element_index
            found_key = memory[array_ptr + elm_size * __find_element_index]
            assert found_key == key, \
                f'Invalid index found in __find_element_index. index: {__find_element_index}, ' \
                f'expected key {key}, found key: {found_key}.'
            # Delete __find_element_index to make sure it's not used for the next calls.
            del __find_element_index
        else:
            n_elms = ids.n_elms
            assert isinstance(n_elms, int) and n_elms >= 0, \
                f'Invalid value for n_elms. Got: {n_elms}.'
            if '__find_element_max_size' in globals():
                assert n_elms <= __find_element_max_size, \
                    f'find_element() can only be used with n_elms<={__find_element_max_size}. ' \
                    f'Got: n_elms={n_elms}.'

            for i in range(n_elms):
                if memory[array_ptr + elm_size * i] == key:
                    ids.index = i
                    break
            else:
                raise ValueError(f'Key {key} was not found.')
    `, func(c *Context) error {
		arr, elmSize, _, err := findElementArgs(c, false)
		if err != nil {
			return err
		}
		key, err := c.Get("key")
		if err != nil {
			return err
		}
		s := c.Scope()
		s["key"] = key
		if iv, ok := s["__find_element_index"]; ok {
			var idx *big.Int
			switch x := iv.(type) {
			case *big.Int:
				idx = x
			case int:
				idx = big.NewInt(int64(x))
			default:
				return pyErr("TypeError", "__find_element_index is a %T", iv)
			}
			if err := c.SetInt("index", idx); err != nil {
				return err
			}
			if idx.Sign() < 0 || !idx.IsUint64() {
				return pyErr("ValueError", "__find_element_index %v is out of range", idx)
			}
			found, err := elementAt(c, arr, elmSize, idx.Uint64())
			if err != nil {
				return err
			}
			s["found_key"] = found
			if found != key {
				return assertf("Invalid index found in __find_element_index. index: %v, expected key %v, found key: %v.", idx, key, found)
			}
			delete(s, "__find_element_index")
			return nil
		}
		_, _, n, err := findElementArgs(c, true)
		if err != nil {
			return err
		}
		found, err := eachElement(c, arr, elmSize, n, func(i uint64, v memory.Value) (bool, error) {
			if v != key {
				return false, nil
			}
			s["i"] = new(big.Int).SetUint64(i)
			return true, c.SetInt("index", new(big.Int).SetUint64(i))
		})
		if err != nil {
			return err
		}
		if !found {
			return pyErr("ValueError", "Key %v was not found.", key)
		}
		return nil
	})

	// search_sorted_lower: the first element >= key.
	register(`
        array_ptr = ids.array_ptr
        elm_size = ids.elm_size
        assert isinstance(elm_size, int) and elm_size > 0, \
            f'Invalid value for elm_size. Got: {elm_size}.'

        n_elms = ids.n_elms
        assert isinstance(n_elms, int) and n_elms >= 0, \
            f'Invalid value for n_elms. Got: {n_elms}.'
        if '__find_element_max_size' in globals():
            assert n_elms <= __find_element_max_size, \
                f'find_element() can only be used with n_elms<={__find_element_max_size}. ' \
                f'Got: n_elms={n_elms}.'

        for i in range(n_elms):
            if memory[array_ptr + elm_size * i] >= ids.key:
                ids.index = i
                break
        else:
            ids.index = n_elms
    `, func(c *Context) error { return searchSorted(c, false) })

	// search_sorted_optimistic: the same, and whether it is the key.
	register(`
        array_ptr = ids.array_ptr
        elm_size = ids.elm_size
        assert isinstance(elm_size, int) and elm_size > 0, \
            f'Invalid value for elm_size. Got: {elm_size}.'

        n_elms = ids.n_elms
        assert isinstance(n_elms, int) and n_elms >= 0, \
            f'Invalid value for n_elms. Got: {n_elms}.'
        if '__find_element_max_size' in globals():
            assert n_elms <= __find_element_max_size, \
                f'find_element() can only be used with n_elms<={__find_element_max_size}. ' \
                f'Got: n_elms={n_elms}.'

        for i in range(n_elms):
            if memory[array_ptr + elm_size * i] >= ids.key:
                ids.index = i
                ids.exists = 1 if memory[array_ptr + elm_size * i] == ids.key else 0
                break
        else:
            ids.index = n_elms
            ids.exists = 0
    `, func(c *Context) error { return searchSorted(c, true) })
}

func searchSorted(c *Context, exists bool) error {
	arr, elmSize, n, err := findElementArgs(c, true)
	if err != nil {
		return err
	}
	key, err := c.Get("key")
	if err != nil {
		return err
	}
	found, err := eachElement(c, arr, elmSize, n, func(i uint64, v memory.Value) (bool, error) {
		if pyCompare(v, key) < 0 {
			return false, nil
		}
		c.Scope()["i"] = new(big.Int).SetUint64(i)
		if err := c.SetInt("index", new(big.Int).SetUint64(i)); err != nil {
			return true, err
		}
		if exists {
			return true, c.Set("exists", boolValue(v == key))
		}
		return true, nil
	})
	if err != nil || found {
		return err
	}
	if err := c.SetInt("index", n); err != nil {
		return err
	}
	if exists {
		return c.Set("exists", boolValue(false))
	}
	return nil
}
