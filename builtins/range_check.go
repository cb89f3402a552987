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
	bound    felt.Felt
}

// NewRangeCheck returns a range-check builtin with nParts 16-bit parts
// (8 for range_check, 6 for range_check96).
func NewRangeCheck(name string, included bool, nParts int) *RangeCheck {
	rc := &RangeCheck{base: base{name: name, included: included, cellsPerInst: 1, nInputCells: 1}, nParts: nParts, boundLog: 16 * nParts}
	return rc
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

// FinalStack checks the stop pointer.
func (r *RangeCheck) FinalStack(m *memory.Memory, ptr memory.Ptr) (memory.Ptr, error) {
	return r.finalStack(m, ptr, r.UsedInstances(m))
}

// SecurityCheck requires every cell up to the last used one to be written.
func (r *RangeCheck) SecurityCheck(m *memory.Memory) error { return r.securityCheck(m) }
