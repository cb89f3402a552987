package builtins

import (
	"fmt"

	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/vm/memory"
)

// RangeCheck is the range_check builtin (and range_check96): every value
// written to its segment must be an integer in [0, 2^(16*nParts)).
type RangeCheck struct {
	base
	nParts   int
	boundLog int
}

// NewRangeCheck returns a range-check builtin with nParts 16-bit parts
// (8 for range_check, 6 for range_check96).
func NewRangeCheck(name string, included bool, lb LayoutBuiltin, nParts int) *RangeCheck {
	return &RangeCheck{base: newBase(name, included, lb, 1, 1, 1, 0), nParts: nParts, boundLog: 16 * nParts}
}

// BoundLog is log2 of the bound (128 for range_check).
func (r *RangeCheck) BoundLog() int { return r.boundLog }

// AddRules installs the range validation.
func (r *RangeCheck) AddRules(m *memory.Memory) {
	m.AddValidator(r.seg.Segment, func(_ *memory.Memory, addr memory.Ptr, v memory.Value) error {
		f, ok := v.Felt()
		if !ok {
			return fmt.Errorf("Range-check builtin: Expected value at address %v to be an integer. Got: %v.", addr, v)
		}
		if f.BitLen() > r.boundLog {
			return fmt.Errorf("Value %v, in range check builtin %d, is out of range [0, %s).", f, addr.Offset-r.seg.Offset, felt.Pow2String(r.boundLog))
		}
		return nil
	})
}

// RangeCheckUsage is the min and max 16-bit part of the values written.
func (r *RangeCheck) RangeCheckUsage(m *memory.Memory) (uint64, uint64, bool) {
	lo, hi, any := uint64(1<<16), uint64(0), false
	m.EachCell(r.seg.Segment, func(_ uint64, v memory.Value) bool {
		w := v.MustFelt().Bits()
		for i := 0; i < r.nParts; i++ {
			part := (w[i/4] >> (16 * (i % 4))) & 0xffff
			lo, hi = min(lo, part), max(hi, part)
		}
		any = true
		return true
	})
	return lo, hi, any
}

// UsedPermRangeCheckUnits: each cell takes nParts range-check units.
func (r *RangeCheck) UsedPermRangeCheckUnits(m *memory.Memory, steps uint64) (uint64, error) {
	used, _, err := r.UsedCellsAndAllocatedSize(m, steps)
	return used * uint64(r.nParts), err
}

// PrivateInput lists every written cell as {index, value}.
func (r *RangeCheck) PrivateInput(m *memory.Memory) (any, bool) {
	out := []any{}
	m.EachCell(r.seg.Segment, func(off uint64, v memory.Value) bool {
		out = append(out, map[string]any{"index": off, "value": v.MustFelt().Hex()})
		return true
	})
	return out, true
}
