package hints

import (
	"fmt"
	"math/big"
	"sort"

	"github.com/cairn-vm/cairn/vm/memory"
)

// The hints of common/usort.cairo.
//
// Exec-scope variables: __usort_max_size (nil for Python's None, or a
// *big.Int), positions_dict (usortPositions: a defaultdict(list) of
// ascending input positions by value), output ([]memory.Value, the sorted
// distinct values), input_ptr, input_len, last_pos and current_pos (int),
// positions (*[]int, descending, popped from the end).

// usortPositions is usort's positions_dict.
type usortPositions map[memory.Value][]int

func init() {
	register(`vm_enter_scope(dict(__usort_max_size = globals().get('__usort_max_size')))`, func(c *Context) error {
		c.EnterScope(map[string]any{"__usort_max_size": c.Scope()["__usort_max_size"]})
		return nil
	})

	register(`
        from collections import defaultdict

        input_ptr = ids.input
        input_len = int(ids.input_len)
        if __usort_max_size is not None:
            assert input_len <= __usort_max_size, (
                f"usort() can only be used with input_len<={__usort_max_size}. "
                f"Got: input_len={input_len}."
            )

        positions_dict = defaultdict(list)
        for i in range(input_len):
            val = memory[input_ptr + i]
            positions_dict[val].append(i)

        output = sorted(positions_dict.keys())
        ids.output_len = len(output)
        ids.output = segments.gen_arg(output)
        ids.multiplicities = segments.gen_arg([len(positions_dict[k]) for k in output])
    `, func(c *Context) error {
		s := c.Scope()
		in, err := c.Get("input")
		if err != nil {
			return err
		}
		s["input_ptr"] = in
		n, err := c.Int("input_len")
		if err != nil {
			return err
		}
		s["input_len"] = n
		maxV, ok := s["__usort_max_size"]
		if !ok {
			return nameError("__usort_max_size")
		}
		if maxV != nil {
			max, ok := maxV.(*big.Int)
			if !ok {
				return fmt.Errorf("__usort_max_size in the exec scope is a %T", maxV)
			}
			if n.Cmp(max) > 0 {
				return assertf("usort() can only be used with input_len<=%v. Got: input_len=%v.", max, n)
			}
		}
		pos := usortPositions{}
		s["positions_dict"] = pos
		var keys []memory.Value
		if n.Sign() > 0 {
			p, ok := in.Ptr()
			if !ok {
				return pyErr("TypeError", "unsupported operand type(s) for +: 'int' and 'int' (input is not a pointer)")
			}
			for i := uint64(0); !n.IsUint64() || i < n.Uint64(); i++ {
				v, err := c.Mem.Read(p.AddUint(i))
				if err != nil {
					return err
				}
				l, seen := pos[v]
				if !seen {
					keys = append(keys, v)
				}
				pos[v] = append(l, int(i))
			}
		}
		sort.Slice(keys, func(i, j int) bool { return pyCompare(keys[i], keys[j]) < 0 })
		s["output"] = keys
		if err := c.SetInt("output_len", big1(int64(len(keys)))); err != nil {
			return err
		}
		out := c.Mem.AddSegment()
		for i, k := range keys {
			if err := c.Mem.Set(out.AddUint(uint64(i)), k); err != nil {
				return err
			}
		}
		if err := c.Set("output", memory.FromPtr(out)); err != nil {
			return err
		}
		mult := c.Mem.AddSegment()
		for i, k := range keys {
			if err := c.Mem.Set(mult.AddUint(uint64(i)), memory.FromUint64(uint64(len(pos[k])))); err != nil {
				return err
			}
		}
		return c.Set("multiplicities", memory.FromPtr(mult))
	})

	register(`
        last_pos = 0
        positions = positions_dict[ids.value][::-1]
    `, func(c *Context) error {
		v, ok := c.Scope()["positions_dict"]
		if !ok {
			return nameError("positions_dict")
		}
		pos, ok := v.(usortPositions)
		if !ok {
			return fmt.Errorf("positions_dict in the exec scope is a %T", v)
		}
		c.Scope()["last_pos"] = 0
		val, err := c.Get("value")
		if err != nil {
			return err
		}
		l, ok := pos[val]
		if !ok {
			pos[val] = nil // defaultdict(list) inserts the key
		}
		rev := make([]int, len(l))
		for i, p := range l {
			rev[len(l)-1-i] = p
		}
		c.Scope()["positions"] = &rev
		return nil
	})

	register(`
        current_pos = positions.pop()
        ids.next_item_index = current_pos - last_pos
        last_pos = current_pos + 1
    `, func(c *Context) error {
		cur, err := popInts(c, "positions")
		if err != nil {
			return err
		}
		c.Scope()["current_pos"] = cur
		last, err := scopeSmallInt(c, "last_pos")
		if err != nil {
			return err
		}
		if err := c.SetInt("next_item_index", big1(int64(cur-last))); err != nil {
			return err
		}
		c.Scope()["last_pos"] = cur + 1
		return nil
	})

	register(`assert len(positions) == 0`, func(c *Context) error {
		l, err := scopeIntList(c, "positions")
		if err != nil {
			return err
		}
		if len(*l) != 0 {
			return assertf("")
		}
		return nil
	})
}
