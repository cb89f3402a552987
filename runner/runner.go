package runner

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/cairn-vm/cairn/builtins"
	"github.com/cairn-vm/cairn/hints"
	"github.com/cairn-vm/cairn/program"
	"github.com/cairn-vm/cairn/vm"
	"github.com/cairn-vm/cairn/vm/memory"
)

// Config is what a run needs besides the program; the names follow
// cairo-run's flags.
type Config struct {
	Layout string // default "plain"
	// Steps, when non-zero, is cairo-run's --steps: the run may take at most
	// that many steps to reach its end, and then runs on to exactly that many.
	Steps uint64
	// MinSteps is --min_steps.
	MinSteps uint64
	// SecureRun defaults to true outside proof mode.
	SecureRun *bool
	// AllowMissingBuiltins defaults to false outside proof mode.
	AllowMissingBuiltins *bool
	// Trace records the trace (needed for --trace_file).
	Trace bool
	// ProgramInput is the decoded --program_input JSON, seen by hints as
	// program_input (numbers as json.Number, exact like Python's ints).
	ProgramInput map[string]any
	// Hints resolves hint code; nil means hints.Default.
	Hints *hints.Registry
	// LayoutParams is the JSON of --cairo_layout_params_file, required for
	// the dynamic layout.
	LayoutParams []byte
	// ProofMode runs a program compiled with --proof_mode from __start__
	// to __end__ and pads the trace as a prover needs (cairo-run's
	// --proof_mode). It implies Trace.
	ProofMode bool
}

// Runner is one run of a program.
type Runner struct {
	Program  *program.Program
	Layout   *builtins.Layout
	Config   Config
	Mem      *memory.Memory
	VM       *vm.VM
	Builtins []builtins.Runner // in layout order
	Env      *hints.Env

	ProgramBase, ExecBase memory.Ptr
	End                   memory.Ptr
	OriginalSteps         uint64
	Relocation            *memory.Relocation
	// Warnings are the "Increasing number of steps" lines proof mode
	// prints while it pads the trace.
	Warnings []string

	builtinByName map[string]builtins.Runner
	ended         bool
	finalPC       *memory.Ptr // execution mode: stepping here is an error
	// Proof mode: offsets of the execution segment's public cells; the
	// number of steps whose accesses count against memory holes; the
	// finalized segment sizes and public memory.
	execPublic    []uint64
	accessSteps   uint64
	finalSizes    map[int]uint64
	publicOffsets map[int][]PublicCell
	segmentsFinal bool
	zeroSeg       memory.Ptr
	hasZeroSeg    bool
	zeroSize      uint64
	stream        *streamer // StreamFiles
}

// PublicCell is one public-memory offset of a segment, with its page.
type PublicCell struct {
	Offset uint64
	Page   int
}

// SetupError is a run that cannot start (missing builtin, unknown layout...).
type SetupError struct{ Msg string }

func (e *SetupError) Error() string { return e.Msg }

