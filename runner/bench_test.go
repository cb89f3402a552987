package runner

import (
	"io"
	"os"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/cairn-vm/cairn/program"
)

// mallocs is the process's heap allocation count so far.
func mallocs() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.Mallocs
}

// reportSteps reports steps per second and heap allocations per step
// (the run allocates per segment growth and per trace part,
// never per step).
// It also reports the process's CPU time (user + system, every goroutine
// and the GC) per run, since cpu0: on a shared machine the wall time
// depends on the other jobs, and the CPU time much less.
func reportSteps(b *testing.B, steps, mallocs0 uint64, cpu0 time.Duration) {
	b.ReportMetric(float64(steps)/b.Elapsed().Seconds(), "steps/s")
	b.ReportMetric(float64(mallocs()-mallocs0)/float64(steps), "allocs/step")
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// cpuTime is the process's CPU time so far (0 where getrusage fails).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

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
	m0, c0 := mallocs(), cpuTime()
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
	reportSteps(b, steps, m0, c0)
}

// discardAt is io.Discard as an io.WriterAt: a file that takes the bytes
// at no cost (the kernel's copy into a real file is the same for every
// way of encoding them, and would drown the difference).
type discardAt struct{}

func (discardAt) WriteAt(p []byte, _ int64) (int, error) { return len(p), nil }

// BenchmarkFibLoopWithFiles adds the trace and the relocated trace and
// memory files, written during the run (StreamFiles, to discardAt) as the
// CLI writes them.
func BenchmarkFibLoopWithFiles(b *testing.B) { benchWithFiles(b, true) }

// BenchmarkFibLoopWithFilesAfterRun encodes both files after the run
// (WriteFiles, to io.Discard).
func BenchmarkFibLoopWithFilesAfterRun(b *testing.B) { benchWithFiles(b, false) }

func benchWithFiles(b *testing.B, stream bool) {
	p := loadBench(b, "../testdata/corpus/bench/fib_loop/program.json")
	b.ReportAllocs()
	var steps uint64
	m0, c0 := mallocs(), cpuTime()
	for i := 0; i < b.N; i++ {
		r, err := New(p, Config{Layout: "small", Trace: true})
		if err != nil {
			b.Fatal(err)
		}
		if stream {
			r.StreamFiles(discardAt{}, discardAt{})
		}
		if err := r.Run(); err != nil {
			b.Fatal(err)
		}
		if err := r.Relocate(); err != nil {
			b.Fatal(err)
		}
		if stream {
			err = r.FinishFiles()
		} else {
			err = r.WriteFiles(io.Discard, io.Discard)
		}
		if err != nil {
			b.Fatal(err)
		}
		steps += r.VM.Steps
	}
	reportSteps(b, steps, m0, c0)
}

// TestStepAllocations: once the memory and trace have room, a step
// allocates nothing, with or without the trace.
func TestStepAllocations(t *testing.T) {
	for _, tr := range []bool{false, true} {
		stepAllocations(t, tr)
	}
}

func stepAllocations(t *testing.T, tracing bool) {
	data, err := os.ReadFile("../testdata/corpus/bench/fib_loop/program.json")
	if err != nil {
		t.Fatal(err)
	}
	p, err := program.Load(data)
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(p, Config{Layout: "small", Trace: tracing})
	if err != nil {
		t.Fatal(err)
	}
	r.Mem.Reserve(r.ExecBase.Segment, 1<<21)
	// Warm up: decode the loop and, with the trace, reach a 64K-step
	// trace part (parts start small and double) with room for the steps below.
	for i := 0; i < 70000; i++ {
		if err := r.VM.Step(); err != nil {
			t.Fatal(err)
		}
	}
	// The count is process-wide, so the runtime's own background work may
	// add a few; an allocation per step would add 10000.
	m0 := mallocs()
	for i := 0; i < 10000; i++ {
		if err := r.VM.Step(); err != nil {
			t.Fatal(err)
		}
	}
	if n := mallocs() - m0; n >= 100 {
		t.Fatalf("trace %v: %d allocations in 10000 steps", tracing, n)
	}
}

// BenchmarkFibLoopTraceOnly records the trace but writes nothing.
func BenchmarkFibLoopTraceOnly(b *testing.B) {
	p := loadBench(b, "../testdata/corpus/bench/fib_loop/program.json")
	b.ReportAllocs()
	var steps uint64
	m0, c0 := mallocs(), cpuTime()
	for i := 0; i < b.N; i++ {
		r, err := New(p, Config{Layout: "small", Trace: true})
		if err != nil {
			b.Fatal(err)
		}
		if err := r.Run(); err != nil {
			b.Fatal(err)
		}
		steps += r.VM.Steps
	}
	reportSteps(b, steps, m0, c0)
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

// fibLoopRelocated is a finished, relocated fib-loop run with its trace.
func fibLoopRelocated(b *testing.B) *Runner {
	p := loadBench(b, "../testdata/corpus/bench/fib_loop/program.json")
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
	return r
}

// BenchmarkFibLoopWriteMemory times the memory file alone (to io.Discard),
// from one finished run: what the file adds after the run.
func BenchmarkFibLoopWriteMemory(b *testing.B) {
	r := fibLoopRelocated(b)
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cpuTime()
	for i := 0; i < b.N; i++ {
		if err := r.WriteMemory(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-c0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// BenchmarkFibLoopWriteTrace times the trace file alone, as above.
func BenchmarkFibLoopWriteTrace(b *testing.B) {
	r := fibLoopRelocated(b)
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cpuTime()
	for i := 0; i < b.N; i++ {
		if err := r.WriteTrace(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-c0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}
