package builtins

import "github.com/cairn-vm/cairn/vm/memory"

// Output is the output builtin: a segment the program writes its public
// output to, one cell per value.
type Output struct{ base }

// NewOutput returns the output builtin.
func NewOutput(included bool) *Output {
	return &Output{base{name: "output", included: included, cellsPerInst: 1, nInputCells: 1}}
}

// FinalStack checks that the stop pointer is the end of the written output.
func (o *Output) FinalStack(m *memory.Memory, ptr memory.Ptr) (memory.Ptr, error) {
	return o.finalStack(m, ptr, o.UsedCells(m))
}

// SecurityCheck: the output builtin has no security checks.
func (o *Output) SecurityCheck(*memory.Memory) error { return nil }