// New prepares a run: layout and builtin checks, segments, the initial
// stack, hints bound to their implementations.
func New(p *program.Program, cfg Config) (*Runner, error) {
	if cfg.Layout == "" {
		cfg.Layout = "plain"
	}
	layout, err := builtins.LayoutByName(cfg.Layout)
	if err != nil {
		return nil, &SetupError{err.Error()}
	}
	if layout.Name == "dynamic" {
		if cfg.LayoutParams == nil {
			return nil, &SetupError{"the dynamic layout needs --cairo_layout_params_file"}
		}
		if layout, err = builtins.DynamicLayout(cfg.LayoutParams); err != nil {
			return nil, &SetupError{err.Error()}
		}
	}
	if cfg.ProofMode {
		cfg.Trace = true
	}
	allowMissing := cfg.ProofMode
	if cfg.AllowMissingBuiltins != nil {
		allowMissing = *cfg.AllowMissingBuiltins
	}
	if !allowMissing {
		var missing []string
		for _, b := range p.Builtins {
			if !layout.Has(b) {
				missing = append(missing, "'"+b+"'")
			}
		}
		if len(missing) > 0 {
			return nil, &SetupError{fmt.Sprintf("Builtins {%s} are not present in layout \"%s\"", strings.Join(missing, ", "), layout.Name)}
		}
	}
	r := &Runner{Program: p, Layout: layout, Config: cfg, Mem: memory.New(), builtinByName: map[string]builtins.Runner{}}
	used := map[string]bool{}
	for _, b := range p.Builtins {
		used[b] = true
	}
	for _, lb := range layout.Builtins {
		if !used[lb.Name] && !cfg.ProofMode {
			continue
		}
		b, err := builtins.New(lb, used[lb.Name])
		if err != nil {
			return nil, &SetupError{err.Error()}
		}
		r.Builtins = append(r.Builtins, b)
		r.builtinByName[lb.Name] = b
	}
	if !isSubsequence(p.Builtins, builtins.Order) {
		return nil, &SetupError{fmt.Sprintf("The builtins specified by the %%builtins directive must be subsequence of %s. Got %s.",
			pyList(builtins.Order), pyList(p.Builtins))}
	}

	mem := r.Mem
	r.ProgramBase = mem.AddSegment()
	r.ExecBase = mem.AddSegment()
	for _, b := range r.Builtins {
		b.InitSegments(mem)
	}

	var stack []memory.Value
	for _, name := range p.Builtins {
		if b, ok := r.builtinByName[name]; ok {
			stack = append(stack, b.InitialStack()...)
		} else {
			stack = append(stack, memory.FromUint64(0))
		}
	}
	var entry int
	if cfg.ProofMode {
		// The dummy return fp and pc of __start__, so that a verifier can
		// check [fp - 2] = fp; the whole initial stack is public.
		stack = append([]memory.Value{memory.FromPtr(r.ExecBase.AddUint(2)), memory.FromUint64(0)}, stack...)
		for i := range stack {
			r.execPublic = append(r.execPublic, uint64(i))
		}
		start, err1 := p.Label(p.MainScope + ".__start__")
		end, err2 := p.Label(p.MainScope + ".__end__")
		if err1 != nil || err2 != nil {
			return nil, &SetupError{"Missing __start__ or __end__ label: compile the program with --proof_mode."}
		}
		entry = start
		r.End = r.ProgramBase.AddUint(uint64(end))
	} else {
		mainPC, err := p.Main()
		if err != nil {
			return nil, &SetupError{err.Error()}
		}
		entry = mainPC
		returnFP := mem.AddSegment()
		r.End = mem.AddSegment()
		final := r.End
		r.finalPC = &final
		stack = append(stack, memory.FromPtr(returnFP), memory.FromPtr(r.End))
	}

	// The zero segment comes after the return segments (cairo-lang's
	// initialize_zero_segment), and is finalized with its size.
	var zeros uint64
	for _, b := range r.Builtins {
		if z, ok := b.(builtins.ZeroUser); ok && z.NeededZeros() > 0 {
			if zeros == 0 {
				r.zeroSeg = mem.AddSegment()
				r.hasZeroSeg = true
			}
			for i := zeros; i < z.NeededZeros(); i++ {
				if err := mem.Set(r.zeroSeg.AddUint(i), memory.FromUint64(0)); err != nil {
					return nil, err
				}
			}
			zeros = max(zeros, z.NeededZeros())
			z.SetZeros(r.zeroSeg)
		}
	}
	r.zeroSize = zeros

	mem.Reserve(r.ProgramBase.Segment, len(p.Data))
	for i, w := range p.Data {
		if err := mem.Set(r.ProgramBase.AddUint(uint64(i)), memory.FromFelt(w)); err != nil {
			return nil, err
		}
	}
	for i, v := range stack {
		if err := mem.Set(r.ExecBase.AddUint(uint64(i)), v); err != nil {
			return nil, err
		}
	}
	start := r.ExecBase.AddUint(uint64(len(stack)))
	if cfg.ProofMode {
		start = r.ExecBase.AddUint(2)
	}
	r.VM = vm.New(mem, r.ProgramBase.AddUint(uint64(entry)), start, start, cfg.Trace)

	reg := cfg.Hints
	if reg == nil {
		reg = hints.Default
	}
	r.Env = hints.NewEnv(p, r.ProgramBase, cfg.ProgramInput, r.builtinByName)
	bound := hints.Bind(reg, r.Env)
	for _, pc := range p.HintPCs() {
		for _, h := range bound[pc] {
			r.VM.AddHint(r.ProgramBase.AddUint(uint64(pc)), h)
		}
	}
	for _, b := range r.Builtins {
		b.AddRules(mem)
	}
	if err := mem.ValidateExisting(); err != nil {
		return nil, err
	}
	return r, nil
}

// Builtin returns the runner of a builtin used by the program.
func (r *Runner) Builtin(name string) (builtins.Runner, bool) {
	b, ok := r.builtinByName[name]
	return b, ok
}

