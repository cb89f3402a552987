package runner

import (
	"errors"
	"fmt"
	"math/bits"
	"sort"

	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/trace"

	"github.com/cairn-vm/cairn/builtins"
	"github.com/cairn-vm/cairn/vm"
	"github.com/cairn-vm/cairn/vm/memory"
)

func nextPow2(n uint64) uint64 {
	if n <= 1 {
		return 1
	}
	return 1 << bits.Len64(n-1)
}

// padTrace runs on to a power of two, and further until the layout has room
// for everything the run used (cairo-lang's end_run in proof mode).
func (r *Runner) padTrace() error {
	if err := r.RunUntilSteps(nextPow2(r.VM.Steps)); err != nil {
		return err
	}
	for {
		err := r.checkUsedCells()
		if err == nil {
			return nil
		}
		var ic *builtins.InsufficientCellsError
		if !errors.As(err, &ic) {
			return &AssertError{err.Error()}
		}
		r.Warnings = append(r.Warnings, fmt.Sprintf("Warning: %s Increasing number of steps.", ic.Msg))
		if err := r.RunUntilSteps(r.VM.Steps + 1); err != nil {
			return err
		}
		if err := r.RunUntilSteps(nextPow2(r.VM.Steps)); err != nil {
			return err
		}
	}
}

// checkUsedCells is cairo-lang's check_used_cells: builtin capacity,
// range-check units, memory units and diluted units.
func (r *Runner) checkUsedCells() error {
	steps := r.VM.Steps
	for _, b := range r.Builtins {
		if _, _, err := b.UsedCellsAndAllocatedSize(r.Mem, steps); err != nil {
			return err
		}
	}
	l := r.Layout
	// Range checks: three units of each step go to the instruction's offsets.
	rcMin, rcMax, err := r.RangeCheckLimits()
	if err != nil {
		return err
	}
	var rcByBuiltins int64
	for _, b := range r.Builtins {
		n, err := b.UsedPermRangeCheckUnits(r.Mem, steps)
		if err != nil {
			return err
		}
		rcByBuiltins += int64(n)
	}
	unusedRC := int64(l.RCUnits-3)*int64(steps) - rcByBuiltins
	if need := int64(rcMax) - int64(rcMin); unusedRC < need {
		return &builtins.InsufficientCellsError{Msg: fmt.Sprintf("There are only %d cells to fill the range checks holes, but potentially %d are required.", unusedRC, need)}
	}
	// Memory: a fraction of the units is public memory, four per step are
	// the instruction's.
	var builtinUnits int64
	for _, b := range r.Builtins {
		n, err := b.AllocatedMemoryUnits(r.Mem, steps)
		if err != nil {
			return err
		}
		builtinUnits += int64(n)
	}
	total := int64(l.MemoryUnitsPerStep) * int64(steps)
	if total%int64(l.PublicMemoryFraction) != 0 {
		return fmt.Errorf("%d is not divisible by %d.", total, l.PublicMemoryFraction)
	}
	unusedMem := total - (total/int64(l.PublicMemoryFraction) + 4*int64(steps) + builtinUnits)
	holes, err := r.MemoryHoles()
	if err != nil {
		return err
	}
	if unusedMem < int64(holes) {
		return &builtins.InsufficientCellsError{Msg: fmt.Sprintf("There are only %d cells to fill the memory address holes, but %d are required.", unusedMem, holes)}
	}
	// Diluted pool.
	if d := l.Diluted; d != nil {
		var used int64
		for _, b := range r.Builtins {
			inst, err := b.AllocatedInstances(r.Mem, steps)
			if err != nil {
				return err
			}
			used += int64(b.UsedDilutedCheckUnits(d.Spacing, d.NBits)) * int64(inst)
		}
		var units int64
		if d.LogUnitsPerStep >= 0 {
			units = int64(steps) << d.LogUnitsPerStep
		} else {
			div := int64(1) << -d.LogUnitsPerStep
			if int64(steps)%div != 0 {
				return fmt.Errorf("%d is not divisible by %d.", steps, div)
			}
			units = int64(steps) / div
		}
		if unused, need := units-used, int64(1)<<d.NBits; unused < need {
			return &builtins.InsufficientCellsError{Msg: fmt.Sprintf("There are only %d cells to fill the diluted check holes, but potentially %d are required.", unused, need)}
		}
	}
	return nil
}

