package hints

import (
	"fmt"
	"math/big"

	"github.com/cairn-vm/cairn/vm/memory"
)

// The hints of common/builtin_poseidon/poseidon.cairo: poseidon_hash_many's
// loop conditions (nondet %{ ... %} compiles to memory[ap] = ...).

func init() {
	for _, n := range []int64{10, 2} {
		n := n
		register(fmt.Sprintf(`memory[ap] = to_felt_or_relocatable(ids.elements_end - ids.elements >= %d)`, n),
			func(c *Context) error {
				d, err := pyDiff(c, "elements_end", "elements")
				if err != nil {
					return err
				}
				return c.SetAP(0, boolValue(d.Cmp(big.NewInt(n)) >= 0))
			})
	}
}

// pyDiff is Python's ids.a - ids.b as an integer: the distance between two
// pointers of one segment, or the difference of two integers.
func pyDiff(c *Context, a, b string) (*big.Int, error) {
	x, err := c.Get(a)
	if err != nil {
		return nil, err
	}
	y, err := c.Get(b)
	if err != nil {
		return nil, err
	}
	px, xPtr := x.Ptr()
	py, yPtr := y.Ptr()
	switch {
	case xPtr && yPtr:
		if px.Segment != py.Segment {
			return nil, assertf("Can only subtract two relocatable values of the same segment (%d != %d).", px.Segment, py.Segment)
		}
		return new(big.Int).Sub(new(big.Int).SetUint64(px.Offset), new(big.Int).SetUint64(py.Offset)), nil
	case x.IsFelt() && y.IsFelt():
		return new(big.Int).Sub(x.MustFelt().BigInt(), y.MustFelt().BigInt()), nil
	case xPtr:
		// A pointer minus an integer is a pointer, which Python cannot
		// compare with an integer.
		return nil, fmt.Errorf("'>=' not supported between instances of 'RelocatableValue' and 'int'")
	}
	return nil, fmt.Errorf("unsupported operand type(s) for -: 'int' and 'RelocatableValue'")
}

func boolValue(b bool) memory.Value {
	if b {
		return memory.FromUint64(1)
	}
	return memory.FromUint64(0)
}
