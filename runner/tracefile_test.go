package runner

import (
	"bytes"
	"encoding/binary"
	"testing"

	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/trace"
	"github.com/cairn-vm/cairn/vm"
	"github.com/cairn-vm/cairn/vm/memory"
)

type moveAP struct{ to memory.Ptr }

func (h moveAP) Exec(v *vm.VM) error { v.AP = h.to; return nil }

// The trace file straight from the compact trace must equal the full
// entries relocated one by one, across segment runs (a hint moves ap to
// another segment), wide parts (offsets past 2^32) and chunk boundaries
// (more steps than one encoder chunk).
func TestWriteTraceRunsAndWideParts(t *testing.T) {
	m := memory.New()
	prog, exec, other := m.AddSegment(), m.AddSegment(), m.AddSegment()
	const assignImm = 0x480680017fff8000 // [ap] = imm, ap++
	const jmpBack = 0x10780017fff7fff    // jmp rel imm
	n := uint64(3 * traceChunkSteps / 2)
	for i := uint64(0); i < 8; i++ {
		_ = m.Set(prog.AddUint(2*i), memory.FromUint64(assignImm))
		_ = m.Set(prog.AddUint(2*i+1), memory.FromUint64(i))
	}
	// Loop back to 0 from 16, forever; the run stops at its step limit.
	_ = m.Set(prog.AddUint(16), memory.FromUint64(jmpBack))
	_ = m.Set(prog.AddUint(17), memory.FromFelt(felt.FromInt64(-16)))
	// ap reaches 2^32 at the third step, before the hint moves it.
	start := exec.AddUint(1<<32 - 2)
	_ = m.Set(exec.AddUint(1<<32-3), memory.FromUint64(0)) // op0 = [fp-1]
	v := vm.New(m, prog, start, start, true)
	v.AddHint(prog.AddUint(6), moveAP{other.AddUint(3)})
	if err := v.RunTo(memory.Ptr{Segment: 99}, n); err != nil {
		t.Fatal(err)
	}
	rel, err := m.Relocate(nil)
	if err != nil {
		t.Fatal(err)
	}
	r := &Runner{Mem: m, VM: v, Relocation: rel}
	var want bytes.Buffer
	for _, e := range v.Trace() {
		var b [trace.EntrySize]byte
		for i, p := range []memory.Ptr{e.AP, e.FP, e.PC} {
			a, err := rel.Ptr(p)
			if err != nil {
				t.Fatal(err)
			}
			binary.LittleEndian.PutUint64(b[8*i:], a)
		}
		want.Write(b[:])
	}
	var got bytes.Buffer
	if err := r.WriteTrace(&got); err != nil {
		t.Fatal(err)
	}
	if uint64(want.Len()) != n*trace.EntrySize || !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Fatalf("trace file differs (%d bytes, want %d)", got.Len(), want.Len())
	}
	entries, err := r.RelocatedTrace()
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := trace.WriteTrace(&again, entries); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), want.Bytes()) {
		t.Fatal("RelocatedTrace differs")
	}
	parts, segs := v.CompactTrace()
	wide := 0
	for _, p := range parts {
		if p.Wide != nil {
			wide++
		}
	}
	if len(segs) < 2 || wide == 0 {
		t.Fatalf("the run did not exercise runs (%d) and wide parts (%d)", len(segs), wide)
	}
}