func isSubsequence(sub, seq []string) bool {
	i := 0
	for _, s := range seq {
		if i < len(sub) && sub[i] == s {
			i++
		}
	}
	return i == len(sub)
}

func pyList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = "'" + x + "'"
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// step runs one step, refusing to step past the end (cairo-lang's vm_step).
func (r *Runner) step() error {
	if r.finalPC != nil && r.VM.PC == *r.finalPC {
		return &vm.StepError{Step: r.VM.Steps, PC: r.VM.PC, FP: r.VM.FP, HintIndex: -1, Err: vm.ErrEndOfProgram, NoTraceback: true}
	}
	return r.VM.Step()
}

// RunUntilEnd runs until pc reaches the end, or fails after maxSteps steps
// (0: no limit).
func (r *Runner) RunUntilEnd(maxSteps uint64) error {
	v := r.VM
	end := r.End
	// The loop stops at end, so it never steps at the final pc.
	run := v.RunTo
	if r.stream != nil {
		run = r.runStreaming
	}
	if err := run(end, maxSteps); err != nil {
		return err
	}
	if maxSteps == 0 {
		return nil
	}
	if v.PC != end {
		return &vm.StepError{Step: v.Steps, PC: v.PC, FP: v.FP, HintIndex: -1, Err: vm.ErrStepLimit, NoTraceback: true}
	}
	return nil
}

// RunUntilSteps runs on until n steps have been executed in all.
func (r *Runner) RunUntilSteps(n uint64) error {
	for r.VM.Steps < n {
		if err := r.step(); err != nil {
			return err
		}
	}
	return nil
}

// Run executes the program as cairo-run does: to the end (in proof mode,
// one step more, so that the last pc executed is __end__), then
// --min_steps and --steps, then EndRun (which pads a proof-mode trace)
// and ReadReturnValues, then in proof mode the segment finalization, and
// the secure-run checks when they are on (by default outside proof mode).
func (r *Runner) Run() error {
	maxSteps := r.Config.Steps
	if r.Config.ProofMode && maxSteps > 0 {
		maxSteps--
		if maxSteps == 0 {
			return &vm.StepError{Step: 0, PC: r.VM.PC, FP: r.VM.FP, HintIndex: -1, Err: vm.ErrStepLimit, NoTraceback: true}
		}
	}
	if err := r.RunUntilEnd(maxSteps); err != nil {
		return err
	}
	if r.Config.ProofMode {
		if err := r.step(); err != nil {
			return err
		}
	}
	r.OriginalSteps = r.VM.Steps
	if r.Config.MinSteps > 0 {
		if err := r.RunUntilSteps(r.Config.MinSteps); err != nil {
			return err
		}
	}
	if r.Config.Steps > 0 {
		if err := r.RunUntilSteps(r.Config.Steps); err != nil {
			return err
		}
	}
	if err := r.EndRun(); err != nil {
		return err
	}
	if r.Config.ProofMode && r.Config.Steps == 0 {
		if err := r.padTrace(); err != nil {
			return err
		}
	}
	if err := r.ReadReturnValues(); err != nil {
		return err
	}
	if r.Config.ProofMode {
		if err := r.FinalizeSegments(); err != nil {
			return err
		}
	}
	secure := !r.Config.ProofMode
	if r.Config.SecureRun != nil {
		secure = *r.Config.SecureRun
	}
	if secure {
		if err := r.VerifySecure(); err != nil {
			return err
		}
	}
	return nil
}

// EndRun relocates temporary segments and freezes memory.
func (r *Runner) EndRun() error {
	if r.ended {
		return &SetupError{"end_run called twice."}
	}
	// From here on set cells change (pointers into temporary segments).
	r.streamJoin()
	if err := r.Mem.RelocateTemporary(); err != nil {
		return &AssertError{err.Error()}
	}
	// cairo-lang's vm.end_run: written output cells of the builtins must
	// agree with what the builtins deduce.
	for _, b := range r.Builtins {
		if v, ok := b.(builtins.AutoDeductionVerifier); ok {
			if err := v.VerifyAutoDeductions(r.Mem); err != nil {
				return &AssertError{err.Error()}
			}
		}
	}
	r.Mem.Freeze()
	r.ended = true
	r.accessSteps = r.VM.Steps
	return nil
}

// AssertError is an end-of-run check failing (cairo-run prints these as
// "Error: ...").
type AssertError struct{ Msg string }

func (e *AssertError) Error() string { return e.Msg }

