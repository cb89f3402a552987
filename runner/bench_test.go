package runner

import (
	"io"
	"os"
	"testing"

	"github.com/cairn-vm/cairn/program"
)

func loadBench(b *testing.B, path string) *program.Program {
	b.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	p, err := program.Load(data)
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// BenchmarkFibLoop runs the 999,999-step hint-free Fibonacci loop of
// testdata/corpus/bench (cairo-run: 37.25 s, REFERENCE_TIMING.md there) without a trace
// and reports steps per second.
func BenchmarkFibLoop(b *testing.B) {
	p := loadBench(b, "../testdata/corpus/bench/fib_loop/program.json")
	b.ReportAllocs()
	var steps uint64
	for i := 0; i < b.N; i++ {
		r, err := New(p, Config{Layout: "small"})
		if err != nil {
			b.Fatal(err)
		}
		if err := r.Run(); err != nil {
			b.Fatal(err)
		}
		steps += r.VM.Steps
	}
	b.ReportMetric(float64(steps)/b.Elapsed().Seconds(), "steps/s")
}

// BenchmarkFibLoopWithFiles adds the trace and the relocated trace and
// memory files (written to io.Discard).
func BenchmarkFibLoopWithFiles(b *testing.B) {
	p := loadBench(b, "../testdata/corpus/bench/fib_loop/program.json")
	b.ReportAllocs()
	var steps uint64
	for i := 0; i < b.N; i++ {
		r, err := New(p, Config{Layout: "small", Trace: true})
		if err != nil {
			b.Fatal(err)
		}
		if err := r.Run(); err != nil {
			b.Fatal(err)
		}
		if err := r.Relocate(); err != nil {
			b.Fatal(err)
		}
		if err := r.WriteFiles(io.Discard, io.Discard); err != nil {
			b.Fatal(err)
		}
		steps += r.VM.Steps
	}
	b.ReportMetric(float64(steps)/b.Elapsed().Seconds(), "steps/s")
}

// TestStepAllocations: once the memory and trace have room, a step
// allocates nothing.
func TestStepAllocations(t *testing.T) {
	data, err := os.ReadFile("../testdata/corpus/bench/fib_loop/program.json")
	if err != nil {
		t.Fatal(err)
	}
	p, err := program.Load(data)
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(p, Config{Layout: "small"})
	if err != nil {
		t.Fatal(err)
	}
	r.Mem.Reserve(r.ExecBase.Segment, 1<<21)
	for i := 0; i < 1000; i++ { // warm up: decode the loop
		if err := r.VM.Step(); err != nil {
			t.Fatal(err)
		}
	}
	allocs := testing.AllocsPerRun(10000, func() {
		if err := r.VM.Step(); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Fatalf("%v allocations per step", allocs)
	}
}

// BenchmarkFibLoopTraceOnly records the trace but writes nothing.
func BenchmarkFibLoopTraceOnly(b *testing.B) {
	p := loadBench(b, "../testdata/corpus/bench/fib_loop/program.json")
	for i := 0; i < b.N; i++ {
		r, err := New(p, Config{Layout: "small", Trace: true})
		if err != nil {
			b.Fatal(err)
		}
		if err := r.Run(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStep times single steps of the fib loop with memory reserved,
// isolating the step loop from segment growth and the end-of-run checks.
func BenchmarkStep(b *testing.B) {
	p := loadBench(b, "../testdata/corpus/bench/fib_loop/program.json")
	r, err := New(p, Config{Layout: "small"})
	if err != nil {
		b.Fatal(err)
	}
	r.Mem.Reserve(r.ExecBase.Segment, 1<<21)
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		if n == 900000 {
			b.StopTimer()
			r, _ = New(p, Config{Layout: "small"})
			r.Mem.Reserve(r.ExecBase.Segment, 1<<21)
			n = 0
			b.StartTimer()
		}
		if err := r.VM.RunTo(r.End, 1); err != nil {
			b.Fatal(err)
		}
		n++
	}
}
