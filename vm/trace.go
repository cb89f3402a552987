package vm

import "github.com/cairn-vm/cairn/vm/memory"

// TraceEntry is the register state before one step.
type TraceEntry struct{ PC, AP, FP memory.Ptr }

// TraceRun is what the steps from From on, up to the next run, have in
// common: the registers' segments and fp. These change rarely (fp at
// calls and returns, segments when code runs in another segment or a hint
// moves ap), so the trace keeps one record per change and only ap and pc
// for every step.
type TraceRun struct {
	From       int
	PC, AP, FP int    // segments
	FPOffset   uint64 // fp's offset
}

// NarrowOffsets is the offsets of ap and pc of one step when both fit in
// 32 bits, as they do in every real run: 8 bytes a step.
type NarrowOffsets struct{ AP, PC uint32 }

// WideOffsets is the offsets of ap and pc of one step that needs more.
type WideOffsets struct{ AP, PC uint64 }

// TracePart is a stretch of consecutive steps from From on: their offsets
// are in Narrow or, when some offset needs more than 32 bits, in Wide.
type TracePart struct {
	From   int
	Narrow []NarrowOffsets
	Wide   []WideOffsets
}

// Len is the number of steps in p.
func (p *TracePart) Len() int { return len(p.Narrow) + len(p.Wide) }

// At returns the offsets of ap and pc at step p.From+i.
func (p *TracePart) At(i int) (ap, pc uint64) {
	if p.Wide != nil {
		return p.Wide[i].AP, p.Wide[i].PC
	}
	n := p.Narrow[i]
	return uint64(n.AP), uint64(n.PC)
}

// traceChunkLen is the number of steps in a narrow part: the trace grows
// by whole parts, so it is never copied and never over-allocated by more
// than one part (growing one slice by doubling touches, and makes the OS
// fault in, up to three times the final size).
const traceChunkLen = 1 << 16

// compactTrace is the trace as the step loop records it: 8 bytes a step
// written into a preallocated part, relocated only at the end.
type compactTrace struct {
	cur   []NarrowOffsets // the part being filled, from step n
	parts []TracePart     // finished parts, before cur
	runs  []TraceRun
	n     int // steps recorded before cur
	// check makes the next record compare the registers with the last
	// run's (set wherever fp or a segment may change).
	check bool
}

// record appends the registers before a step; the step loop inlines its
// common case by hand (see fastStep).
func (vm *VM) record() {
	t := &vm.trace
	if n := len(t.cur); n < cap(t.cur) && !t.check && (vm.AP.Offset|vm.PC.Offset)>>32 == 0 {
		t.cur = t.cur[:n+1]
		t.cur[n] = NarrowOffsets{uint32(vm.AP.Offset), uint32(vm.PC.Offset)}
		return
	}
	vm.recordSlow()
}

// segmentsMayChange makes the next record compare the registers with the
// current run's: called wherever fp or a register's segment may change
// (call, ret, the generic path, hints, callers between runs).
func (vm *VM) segmentsMayChange() { vm.trace.check = true }

func (vm *VM) recordSlow() {
	t := &vm.trace
	step := t.n + len(t.cur)
	k := len(t.runs) - 1
	if k < 0 || vm.PC.Segment != t.runs[k].PC || vm.AP.Segment != t.runs[k].AP || vm.FP.Segment != t.runs[k].FP || vm.FP.Offset != t.runs[k].FPOffset {
		if k >= 0 && t.runs[k].From == step {
			t.runs = t.runs[:k] // the previous run is empty
		}
		t.runs = append(t.runs, TraceRun{From: step, PC: vm.PC.Segment, AP: vm.AP.Segment, FP: vm.FP.Segment, FPOffset: vm.FP.Offset})
	}
	t.check = false
	ap, pc := vm.AP.Offset, vm.PC.Offset
	if (ap|pc)>>32 != 0 {
		vm.closePart()
		if k := len(t.parts) - 1; k >= 0 && t.parts[k].Wide != nil {
			t.parts[k].Wide = append(t.parts[k].Wide, WideOffsets{ap, pc})
		} else {
			t.parts = append(t.parts, TracePart{From: step, Wide: []WideOffsets{{ap, pc}}})
		}
		t.n++
		t.check = true // the next step must not go into cur unchecked
		return
	}
	if len(t.cur) == cap(t.cur) {
		vm.closePart()
		// Small runs get small parts.
		t.cur = make([]NarrowOffsets, 0, min(traceChunkLen, max(1024, t.n)))
	}
	t.cur = append(t.cur, NarrowOffsets{uint32(ap), uint32(pc)})
}

// closePart moves a non-empty cur to parts.
func (vm *VM) closePart() {
	t := &vm.trace
	if len(t.cur) > 0 {
		t.parts = append(t.parts, TracePart{From: t.n, Narrow: t.cur})
		t.n += len(t.cur)
		t.cur = nil
	}
}

// TraceLen is the number of recorded steps.
func (vm *VM) TraceLen() int { return vm.trace.n + len(vm.trace.cur) }

// CompactTrace returns the recorded trace as the step loop keeps it: its
// parts in step order, and the runs (the first starts at step 0). The
// slices are the VM's own; callers must not modify them.
func (vm *VM) CompactTrace() ([]TracePart, []TraceRun) {
	t := &vm.trace
	parts := t.parts
	if len(t.cur) > 0 {
		parts = append(parts[:len(parts):len(parts)], TracePart{From: t.n, Narrow: t.cur})
	}
	return parts, t.runs
}

// TraceEntries calls f with each recorded step in order, stopping when f
// returns false.
func (vm *VM) TraceEntries(f func(i int, e TraceEntry) bool) {
	parts, runs := vm.CompactTrace()
	k := 0
	for pi := range parts {
		p := &parts[pi]
		for j := range p.Len() {
			i := p.From + j
			for k+1 < len(runs) && runs[k+1].From <= i {
				k++
			}
			ap, pc := p.At(j)
			run := &runs[k]
			e := TraceEntry{
				PC: memory.Ptr{Segment: run.PC, Offset: pc},
				AP: memory.Ptr{Segment: run.AP, Offset: ap},
				FP: memory.Ptr{Segment: run.FP, Offset: run.FPOffset},
			}
			if !f(i, e) {
				return
			}
		}
	}
}

// Trace returns the recorded trace as full entries (nil when tracing is
// off). It builds a new slice of 48 bytes a step; TraceEntries and
// CompactTrace read the trace in place.
func (vm *VM) Trace() []TraceEntry {
	if !vm.tracing {
		return nil
	}
	out := make([]TraceEntry, 0, vm.TraceLen())
	vm.TraceEntries(func(_ int, e TraceEntry) bool {
		out = append(out, e)
		return true
	})
	return out
}
