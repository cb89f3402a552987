package hints_test

import (
	"os"
	"strings"
	"testing"

	"github.com/cairn-vm/cairn/hints"
	"github.com/cairn-vm/cairn/program"
	"github.com/cairn-vm/cairn/runner"
)

func loadCorpus(tb testing.TB, path string) *program.Program {
	tb.Helper()
	data, err := os.ReadFile("../testdata/corpus/" + path + "/program.json")
	if err != nil {
		tb.Fatal(err)
	}
	p, err := program.Load(data)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// atHint runs the corpus program name until it reaches a hint whose code
// contains substr, and returns the runner there with that hint bound
// (through reg) and ready to execute.
func atHint(tb testing.TB, name, layout, substr string, reg *hints.Registry) (*runner.Runner, *hints.Bound) {
	tb.Helper()
	p := loadCorpus(tb, name)
	r, err := runner.New(p, runner.Config{Layout: layout})
	if err != nil {
		tb.Fatal(err)
	}
	bound := hints.Bind(reg, r.Env)
	for range 100000 {
		off := int(r.VM.PC.Offset)
		if r.VM.PC.Segment == r.ProgramBase.Segment {
			for _, b := range bound[off] {
				if strings.Contains(b.Code, substr) {
					return r, b
				}
			}
		}
		if err := r.VM.Step(); err != nil {
			tb.Fatal(err)
		}
	}
	tb.Fatalf("%s: no hint containing %q reached", name, substr)
	return nil, nil
}

// noopRegistry maps every hint code of the program to a hint that does
// nothing: what is left is the dispatch.
func noopRegistry(p *program.Program) *hints.Registry {
	reg := hints.NewRegistry()
	for _, hs := range p.Hints {
		for _, h := range hs {
			if _, ok := reg.Lookup(h.Code); !ok {
				reg.Register(h.Code, func(*hints.Context) error { return nil })
			}
		}
	}
	return reg
}

// TestHintDispatchAllocations: running a bound hint allocates nothing
// beyond what the hint itself does (the Context is the Bound's), and
// assert_nn's hint, which reads an ids value and a builtin's bound,
// allocates only its big.Int arithmetic.
func TestHintDispatchAllocations(t *testing.T) {
	r, b := atHint(t, "collatz", "small", "assert_integer(ids.a)", noopRegistry(loadCorpus(t, "collatz")))
	if n := testing.AllocsPerRun(1000, func() {
		if err := b.Exec(r.VM); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("dispatching a no-op hint: %v allocations", n)
	}
}

// TestHintFreeStepAllocations: in a program with hints, the steps at pcs
// without one allocate nothing (the VM checks a per-pc table).
func TestHintFreeStepAllocations(t *testing.T) {
	r := hintFreeLoop(t, true)
	if n := testing.AllocsPerRun(10000, func() {
		if err := r.VM.Step(); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("%v allocations per hint-free step", n)
	}
}

// hintFreeLoop is the fib loop (999,999 hint-free steps) with a hint
// bound at its last instruction, which the measured steps never reach: the
// per-pc table holds hints, the loop's pcs have none.
func hintFreeLoop(tb testing.TB, attach bool) *runner.Runner {
	p := loadCorpus(tb, "bench/fib_loop")
	r, err := runner.New(p, runner.Config{Layout: "small"})
	if err != nil {
		tb.Fatal(err)
	}
	if attach {
		attachUnreachedHint(tb, r, p)
	}
	r.Mem.Reserve(r.ExecBase.Segment, 1<<21)
	for range 1000 { // decode the loop
		if err := r.VM.Step(); err != nil {
			tb.Fatal(err)
		}
	}
	return r
}

func attachUnreachedHint(tb testing.TB, r *runner.Runner, p *program.Program) {
	reg := hints.NewRegistry()
	reg.Register("memory[ap] = segments.add()", func(*hints.Context) error { return nil })
	withHint := *p
	withHint.Hints = map[int][]program.Hint{len(p.Data) - 1: {{Code: "memory[ap] = segments.add()"}}}
	env := hints.NewEnv(&withHint, r.ProgramBase, nil, nil)
	for pc, bs := range hints.Bind(reg, env) {
		for _, b := range bs {
			r.VM.AddHint(r.ProgramBase.AddUint(uint64(pc)), b)
		}
	}
	if !r.VM.HasHints(r.ProgramBase.AddUint(uint64(len(p.Data) - 1))) {
		tb.Fatal("the hint was not attached")
	}
}

// BenchmarkHintFreeStep: one step of the fib loop in a VM whose per-pc
// table holds a hint elsewhere; allocs/op is per step. Compare with
// BenchmarkHintFreeStepNoHints, the same loop in a VM with no hint at all.
func BenchmarkHintFreeStep(b *testing.B)        { benchLoopSteps(b, true) }
func BenchmarkHintFreeStepNoHints(b *testing.B) { benchLoopSteps(b, false) }

func benchLoopSteps(b *testing.B, attach bool) {
	r := hintFreeLoop(b, attach)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%900000 == 899999 {
			b.StopTimer()
			r = hintFreeLoop(b, attach)
			b.StartTimer()
		}
		if err := r.VM.Step(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHintDispatch: the cost of running a bound hint that does
// nothing (the Context setup and the call).
func BenchmarkHintDispatch(b *testing.B) {
	r, h := atHint(b, "collatz", "small", "assert_integer(ids.a)", noopRegistry(loadCorpus(b, "collatz")))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := h.Exec(r.VM); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHintAssertNN: assert_nn's hint (assert_integer(ids.a), the
// range check bound) on a live VM state.
func BenchmarkHintAssertNN(b *testing.B) {
	r, h := atHint(b, "collatz", "small", "assert_integer(ids.a)", hints.Default)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := h.Exec(r.VM); err != nil {
			b.Fatal(err)
		}
	}
}
