package vm

import "github.com/cairn-vm/cairn/vm/memory"

// TraceEntry is the register state before one step.
type TraceEntry struct{ PC, AP, FP memory.Ptr }

// TraceOffsets is one step of the compact trace: the register offsets, in
// the order of the trace file (ap, fp, pc), so that writing the file is an
// addition of segment bases.
type TraceOffsets struct{ AP, FP, PC uint64 }

// TraceSegments gives the register segments of the steps from From on,
// up to the next TraceSegments. Registers change segment rarely (a call
// into another code segment, a hint moving ap), so the trace keeps one
// record per change instead of 48-byte entries for every step.
type TraceSegments struct {
	From       int
	PC, AP, FP int
}

// compactTrace is the trace as the step loop records it: 24 bytes a step
// written into a preallocated slice, relocated only at the end.
type compactTrace struct {
	offs []TraceOffsets
	segs []TraceSegments
	// cur is the segments of the last run, compared with the registers'
	// at each step (noSegment before the first step).
	cur [3]int
}

// noSegment is no register's segment: real segments are >= 0, temporary
// ones small negatives, and an integer pc is memory.PureSegment.
const noSegment = -1 << 62

// record appends the registers before a step.
func (vm *VM) record() {
	t := &vm.trace
	if vm.PC.Segment != t.cur[0] || vm.AP.Segment != t.cur[1] || vm.FP.Segment != t.cur[2] {
		vm.newTraceRun()
	}
	if len(t.offs) == cap(t.offs) {
		vm.ReserveTrace(max(4*cap(t.offs), 1024))
	}
	t.offs = append(t.offs, TraceOffsets{vm.AP.Offset, vm.FP.Offset, vm.PC.Offset})
}

func (vm *VM) newTraceRun() {
	t := &vm.trace
	t.cur = [3]int{vm.PC.Segment, vm.AP.Segment, vm.FP.Segment}
	n := len(t.offs)
	if k := len(t.segs); k > 0 && t.segs[k-1].From == n {
		t.segs = t.segs[:k-1] // the previous run is empty
	}
	t.segs = append(t.segs, TraceSegments{From: n, PC: vm.PC.Segment, AP: vm.AP.Segment, FP: vm.FP.Segment})
}

// ReserveTrace preallocates room for n trace entries.
func (vm *VM) ReserveTrace(n int) {
	t := &vm.trace
	if vm.tracing && cap(t.offs) < n {
		o := make([]TraceOffsets, len(t.offs), n)
		copy(o, t.offs)
		t.offs = o
	}
}

// TraceLen is the number of recorded steps.
func (vm *VM) TraceLen() int { return len(vm.trace.offs) }

// CompactTrace returns the recorded trace as the step loop keeps it: the
// offsets of every step and the segment runs (the first run starts at 0).
// The slices are the VM's own; callers must not modify them.
func (vm *VM) CompactTrace() ([]TraceOffsets, []TraceSegments) {
	return vm.trace.offs, vm.trace.segs
}

// TraceEntries calls f with each recorded step in order, stopping when f
// returns false.
func (vm *VM) TraceEntries(f func(i int, e TraceEntry) bool) {
	t := &vm.trace
	for k, run := range t.segs {
		end := len(t.offs)
		if k+1 < len(t.segs) {
			end = t.segs[k+1].From
		}
		for i := run.From; i < end; i++ {
			o := t.offs[i]
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
	out := make([]TraceEntry, 0, len(vm.trace.offs))
	vm.TraceEntries(func(_ int, e TraceEntry) bool {
		out = append(out, e)
		return true
	})
	return out
}
