package builtins

import (
	"errors"
	"fmt"

	"github.com/cairn-vm/cairn/vm/memory"
)

// ErrUnsupported is a builtin that Cairn does not implement yet.
var ErrUnsupported = errors.New("builtin is not supported yet")

// Runner is one builtin instance in a run.
type Runner interface {
	// Name is the builtin's name as in %builtins ("output", "range_check").
	Name() string
	// Included reports whether the program uses the builtin (in proof mode
	// every builtin of the layout runs, used or not).
	Included() bool
	// InitSegments adds the builtin's segment.
	InitSegments(m *memory.Memory)
	// Base is the start of the builtin's segment.
	Base() memory.Ptr
	// InitialStack is what the builtin puts on main's stack.
	InitialStack() []memory.Value
	// AddRules installs validation and auto-deduction rules.
	AddRules(m *memory.Memory)
	// FinalStack reads the stop pointer below ptr and returns the pointer
	// under what it read.
	FinalStack(m *memory.Memory, ptr memory.Ptr) (memory.Ptr, error)
	// StopPtr is the stop pointer read by FinalStack.
	StopPtr() (memory.Ptr, bool)
	// UsedCells is the used size of the builtin's segment.
	UsedCells(m *memory.Memory) uint64
	// UsedInstances is the number of builtin instances used.
	UsedInstances(m *memory.Memory) uint64
	// SecurityCheck runs the builtin's part of a secure run.
	SecurityCheck(m *memory.Memory) error
}

// base holds what every builtin shares.
type base struct {
	name         string
	included     bool
	seg          memory.Ptr
	stop         memory.Ptr
	stopSet      bool
	cellsPerInst uint64
	nInputCells  uint64
}

func (b *base) Name() string                  { return b.name }
func (b *base) Included() bool                { return b.included }
func (b *base) InitSegments(m *memory.Memory) { b.seg = m.AddSegment() }
func (b *base) Base() memory.Ptr              { return b.seg }
func (b *base) StopPtr() (memory.Ptr, bool)   { return b.stop, b.stopSet }
func (b *base) AddRules(*memory.Memory)       {}

func (b *base) InitialStack() []memory.Value {
	if !b.included {
		return nil
	}
	return []memory.Value{memory.FromPtr(b.seg)}
}

func (b *base) UsedCells(m *memory.Memory) uint64 { return m.UsedSize(b.seg.Segment) }

func (b *base) UsedInstances(m *memory.Memory) uint64 {
	return (b.UsedCells(m) + b.cellsPerInst - 1) / b.cellsPerInst
}

// finalStack implements the common stop-pointer check; used is the number
// of cells the builtin must have consumed.
func (b *base) finalStack(m *memory.Memory, ptr memory.Ptr, used uint64) (memory.Ptr, error) {
	if !b.included {
		b.stop, b.stopSet = b.seg, true
		return ptr, nil
	}
	at, err := ptr.Add(-1)
	if err != nil {
		return ptr, err
	}
	v, err := m.Read(at)
	if err != nil {
		return ptr, err
	}
	want := b.seg.AddUint(used)
	stop, ok := v.Ptr()
	if !ok || stop != want {
		return ptr, fmt.Errorf("Invalid stop pointer for %s. Expected: %v, found: %v", b.name, want, v)
	}
	b.stop, b.stopSet = stop, true
	return at, nil
}

// securityCheck is cairo-lang's SimpleBuiltinRunner.run_security_checks for
// builtins whose every cell is an input: all cells up to the last one
// written must be present.
func (b *base) securityCheck(m *memory.Memory) error {
	seen := uint64(0)
	maxOff := uint64(0)
	any := false
	m.EachCell(b.seg.Segment, func(off uint64, _ memory.Value) bool {
		seen++
		if off > maxOff {
			maxOff = off
		}
		any = true
		return true
	})
	if !any {
		return nil
	}
	n := maxOff/b.cellsPerInst + 1
	if n > seen/b.nInputCells {
		return fmt.Errorf("Missing memory cells for %s.", b.name)
	}
	var missing []uint64
	for i := uint64(0); i < n; i++ {
		for j := uint64(0); j < b.nInputCells; j++ {
			off := b.cellsPerInst*i + j
			if !m.Get(memory.Ptr{Segment: b.seg.Segment, Offset: off}).IsSet() {
				missing = append(missing, off)
			}
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("Missing memory cells for %s: %v", b.name, missing)
	}
	return nil
}