// SecurityError is a secure-run check failing; FromBuiltin marks a
// builtin's own check (cairo-run chains it to the builtin's assertion).
type SecurityError struct {
	Msg         string
	FromBuiltin bool
}

func (e *SecurityError) Error() string { return e.Msg }

// ReadReturnValues reads the builtins' stop pointers from the end of the
// stack, last builtin first.
func (r *Runner) ReadReturnValues() error {
	ptr := r.VM.AP
	for i := len(r.Program.Builtins) - 1; i >= 0; i-- {
		name := r.Program.Builtins[i]
		b, ok := r.builtinByName[name]
		if !ok {
			at, err := ptr.Add(-1)
			if err != nil {
				return &AssertError{err.Error()}
			}
			ptr = at
			if v := r.Mem.Get(at); v != memory.FromUint64(0) {
				return &AssertError{fmt.Sprintf("The stop pointer of the missing builtin \"%s\" must be 0.", name)}
			}
			continue
		}
		next, err := b.FinalStack(r.Mem, ptr)
		if err != nil {
			var u *memory.UnknownCellError
			if errors.As(err, &u) {
				return &AssertError{u.Error()}
			}
			return &AssertError{err.Error()}
		}
		ptr = next
	}
	if r.Config.ProofMode {
		for off := ptr.Offset; off < r.VM.AP.Offset; off++ {
			r.execPublic = append(r.execPublic, off-r.ExecBase.Offset)
		}
	}
	return nil
}

// VerifySecure runs cairo-lang's verify_secure_runner checks.
func (r *Runner) VerifySecure() error {
	type bseg struct {
		name string
		size uint64
	}
	bsegs := map[int]bseg{}
	for _, b := range r.Builtins {
		stop, ok := b.StopPtr()
		if !ok {
			return &AssertError{fmt.Sprintf("%s segment stop ptr is None.", b.Name())}
		}
		bsegs[b.Base().Segment] = bseg{b.Name(), stop.Offset - b.Base().Offset}
	}
	nSeg := r.Mem.NumSegments()
	progSize := uint64(len(r.Program.Data))
	for i := 0; i < nSeg; i++ {
		// The first offending cell in offset order decides the message;
		// at one cell, the bounds checks come before the value check.
		var oob error
		oobAt, hasOOB := uint64(0), false
		if bs, ok := bsegs[i]; ok {
			if oobAt, hasOOB = r.Mem.FirstSetFrom(i, bs.size); hasOOB {
				oob = &SecurityError{Msg: fmt.Sprintf("Out of bounds access to builtin segment %s at %v.", bs.name, memory.Ptr{Segment: i, Offset: oobAt})}
			}
		} else if i == r.ProgramBase.Segment {
			if oobAt, hasOOB = r.Mem.FirstSetFrom(i, progSize); hasOOB {
				oob = &SecurityError{Msg: fmt.Sprintf("Out of bounds access to program segment at %v.", memory.Ptr{Segment: i, Offset: oobAt})}
			}
		}
		if badAt, bad := r.Mem.FirstPointerOutside(i, nSeg); bad && (!hasOOB || badAt < oobAt) {
			addr := memory.Ptr{Segment: i, Offset: badAt}
			return &SecurityError{Msg: fmt.Sprintf("Invalid memory value at address %v: %v.", addr, r.Mem.Get(addr))}
		}
		if hasOOB {
			return oob
		}
	}
	for _, b := range r.Builtins {
		if err := b.SecurityCheck(r.Mem); err != nil {
			return &SecurityError{Msg: err.Error(), FromBuiltin: true}
		}
	}
	return nil
}

// Relocate lays the segments out from address 1.
func (r *Runner) Relocate() error {
	rel, err := r.Mem.Relocate(r.finalSizes)
	if err != nil {
		return &AssertError{err.Error()}
	}
	r.Relocation = rel
	return nil
}

// Output returns the output builtin's cells (nil when the program has no
// output builtin); a hole is an unset Value.
func (r *Runner) Output() ([]memory.Value, bool) {
	b, ok := r.builtinByName["output"]
	if !ok {
		return nil, false
	}
	n := b.UsedCells(r.Mem)
	out := make([]memory.Value, n)
	for i := range out {
		out[i] = r.Mem.Get(b.Base().AddUint(uint64(i)))
	}
	return out, true
}

// sortedKeys is a helper for deterministic iteration.
func sortedKeys[M ~map[int]V, V any](m M) []int {
	ks := make([]int, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Ints(ks)
	return ks
}