// RangeCheckLimits is the smallest and largest value in the range-check
// permutation: the instructions' biased offsets and the builtins' parts.
func (r *Runner) RangeCheckLimits() (lo, hi uint64, err error) {
	lo, hi = 1<<16, 0
	r.VM.TraceEntries(func(_ int, e vm.TraceEntry) bool {
		var w felt.Felt
		if w, err = r.Mem.ReadFelt(e.PC); err != nil {
			return false
		}
		x := w.Uint64()
		for i := 0; i < 3; i++ {
			o := (x >> (16 * i)) & 0xffff
			lo, hi = min(lo, o), max(hi, o)
		}
		return true
	})
	if err != nil {
		return 0, 0, err
	}
	for _, b := range r.Builtins {
		if bl, bh, ok := b.RangeCheckUsage(r.Mem); ok {
			lo, hi = min(lo, bl), max(hi, bh)
		}
	}
	return lo, hi, nil
}

// accessed marks, per segment, the cells instructions touched in the first
// r.accessSteps steps, plus the program: cairo-lang's accessed_addresses,
// recomputed from the trace so the step loop need not track it.
func (r *Runner) accessed() (map[int]map[uint64]struct{}, error) {
	acc := map[int]map[uint64]struct{}{}
	mark := func(p memory.Ptr) {
		p = r.Mem.RelocatePtr(p)
		s := acc[p.Segment]
		if s == nil {
			s = map[uint64]struct{}{}
			acc[p.Segment] = s
		}
		s[p.Offset] = struct{}{}
	}
	for i := range r.Program.Data {
		mark(r.ProgramBase.AddUint(uint64(i)))
	}
	var err error
	r.VM.TraceEntries(func(i int, e vm.TraceEntry) bool {
		if uint64(i) >= r.accessSteps {
			return false
		}
		var ins vm.Instruction
		if ins, err = r.VM.DecodeAt(e.PC); err != nil {
			return false
		}
		var dst, op0, op1 memory.Ptr
		if dst, op0, op1, err = vm.OperandAddrs(&ins, e.PC, e.AP, e.FP, r.Mem); err != nil {
			return false
		}
		mark(dst)
		mark(op0)
		mark(op1)
		mark(e.PC)
		return true
	})
	if err != nil {
		return nil, err
	}
	return acc, nil
}

// segmentSize is the finalized size of a segment, or its used size.
func (r *Runner) segmentSize(i int) uint64 {
	if s, ok := r.finalSizes[i]; ok {
		return s
	}
	return r.Mem.UsedSize(i)
}

// MemoryHoles counts the cells of every segment that nothing accessed.
func (r *Runner) MemoryHoles() (uint64, error) {
	acc, err := r.accessed()
	if err != nil {
		return 0, err
	}
	for _, b := range r.Builtins {
		if ma, ok := b.(builtins.MemoryAccesser); ok {
			ps, err := ma.MemoryAccesses(r.Mem, r.segmentSize(b.Base().Segment))
			if err != nil {
				return 0, &AssertError{err.Error()}
			}
			for _, p := range ps {
				p = r.Mem.RelocatePtr(p)
				if acc[p.Segment] == nil {
					acc[p.Segment] = map[uint64]struct{}{}
				}
				acc[p.Segment][p.Offset] = struct{}{}
			}
		}
		if !b.AccessesWholeSegment() {
			continue
		}
		seg := b.Base().Segment
		size := r.segmentSize(seg)
		s := acc[seg]
		if s == nil {
			s = map[uint64]struct{}{}
			acc[seg] = s
		}
		for o := uint64(0); o < size; o++ {
			s[b.Base().Offset+o] = struct{}{}
		}
	}
	if r.hasZeroSeg {
		s := acc[r.zeroSeg.Segment]
		if s == nil {
			s = map[uint64]struct{}{}
			acc[r.zeroSeg.Segment] = s
		}
		for o := uint64(0); o < r.zeroSize; o++ {
			s[o] = struct{}{}
		}
	}
	var holes uint64
	for i := 0; i < r.Mem.NumSegments(); i++ {
		size := r.segmentSize(i)
		for o := range acc[i] {
			if o > size {
				return 0, &AssertError{fmt.Sprintf("Accessed address %v has higher offset than the maximal offset %d encountered in the memory segment.", memory.Ptr{Segment: i, Offset: o}, size)}
			}
		}
		holes += size - uint64(len(acc[i]))
	}
	return holes, nil
}

