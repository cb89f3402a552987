package vm

import (
	"testing"

	"github.com/cairn-vm/cairn/vm/memory"
)

// A run whose ap crosses 2^32 mid-way: the compact trace switches from
// 8-byte to wide entries and back to the same registers a full trace
// would hold; a hint moving ap to another segment starts a new run.
func TestTraceWideAndRuns(t *testing.T) {
	m := memory.New()
	prog := m.AddSegment()
	exec := m.AddSegment()
	other := m.AddSegment()
	const assignImm = 0x480680017fff8000 // [ap] = imm, ap++
	for i := uint64(0); i < 6; i++ {
		if err := m.Set(prog.AddUint(2*i), memory.FromUint64(assignImm)); err != nil {
			t.Fatal(err)
		}
		if err := m.Set(prog.AddUint(2*i+1), memory.FromUint64(5)); err != nil {
			t.Fatal(err)
		}
	}
	start := exec.AddUint(1<<32 - 2)
	if err := m.Set(exec.AddUint(1<<32-3), memory.FromUint64(0)); err != nil { // op0 = [fp-1]
		t.Fatal(err)
	}
	v := New(m, prog, start, start, true)
	v.AddHint(prog.AddUint(8), hintFunc(func(v *VM) error { v.AP = other; return nil }))
	if err := v.RunTo(prog.AddUint(12), 0); err != nil {
		t.Fatal(err)
	}
	want := []TraceEntry{
		{prog, start, start},
		{prog.AddUint(2), start.AddUint(1), start},
		{prog.AddUint(4), start.AddUint(2), start},
		{prog.AddUint(6), start.AddUint(3), start},
		{prog.AddUint(8), other, start},
		{prog.AddUint(10), other.AddUint(1), start},
	}
	got := v.Trace()
	if len(got) != len(want) || v.TraceLen() != len(want) {
		t.Fatalf("trace has %d (%d) entries, want %d", len(got), v.TraceLen(), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("step %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	parts, segs := v.CompactTrace()
	if len(segs) != 2 || segs[1].From != 4 || segs[1].AP != other.Segment {
		t.Errorf("segment runs %+v", segs)
	}
	var kinds []bool
	for _, p := range parts {
		kinds = append(kinds, p.Wide != nil)
	}
	if len(parts) != 3 || kinds[0] || !kinds[1] || kinds[2] {
		t.Errorf("parts (wide?) %v", kinds)
	}
}

type hintFunc func(*VM) error

func (h hintFunc) Exec(v *VM) error { return h(v) }
