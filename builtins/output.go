package builtins

import "github.com/cairn-vm/cairn/vm/memory"

// Output is the output builtin: a segment the program writes its public
// output to, one cell per value. It takes no trace cells of its own (only
// public memory).
type Output struct{ base }

// NewOutput returns the output builtin.
func NewOutput(included bool) *Output {
	return &Output{base{name: "output", included: included, cellsPerInst: 1, nInputCells: 1, ratioDen: 1, instPerComp: 1}}
}

// FinalStack checks that the stop pointer is the end of the written output.
func (o *Output) FinalStack(m *memory.Memory, ptr memory.Ptr) (memory.Ptr, error) {
	return o.finalStack(m, ptr, o.UsedCells(m))
}

// SecurityCheck: the output builtin has no security checks.
func (o *Output) SecurityCheck(*memory.Memory) error { return nil }

func (o *Output) AllocatedInstances(m *memory.Memory, _ uint64) (uint64, error) {
	return o.UsedCells(m), nil
}

func (o *Output) UsedCellsAndAllocatedSize(m *memory.Memory, _ uint64) (uint64, uint64, error) {
	n := o.UsedCells(m)
	return n, n, nil
}

func (o *Output) AllocatedMemoryUnits(*memory.Memory, uint64) (uint64, error) { return 0, nil }

// AccessesWholeSegment: output cells count as accessed only when an
// instruction touched them.
func (o *Output) AccessesWholeSegment() bool { return false }

// PrivateInput: the output builtin has no private input.
func (o *Output) PrivateInput(*memory.Memory) (any, bool) { return nil, false }