// FinalizeSegments fixes the sizes and public memory of the program, the
// execution segment and the builtins (cairo-lang's finalize_segments).
func (r *Runner) FinalizeSegments() error {
	if r.segmentsFinal {
		return nil
	}
	r.finalSizes = map[int]uint64{}
	r.publicOffsets = map[int][]PublicCell{}
	n := uint64(len(r.Program.Data))
	r.finalSizes[r.ProgramBase.Segment] = n
	prog := make([]PublicCell, n)
	for i := range prog {
		prog[i] = PublicCell{Offset: uint64(i)}
	}
	r.publicOffsets[r.ProgramBase.Segment] = prog
	var exec []PublicCell
	for _, o := range r.execPublic {
		exec = append(exec, PublicCell{Offset: o + r.ExecBase.Offset})
	}
	r.publicOffsets[r.ExecBase.Segment] = exec
	steps := r.VM.Steps
	for _, b := range r.Builtins {
		_, size, err := b.UsedCellsAndAllocatedSize(r.Mem, steps)
		if err != nil {
			return &AssertError{err.Error()}
		}
		r.finalSizes[b.Base().Segment] = size
		if b.Name() == "output" {
			cells := make([]PublicCell, size)
			for i := range cells {
				cells[i] = PublicCell{Offset: uint64(i)}
			}
			r.publicOffsets[b.Base().Segment] = cells
		}
	}
	if r.hasZeroSeg {
		r.finalSizes[r.zeroSeg.Segment] = r.zeroSize
	}
	r.segmentsFinal = true
	return nil
}

// PublicMemoryEntry is one cell of the public memory, relocated.
type PublicMemoryEntry struct {
	Address uint64
	Page    int
}

// PublicMemory lists the public cells in segment order (cairo-lang's
// get_public_memory_addresses). Relocate must have run.
func (r *Runner) PublicMemory() []PublicMemoryEntry {
	var out []PublicMemoryEntry
	for i := 0; i < r.Mem.NumSegments(); i++ {
		for _, c := range r.publicOffsets[i] {
			out = append(out, PublicMemoryEntry{Address: r.Relocation.Bases[i] + c.Offset, Page: c.Page})
		}
	}
	return out
}

// SegmentAddresses is a builtin segment's relocated begin and stop.
type SegmentAddresses struct {
	Name           string
	Begin, StopPtr uint64
}

// BuiltinSegments lists the builtin segments in layout order, with the stop
// pointer of a builtin the program does not use equal to its begin.
func (r *Runner) BuiltinSegments() ([]SegmentAddresses, error) {
	used := map[string]bool{}
	for _, b := range r.Program.Builtins {
		used[b] = true
	}
	var out []SegmentAddresses
	for _, b := range r.Builtins {
		begin, err := r.Relocation.Ptr(b.Base())
		if err != nil {
			return nil, err
		}
		stop := begin
		if used[b.Name()] {
			sp, ok := b.StopPtr()
			if !ok {
				return nil, &AssertError{fmt.Sprintf("The %s builtin stop pointer was not set.", b.Name())}
			}
			if stop, err = r.Relocation.Ptr(sp); err != nil {
				return nil, err
			}
		}
		out = append(out, SegmentAddresses{Name: b.Name(), Begin: begin, StopPtr: stop})
	}
	return out, nil
}

