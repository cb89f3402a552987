package hints

import (
	"math/big"

	"github.com/cairn-vm/cairn/vm/memory"
)

// The hint of common/set.cairo (set_add). It binds elm_list
// ([]memory.Value) in the exec scope, as the Python does.

func init() {
	register(`
        assert ids.elm_size > 0
        assert ids.set_ptr <= ids.set_end_ptr
        elm_list = memory.get_range(ids.elm_ptr, ids.elm_size)
        for i in range(0, ids.set_end_ptr - ids.set_ptr, ids.elm_size):
            if memory.get_range(ids.set_ptr + i, ids.elm_size) == elm_list:
                ids.index = i // ids.elm_size
                ids.is_elm_in_set = 1
                break
        else:
            ids.is_elm_in_set = 0
    `, func(c *Context) error {
		es, err := c.Get("elm_size")
		if err != nil {
			return err
		}
		if !es.IsFelt() {
			return pyErr("TypeError", "'>' not supported between instances of 'RelocatableValue' and 'int'")
		}
		if es.MustFelt().IsZero() {
			return assertf("")
		}
		setPtr, err := c.Get("set_ptr")
		if err != nil {
			return err
		}
		setEnd, err := c.Get("set_end_ptr")
		if err != nil {
			return err
		}
		if pyCompare(setPtr, setEnd) > 0 {
			return assertf("")
		}
		elmPtr, err := c.Ptr("elm_ptr")
		if err != nil {
			return err
		}
		if !es.MustFelt().IsUint64() {
			// get_range(ptr, huge) fails at the first unknown cell.
			return readRange(c, elmPtr, ^uint64(0), nil)
		}
		size := es.MustFelt().Uint64()
		elm := make([]memory.Value, size)
		if err := readRange(c, elmPtr, size, elm); err != nil {
			return err
		}
		c.Scope()["elm_list"] = elm
		diff, err := pySub(setPtr, setEnd)
		if err != nil {
			return err
		}
		start, ok := setPtr.Ptr()
		if !ok || diff.Sign() <= 0 {
			return c.Set("is_elm_in_set", boolValue(false))
		}
		cand := make([]memory.Value, size)
		for i := uint64(0); new(big.Int).SetUint64(i).Cmp(diff) < 0; i += size {
			if err := readRange(c, start.AddUint(i), size, cand); err != nil {
				return err
			}
			same := true
			for j := range cand {
				if cand[j] != elm[j] {
					same = false
					break
				}
			}
			if same {
				if err := c.SetInt("index", new(big.Int).SetUint64(i/size)); err != nil {
					return err
				}
				return c.Set("is_elm_in_set", boolValue(true))
			}
		}
		return c.Set("is_elm_in_set", boolValue(false))
	})
}

// readRange is memory.get_range(p, n) into out (out nil: read only).
func readRange(c *Context, p memory.Ptr, n uint64, out []memory.Value) error {
	for i := uint64(0); i < n; i++ {
		v, err := c.Mem.Read(p.AddUint(i))
		if err != nil {
			return err
		}
		if out != nil {
			out[i] = v
		}
	}
	return nil
}

// pySub is Python's b - a for two memory values as an integer: the
// distance between pointers of one segment, or the difference of ints.
func pySub(a, b memory.Value) (*big.Int, error) {
	pa, aPtr := a.Ptr()
	pb, bPtr := b.Ptr()
	switch {
	case aPtr && bPtr:
		if pa.Segment != pb.Segment {
			return nil, assertf("Can only subtract two relocatable values of the same segment (%d != %d).", pb.Segment, pa.Segment)
		}
		return new(big.Int).Sub(new(big.Int).SetUint64(pb.Offset), new(big.Int).SetUint64(pa.Offset)), nil
	case !aPtr && !bPtr:
		return new(big.Int).Sub(b.MustFelt().BigInt(), a.MustFelt().BigInt()), nil
	}
	return nil, pyErr("TypeError", "unsupported operand type(s) for -")
}
