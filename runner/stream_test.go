package runner

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/program"
	"github.com/cairn-vm/cairn/trace"
	"github.com/cairn-vm/cairn/vm"
	"github.com/cairn-vm/cairn/vm/memory"
)

// smallStream makes runs snapshot every n steps, each snapshot starting
// a job, for the rest of the test.
func smallStream(t *testing.T, n uint64) {
	sync, block := streamSync, streamBlock
	streamSync, streamBlock = n, true
	t.Cleanup(func() { streamSync, streamBlock = sync, block })
}

// fileAt is an in-memory file: writes at any offset, counted.
type fileAt struct {
	b      []byte
	writes int
	// failAt, when non-zero, makes the failAt-th write fail.
	failAt int
}

var errDiskFull = errors.New("disk full")

func (f *fileAt) WriteAt(p []byte, off int64) (int, error) {
	f.writes++
	if f.writes == f.failAt {
		return 0, errDiskFull
	}
	if need := int(off) + len(p); need > len(f.b) {
		f.b = append(f.b, make([]byte, need-len(f.b))...)
	}
	return copy(f.b[off:], p), nil
}

// corpusConfig is the run configuration of a corpus program's args, or ok
// false for args this test does not handle.
func corpusConfig(t *testing.T, dir string) (cfg Config, ok bool) {
	args, err := os.ReadFile(filepath.Join(dir, "args"))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Trace = true
	f := strings.Fields(string(args))
	for i := 0; i < len(f); i++ {
		switch f[i] {
		case "--print_output", "--print_info":
		case "--layout", "--steps", "--min_steps":
			if i+1 == len(f) {
				return cfg, false
			}
			i++
			var err error
			switch f[i-1] {
			case "--layout":
				cfg.Layout = f[i]
			case "--steps":
				cfg.Steps, err = strconv.ParseUint(f[i], 10, 64)
			default:
				cfg.MinSteps, err = strconv.ParseUint(f[i], 10, 64)
			}
			if err != nil {
				t.Fatal(err)
			}
		default:
			return cfg, false
		}
	}
	return cfg, true
}

// afterRun runs p and writes its files after the run (WriteFiles).
func afterRun(t *testing.T, p *program.Program, cfg Config) (tr, mem []byte) {
	t.Helper()
	r, err := New(p, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Run(); err != nil {
		t.Fatal(err)
	}
	if err := r.Relocate(); err != nil {
		t.Fatal(err)
	}
	var tb, mb bytes.Buffer
	if err := r.WriteFiles(&tb, &mb); err != nil {
		t.Fatal(err)
	}
	return tb.Bytes(), mb.Bytes()
}

// streamed runs p writing its files during the run; between is called
// after the run loop, before EndRun.
func streamed(t *testing.T, p *program.Program, cfg Config, between func(r *Runner)) (tr, mem *fileAt, r *Runner) {
	t.Helper()
	r, err := New(p, cfg)
	if err != nil {
		t.Fatal(err)
	}
	tr, mem = &fileAt{}, &fileAt{}
	r.StreamFiles(tr, mem)
	if between == nil {
		err = r.Run()
	} else {
		err = r.RunUntilEnd(0)
		if err == nil {
			between(r)
			err = r.EndRun()
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Relocate(); err != nil {
		t.Fatal(err)
	}
	return tr, mem, r
}

// TestStreamCorpus: with a snapshot every few steps, every succeeding
// corpus program writes the same trace (cairo-run's, byte for byte) and
// the same memory file as WriteFiles after the run. The programs cover
// holes in the execution segment (no memory jobs while one is open),
// pointers into builtin and user segments (placeholders), temporary
// segments, and runs in other segments (which stop the trace's jobs).
func TestStreamCorpus(t *testing.T) {
	smallStream(t, 7)
	dirs, err := filepath.Glob("../testdata/corpus/*/trace.bin")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no corpus traces: %v", err)
	}
	var early, patched int
	for _, tf := range dirs {
		dir := filepath.Dir(tf)
		name := filepath.Base(dir)
		cfg, ok := corpusConfig(t, dir)
		if !ok {
			continue
		}
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(tf)
			if err != nil {
				t.Fatal(err)
			}
			p := loadCorpus(t, name)
			_, wantMem := afterRun(t, p, cfg)
			tr, mem, r := streamed(t, p, cfg, nil)
			r.streamJoin()
			early += r.stream.traceEnd + int(r.stream.memEnd)
			patched += len(r.stream.patch)
			if err := r.FinishFiles(); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(tr.b, want) {
				t.Errorf("trace differs from cairo-run's (%d bytes, want %d)", len(tr.b), len(want))
			}
			if !bytes.Equal(mem.b, wantMem) {
				t.Errorf("memory file differs (%d bytes, want %d)", len(mem.b), len(wantMem))
			}
			if err := r.FinishFiles(); !errors.Is(err, ErrNotStreaming) {
				t.Errorf("second FinishFiles: %v", err)
			}
		})
	}
	// The test is void unless the jobs wrote much of it, with placeholders.
	// (No corpus program runs in another segment: TestStreamTraceStops.)
	if early < 100000 || patched < 1000 {
		t.Fatalf("%d steps and cells written early, %d placeholders", early, patched)
	}
	t.Logf("%d steps and cells written early, %d placeholders", early, patched)
}