// BuiltinUsage renders cairo-run's "Builtin usage" table (proof mode).
func (r *Runner) BuiltinUsage() (string, error) {
	if len(r.Builtins) == 0 {
		return "", nil
	}
	s := "\nBuiltin usage:\n"
	for _, b := range r.Builtins {
		used, size, err := b.UsedCellsAndAllocatedSize(r.Mem, r.VM.Steps)
		if err != nil {
			return "", err
		}
		pct := "100%"
		if size > 0 {
			pct = fmt.Sprintf("%.2f%%", float64(used)/float64(size)*100)
		}
		s += fmt.Sprintf("%-30s %7s (used %d cells)\n", b.Name()+"_builtin", pct, used)
	}
	return s, nil
}

// PublicInput builds air_public_input.json's content. Relocate must have run.
func (r *Runner) PublicInput() (*trace.PublicInput, error) {
	t, err := r.RelocatedTrace()
	if err != nil {
		return nil, err
	}
	if len(t) == 0 {
		return nil, &AssertError{"the trace is empty"}
	}
	lo, hi, err := r.RangeCheckLimits()
	if err != nil {
		return nil, err
	}
	segs := trace.OrderedSegments{
		{Name: "program", SegmentAddresses: trace.SegmentAddresses{BeginAddr: t[0].PC, StopPtr: t[len(t)-1].PC}},
		{Name: "execution", SegmentAddresses: trace.SegmentAddresses{BeginAddr: t[0].AP, StopPtr: t[len(t)-1].AP}},
	}
	bs, err := r.BuiltinSegments()
	if err != nil {
		return nil, err
	}
	for _, b := range bs {
		segs = append(segs, trace.NamedSegment{Name: b.Name, SegmentAddresses: trace.SegmentAddresses{BeginAddr: b.Begin, StopPtr: b.StopPtr}})
	}
	pi := &trace.PublicInput{Layout: r.Layout.Name, RcMin: lo, RcMax: hi, NSteps: uint64(len(t)), MemorySegments: segs}
	for _, e := range r.PublicMemory() {
		v, err := r.relocatedValueAt(e.Address)
		if err != nil {
			return nil, err
		}
		pi.PublicMemory = append(pi.PublicMemory, trace.PublicMemoryEntry{Address: e.Address, Value: v.Hex(), Page: e.Page})
	}
	return pi, nil
}

// relocatedValueAt finds the value at a relocated address.
func (r *Runner) relocatedValueAt(addr uint64) (felt.Felt, error) {
	rel := r.Relocation
	i := sort.Search(len(rel.Bases), func(i int) bool { return rel.Bases[i] > addr }) - 1
	for ; i >= 0; i-- { // empty segments share their base with the next
		if addr < rel.Bases[i]+rel.Sizes[i] {
			break
		}
	}
	if i < 0 {
		return felt.Felt{}, &AssertError{fmt.Sprintf("public memory address %d is outside every segment", addr)}
	}
	v, err := r.Mem.Read(memory.Ptr{Segment: i, Offset: addr - rel.Bases[i]})
	if err != nil {
		return felt.Felt{}, &AssertError{fmt.Sprintf("Unknown value for memory cell at address %d.", addr)}
	}
	return rel.Value(v)
}

// PrivateInput builds air_private_input.json's content.
func (r *Runner) PrivateInput(tracePath, memoryPath string) (map[string]any, error) {
	out := map[string]any{"trace_path": tracePath, "memory_path": memoryPath}
	for _, b := range r.Builtins {
		if rp, ok := b.(builtins.RelocatedPrivateInputer); ok {
			v, ok, err := rp.RelocatedPrivateInput(r.Mem, r.Relocation)
			if err != nil {
				return nil, &AssertError{err.Error()}
			}
			if ok {
				out[b.Name()] = v
			}
			continue
		}
		if v, ok := b.PrivateInput(r.Mem); ok {
			out[b.Name()] = v
		}
	}
	return out, nil
}
