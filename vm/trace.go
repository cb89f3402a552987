package vm

import "github.com/cairn-vm/cairn/vm/memory"

// TraceEntry is the register state before one step.
type TraceEntry struct{ PC, AP, FP memory.Ptr }

// TraceOffsets is the register offsets of one step, in the order of the
// trace file (ap, fp, pc), so that writing the file is an addition of
// segment bases.
type TraceOffsets struct{ AP, FP, PC uint64 }

// NarrowOffsets is TraceOffsets when all three fit in 32 bits, as they do
// in every real run: 12 bytes a step.
type NarrowOffsets struct{ AP, FP, PC uint32 }

// TraceSegments gives the register segments of the steps from From on,
// up to the next TraceSegments. Registers change segment rarely (a call
// into another code segment, a hint moving ap), so the trace keeps one
// record per change instead of 48-byte entries for every step.
type TraceSegments struct {
	From       int
	PC, AP, FP int
}

// TracePart is a stretch of consecutive steps from From on: their offsets
// are in Narrow or, when some offset needs more than 32 bits, in Wide.
type TracePart struct {
	From   int
	Narrow []NarrowOffsets
	Wide   []TraceOffsets
}

// Len is the number of steps in p.
func (p *TracePart) Len() int { return len(p.Narrow) + len(p.Wide) }

// At returns the offsets of step p.From+i.
func (p *TracePart) At(i int) TraceOffsets {
	if p.Wide != nil {
		return p.Wide[i]
	}
	n := p.Narrow[i]
	return TraceOffsets{uint64(n.AP), uint64(n.FP), uint64(n.PC)}
}

// traceChunkLen is the number of steps in a narrow part: the trace grows
// by whole parts, so it is never copied and never over-allocated by more
// than one part (growing one slice by doubling touches, and makes the OS
// fault in, up to three times the final size).
const traceChunkLen = 1 << 16

// compactTrace is the trace as the step loop records it: 12 bytes a step
// written into a preallocated part, relocated only at the end.
type compactTrace struct {
	cur   []NarrowOffsets // the part being filled, from step curFrom
	from  int
	parts []TracePart // finished parts, before cur
	segs  []TraceSegments
	n     int // steps recorded before cur
	// segs' last entry gives the current segments, which record compares
	// with the registers' when check is set.
	curSegs [3]int
	check   bool
}

// noSegment is no register's segment: real segments are >= 0, temporary
// ones small negatives, and an integer pc is memory.PureSegment.
const noSegment = -1 << 62

// record appends the registers before a step; the step loop inlines its
// common case by hand (see fastStep).
func (vm *VM) record() {
	t := &vm.trace
	if n := len(t.cur); n < cap(t.cur) && !t.check && (vm.AP.Offset|vm.FP.Offset|vm.PC.Offset)>>32 == 0 {
		t.cur = t.cur[:n+1]
		t.cur[n] = NarrowOffsets{uint32(vm.AP.Offset), uint32(vm.FP.Offset), uint32(vm.PC.Offset)}
		return
	}
	vm.recordSlow()
}

// segmentsMayChange makes the next record compare the registers' segments
// with the current run's: called wherever registers may move to another
// segment (ret, the generic path, hints, callers between runs).
func (vm *VM) segmentsMayChange() { vm.trace.check = true }

func (vm *VM) recordSlow() {
	t := &vm.trace
	step := t.n + len(t.cur)
	if vm.PC.Segment != t.curSegs[0] || vm.AP.Segment != t.curSegs[1] || vm.FP.Segment != t.curSegs[2] {
		t.curSegs = [3]int{vm.PC.Segment, vm.AP.Segment, vm.FP.Segment}
		if k := len(t.segs); k > 0 && t.segs[k-1].From == step {
			t.segs = t.segs[:k-1] // the previous run is empty
		}
		t.segs = append(t.segs, TraceSegments{From: step, PC: vm.PC.Segment, AP: vm.AP.Segment, FP: vm.FP.Segment})
	}
	t.check = false
	e := TraceOffsets{vm.AP.Offset, vm.FP.Offset, vm.PC.Offset}
	if (e.AP|e.FP|e.PC)>>32 != 0 {
		vm.closePart()
		if k := len(t.parts) - 1; k >= 0 && t.parts[k].Wide != nil {
			t.parts[k].Wide = append(t.parts[k].Wide, e)
		} else {
			t.parts = append(t.parts, TracePart{From: step, Wide: []TraceOffsets{e}})
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
	t.cur = append(t.cur, NarrowOffsets{uint32(e.AP), uint32(e.FP), uint32(e.PC)})
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
// parts in step order, and the segment runs (the first starts at step 0).
// The slices are the VM's own; callers must not modify them.
func (vm *VM) CompactTrace() ([]TracePart, []TraceSegments) {
	t := &vm.trace
	parts := t.parts
	if len(t.cur) > 0 {
		parts = append(parts[:len(parts):len(parts)], TracePart{From: t.n, Narrow: t.cur})
	}
	return parts, t.segs
}

// TraceEntries calls f with each recorded step in order, stopping when f
// returns false.
func (vm *VM) TraceEntries(f func(i int, e TraceEntry) bool) {
	parts, segs := vm.CompactTrace()
	k := 0
	for pi := range parts {
		p := &parts[pi]
		for j := range p.Len() {
			i := p.From + j
			for k+1 < len(segs) && segs[k+1].From <= i {
				k++
			}
			o, run := p.At(j), segs[k]
			e := TraceEntry{
				PC: memory.Ptr{Segment: run.PC, Offset: o.PC},
				AP: memory.Ptr{Segment: run.AP, Offset: o.AP},
				FP: memory.Ptr{Segment: run.FP, Offset: o.FP},
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