// TestStreamProgramSegmentGrows: a write past the program, after the jobs
// wrote pieces, moves the execution segment; FinishFiles must rewrite both
// files whole.
func TestStreamProgramSegmentGrows(t *testing.T) {
	smallStream(t, 1<<14)
	p := loadCorpus(t, "bench/fib_loop")
	grow := func(r *Runner) {
		end := memory.Ptr{Segment: 0, Offset: r.Mem.DenseLen(0)}
		if err := r.Mem.Set(end, memory.FromUint64(7)); err != nil {
			t.Fatal(err)
		}
	}
	r, err := New(p, Config{Layout: "small", Trace: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.RunUntilEnd(0); err != nil {
		t.Fatal(err)
	}
	grow(r)
	if err := r.EndRun(); err != nil {
		t.Fatal(err)
	}
	if err := r.Relocate(); err != nil {
		t.Fatal(err)
	}
	var wantT, wantM bytes.Buffer
	if err := r.WriteFiles(&wantT, &wantM); err != nil {
		t.Fatal(err)
	}
	tr, mem, r := streamed(t, p, Config{Layout: "small", Trace: true}, func(r *Runner) {
		r.streamJoin()
		if r.stream.traceEnd == 0 || r.stream.memEnd == 0 {
			t.Fatalf("nothing written early: %d steps, %d cells", r.stream.traceEnd, r.stream.memEnd)
		}
		grow(r)
	})
	if err := r.FinishFiles(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(tr.b, wantT.Bytes()) || !bytes.Equal(mem.b, wantM.Bytes()) {
		t.Fatal("files differ")
	}
}

// TestStreamWriteError: a write that fails during the run is FinishFiles'
// error, and the jobs stop at it.
func TestStreamWriteError(t *testing.T) {
	smallStream(t, 1<<14)
	p := loadCorpus(t, "bench/fib_loop")
	for _, which := range []string{"trace", "memory"} {
		r, err := New(p, Config{Layout: "small", Trace: true})
		if err != nil {
			t.Fatal(err)
		}
		tr, mem := &fileAt{}, &fileAt{}
		bad := tr
		if which == "memory" {
			bad = mem
		}
		bad.failAt = 3
		r.StreamFiles(tr, mem)
		if err := r.Run(); err != nil {
			t.Fatal(err)
		}
		if err := r.Relocate(); err != nil {
			t.Fatal(err)
		}
		if err := r.FinishFiles(); !errors.Is(err, errDiskFull) {
			t.Fatalf("%s: %v", which, err)
		}
		if bad.writes != 3 {
			t.Fatalf("%s: %d writes, the jobs went on after the error", which, bad.writes)
		}
	}
}

// TestFinishFilesMisuse: typed errors, not a panic.
func TestFinishFilesMisuse(t *testing.T) {
	r, err := New(loadCorpus(t, "fib_recursive"), Config{Layout: "plain", Trace: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.FinishFiles(); !errors.Is(err, ErrNotStreaming) {
		t.Fatalf("without StreamFiles: %v", err)
	}
	r.StreamFiles(&fileAt{}, nil)
	if err := r.Run(); err != nil {
		t.Fatal(err)
	}
	var se *SetupError
	if err := r.FinishFiles(); !errors.As(err, &se) {
		t.Fatalf("before Relocate: %v", err)
	}
}

// TestStreamTraceStops: the trace jobs write the steps before a run in
// another segment and stop there; FinishFiles writes the rest (wide parts
// included). The run is TestWriteTraceRunsAndWideParts'.
func TestStreamTraceStops(t *testing.T) {
	smallStream(t, 3)
	m := memory.New()
	prog, exec, other := m.AddSegment(), m.AddSegment(), m.AddSegment()
	const assignImm = 0x480680017fff8000 // [ap] = imm, ap++
	const jmpBack = 0x10780017fff7fff    // jmp rel imm
	for i := uint64(0); i < 8; i++ {
		_ = m.Set(prog.AddUint(2*i), memory.FromUint64(assignImm))
		_ = m.Set(prog.AddUint(2*i+1), memory.FromUint64(i))
	}
	_ = m.Set(prog.AddUint(16), memory.FromUint64(jmpBack))
	_ = m.Set(prog.AddUint(17), memory.FromFelt(felt.FromInt64(-16)))
	start := exec.AddUint(1<<32 - 20)
	_ = m.Set(exec.AddUint(1<<32-21), memory.FromUint64(0))
	v := vm.New(m, prog, start, start, true)
	// Step 3 of the second pass moves ap to another segment.
	v.AddHint(prog.AddUint(6), moveAP{other.AddUint(3)})
	r := &Runner{Mem: m, VM: v, ProgramBase: prog, ExecBase: exec}
	tr := &fileAt{}
	r.StreamFiles(tr, nil)
	if err := r.runStreaming(memory.Ptr{Segment: 99}, 100); err != nil {
		t.Fatal(err)
	}
	r.streamJoin()
	if !r.stream.traceStop || r.stream.traceEnd == 0 || r.stream.traceEnd >= 100 {
		t.Fatalf("trace jobs: stopped %v at step %d", r.stream.traceStop, r.stream.traceEnd)
	}
	rel, err := m.Relocate(nil)
	if err != nil {
		t.Fatal(err)
	}
	r.Relocation = rel
	if err := r.FinishFiles(); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := r.WriteTrace(&want); err != nil {
		t.Fatal(err)
	}
	if want.Len() != 100*trace.EntrySize || !bytes.Equal(tr.b, want.Bytes()) {
		t.Fatalf("trace differs (%d bytes, want %d)", len(tr.b), want.Len())
	}
}

// TestStreamStepLimit: the stretches between snapshots add up to the
// step limit exactly (the run fails at the same step).
func TestStreamStepLimit(t *testing.T) {
	smallStream(t, 4)
	for _, limit := range []uint64{1, 4, 5, 9} {
		steps := func(stream bool) (uint64, string) {
			r, err := New(loadCorpus(t, "fib_recursive"), Config{Layout: "plain", Trace: true})
			if err != nil {
				t.Fatal(err)
			}
			if stream {
				r.StreamFiles(&fileAt{}, &fileAt{})
			}
			err = r.RunUntilEnd(limit)
			if err == nil {
				t.Fatal("no step limit error")
			}
			return r.VM.Steps, err.Error()
		}
		n1, e1 := steps(false)
		n2, e2 := steps(true)
		if n1 != n2 || e1 != e2 || n1 != limit {
			t.Fatalf("limit %d: %d steps (%s) against %d (%s)", limit, n2, e2, n1, e1)
		}
	}
}
