package builtins

import (
	"errors"
	"fmt"

	"github.com/cairn-vm/cairn/vm/memory"
)

// ErrUnsupported is a builtin that Cairn does not implement yet.
var ErrUnsupported = errors.New("builtin is not supported yet")

// InsufficientCellsError says the trace is too short for what the run
// used; proof mode answers it by running more steps.
type InsufficientCellsError struct{ Msg string }

func (e *InsufficientCellsError) Error() string { return e.Msg }

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

	// Proof-mode bookkeeping, for a trace of the given number of steps.
	Cells() (perInstance, inputs uint64)
	AllocatedInstances(m *memory.Memory, steps uint64) (uint64, error)
	UsedCellsAndAllocatedSize(m *memory.Memory, steps uint64) (used, size uint64, err error)
	AllocatedMemoryUnits(m *memory.Memory, steps uint64) (uint64, error)
	// AccessesWholeSegment reports whether every cell of the (finalized)
	// segment counts as accessed for the memory-holes count.
	AccessesWholeSegment() bool
	// RangeCheckUsage is the smallest and largest 16-bit part the builtin
	// sends to the range-check permutation (ok false: none).
	RangeCheckUsage(m *memory.Memory) (lo, hi uint64, ok bool)
	UsedPermRangeCheckUnits(m *memory.Memory, steps uint64) (uint64, error)
	UsedDilutedCheckUnits(spacing, nBits int) uint64
	// PrivateInput is the builtin's entry of air_private_input.json (ok
	// false: the builtin has none).
	PrivateInput(m *memory.Memory) (v any, ok bool)
}

// base holds what every builtin shares: cairo-lang's SimpleBuiltinRunner
// (and its low-ratio variant, with RatioDen).
type base struct {
	name         string
	included     bool
	seg          memory.Ptr
	stop         memory.Ptr
	stopSet      bool
	cellsPerInst uint64
	nInputCells  uint64
	ratio        uint64 // steps per instance (over ratioDen); 0: unused in the layout
	ratioDen     uint64
	instPerComp  uint64
	extraUnits   uint64 // additional memory units per instance
}

func newBase(name string, included bool, lb LayoutBuiltin, cells, inputs, instPerComp, extraUnits uint64) base {
	den := uint64(lb.RatioDen)
	if den == 0 {
		den = 1
	}
	return base{name: name, included: included, cellsPerInst: cells, nInputCells: inputs,
		ratio: uint64(lb.Ratio), ratioDen: den, instPerComp: instPerComp, extraUnits: extraUnits}
}

func (b *base) Name() string                  { return b.name }
func (b *base) Included() bool                { return b.included }
func (b *base) InitSegments(m *memory.Memory) { b.seg = m.AddSegment() }
func (b *base) Base() memory.Ptr              { return b.seg }
func (b *base) StopPtr() (memory.Ptr, bool)   { return b.stop, b.stopSet }
func (b *base) AddRules(*memory.Memory)       {}
func (b *base) Cells() (uint64, uint64)       { return b.cellsPerInst, b.nInputCells }
func (b *base) AccessesWholeSegment() bool    { return true }

func (b *base) RangeCheckUsage(*memory.Memory) (uint64, uint64, bool) { return 0, 0, false }
func (b *base) UsedPermRangeCheckUnits(*memory.Memory, uint64) (uint64, error) {
	return 0, nil
}
func (b *base) UsedDilutedCheckUnits(int, int) uint64 { return 0 }

// PrivateInput of a builtin with no inputs recorded is an empty list.
func (b *base) PrivateInput(*memory.Memory) (any, bool) { return []any{}, true }

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

// AllocatedInstances is how many instances a trace of steps steps holds.
func (b *base) AllocatedInstances(_ *memory.Memory, steps uint64) (uint64, error) {
	if b.ratio == 0 {
		return 0, nil
	}
	minSteps := (b.ratio*b.instPerComp + b.ratioDen - 1) / b.ratioDen
	if steps < minSteps {
		return 0, &InsufficientCellsError{fmt.Sprintf("Number of steps must be at least %d for the %s builtin.", minSteps, b.name)}
	}
	if (steps*b.ratioDen)%b.ratio != 0 {
		return 0, fmt.Errorf("%d is not divisible by %d.", steps*b.ratioDen, b.ratio)
	}
	return steps * b.ratioDen / b.ratio, nil
}

func (b *base) UsedCellsAndAllocatedSize(m *memory.Memory, steps uint64) (uint64, uint64, error) {
	used := b.UsedCells(m)
	inst, err := b.AllocatedInstances(m, steps)
	if err != nil {
		return 0, 0, err
	}
	size := b.cellsPerInst * inst
	if used > size {
		return 0, 0, &InsufficientCellsError{fmt.Sprintf("The %s builtin used %d cells but the capacity is %d.", b.name, used, size)}
	}
	return used, size, nil
}

func (b *base) AllocatedMemoryUnits(m *memory.Memory, steps uint64) (uint64, error) {
	inst, err := b.AllocatedInstances(m, steps)
	return (b.cellsPerInst + b.extraUnits) * inst, err
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

// FinalStack checks the stop pointer of a simple builtin.
func (b *base) FinalStack(m *memory.Memory, ptr memory.Ptr) (memory.Ptr, error) {
	return b.finalStack(m, ptr, b.UsedInstances(m)*b.cellsPerInst)
}

// SecurityCheck is cairo-lang's SimpleBuiltinRunner.run_security_checks:
// every input cell of every instance up to the last one written must be
// present. (Builtins with output cells extend it with their deductions.)
func (b *base) SecurityCheck(m *memory.Memory) error {
	_, err := checkInputCells(m, b)
	return err
}

// Placeholder is a builtin of the layout that the program does not use: in
// proof mode it still owns an (empty) segment and its share of the trace.
type Placeholder struct {
	base
	zeros memory.Ptr
}

// ZeroUser is a builtin that needs a segment of zeros (the modulo
// builtins point unused instances at it).
type ZeroUser interface {
	NeededZeros() uint64
	SetZeros(p memory.Ptr)
}

// modZeros is max(n_words, 3 * batch_size) for the modulo builtins of
// cairo-lang 0.14.0.1's layouts (n_words 4, batch size 1).
const modZeros = 4

// NeededZeros: a placeholder add_mod or mul_mod still reserves its zeros.
func (p *Placeholder) NeededZeros() uint64 {
	if p.name == "add_mod" || p.name == "mul_mod" {
		return modZeros
	}
	return 0
}

// SetZeros records where the zeros are.
func (p *Placeholder) SetZeros(z memory.Ptr) { p.zeros = z }

// RelocatedPrivateInputer is a builtin whose private input holds
// relocated addresses.
type RelocatedPrivateInputer interface {
	RelocatedPrivateInput(m *memory.Memory, rel *memory.Relocation) (any, bool, error)
}

// RelocatedPrivateInput: an unused modulo builtin still names its zeros.
func (p *Placeholder) RelocatedPrivateInput(m *memory.Memory, rel *memory.Relocation) (any, bool, error) {
	if p.name != "add_mod" && p.name != "mul_mod" {
		v, ok := p.PrivateInput(m)
		return v, ok, nil
	}
	z, err := rel.Ptr(p.zeros)
	if err != nil {
		return nil, false, err
	}
	return map[string]any{"instances": []any{}, "zero_value_address": z}, true, nil
}
