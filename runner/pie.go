package runner

import (
	"errors"
	"fmt"
	"math/big"
	"sort"
	"strconv"
	"strings"

	"github.com/cairn-vm/cairn/builtins"
	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/pie"
	"github.com/cairn-vm/cairn/program"
	"github.com/cairn-vm/cairn/vm/memory"
)

// PIEAdditionalDataProvider is a builtin with cairo-lang's
// get_additional_data: the value goes to additional_data.json under
// "<name>_builtin". Values are JSON as pie.EncodeJSON takes it (nil, bool,
// string, integers, *big.Int, []any, *pie.Object, map[string]any). The
// runner supplies the output, pedersen and range_check data itself; the
// ecdsa builtin needs to implement this for a PIE of a run with
// signatures.
type PIEAdditionalDataProvider interface {
	PIEAdditionalData(m *memory.Memory) (any, error)
}

// PIEAdditionalDataLoader is a builtin with cairo-lang's
// extend_additional_data (data as pie.DecodeJSON returns it; trusted is
// false in a secure run).
type PIEAdditionalDataLoader interface {
	LoadPIEAdditionalData(data any, trusted bool) error
}

// PIEError is a PIE input that fails cairo-lang's validity checks
// (cairo-run's "Security check for the CairoPIE input failed").
type PIEError struct{ Err error }

func (e *PIEError) Error() string {
	msg := e.Err.Error()
	if len(msg) > 10000 {
		msg = msg[:10000]
	}
	return "Security check for the CairoPIE input failed: " + msg
}

func (e *PIEError) Unwrap() error { return e.Err }

func (r *Runner) secure() bool {
	if r.Config.SecureRun != nil {
		return *r.Config.SecureRun
	}
	return !r.Config.ProofMode
}

// PIE builds the Cairo PIE of a finished execution-mode run (cairo-lang's
// get_cairo_pie). The run must have recorded its trace (Config.Trace): the
// memory holes are counted from it.
func (r *Runner) PIE() (*pie.PIE, error) { return r.buildPIE(nil) }

func (r *Runner) buildPIE(loaded map[string]any) (*pie.PIE, error) {
	if r.Config.ProofMode {
		return nil, &AssertError{"--proof_mode and --cairo_pie_output cannot be both specified."}
	}
	if !r.ended {
		return nil, &AssertError{"a Cairo PIE needs a finished run"}
	}
	if !r.Config.Trace {
		return nil, &AssertError{"a Cairo PIE needs the trace (Config.Trace) to count the memory holes"}
	}
	mem := r.Mem
	md := pie.Metadata{}
	known := map[int]bool{}
	for _, b := range r.Builtins {
		base := b.Base()
		if base.Offset != 0 {
			return nil, &AssertError{fmt.Sprintf("Unexpected %s segment begin_addr %d.", b.Name(), base.Offset)}
		}
		stop, ok := b.StopPtr()
		if !ok {
			return nil, &AssertError{fmt.Sprintf("%s segment stop ptr is None.", b.Name())}
		}
		if stop.Segment != base.Segment || stop.Offset < base.Offset {
			return nil, &AssertError{fmt.Sprintf("%s segment stop ptr %v is not in its segment.", b.Name(), stop)}
		}
		md.BuiltinSegments = append(md.BuiltinSegments, pie.NamedSegment{Name: b.Name(),
			SegmentInfo: pie.SegmentInfo{Index: int64(base.Segment), Size: int64(stop.Offset - base.Offset)}})
		known[base.Segment] = true
	}
	nUsed := uint64(len(r.Program.Builtins))
	var ret [2]memory.Ptr
	for i := range ret {
		v := mem.Get(r.ExecBase.AddUint(nUsed + uint64(i)))
		p, ok := v.Ptr()
		if !ok {
			return nil, &AssertError{fmt.Sprintf("Expecting a relocatable value got %v.", v)}
		}
		ret[i] = p
	}
	for i, name := range []string{"ret_fp_segment", "ret_pc_segment"} {
		if n := r.segmentSize(ret[i].Segment); n != 0 {
			return nil, &AssertError{fmt.Sprintf("Unexpected %s size %d", name, n)}
		}
	}
	for _, p := range []memory.Ptr{r.ProgramBase, r.ExecBase, ret[0], ret[1]} {
		if p.Offset != 0 {
			return nil, &AssertError{"Expecting a 0 offset."}
		}
		known[p.Segment] = true
	}
	for i := 0; i < mem.NumSegments(); i++ {
		if !known[i] {
			md.ExtraSegments = append(md.ExtraSegments, pie.SegmentInfo{Index: int64(i), Size: int64(r.segmentSize(i))})
		}
	}
	if r.VM.AP.Segment != r.ExecBase.Segment || r.VM.AP.Offset < r.ExecBase.Offset {
		return nil, &AssertError{fmt.Sprintf("ap %v is not in the execution segment", r.VM.AP)}
	}
	mainPC, err := r.Program.Main()
	if err != nil {
		return nil, &AssertError{err.Error()}
	}
	data := make([]*big.Int, len(r.Program.Data))
	for i, w := range r.Program.Data {
		data[i] = w.BigInt()
	}
	md.Program = pie.StrippedProgram{Prime: new(big.Int).Set(r.Program.Prime), Data: data,
		Builtins: append([]string{}, r.Program.Builtins...), Main: int64(mainPC)}
	md.ProgramSegment = pie.SegmentInfo{Index: int64(r.ProgramBase.Segment), Size: int64(len(r.Program.Data))}
	md.ExecutionSegment = pie.SegmentInfo{Index: int64(r.ExecBase.Segment), Size: int64(r.VM.AP.Offset - r.ExecBase.Offset)}
	md.RetFPSegment = pie.SegmentInfo{Index: int64(ret[0].Segment)}
	md.RetPCSegment = pie.SegmentInfo{Index: int64(ret[1].Segment)}

	cells := make([]pie.Cell, 0, mem.CountCells())
	for i := 0; i < mem.NumSegments(); i++ {
		mem.EachCell(i, func(off uint64, v memory.Value) bool {
			cells = append(cells, pie.Cell{Addr: memory.Ptr{Segment: i, Offset: off}, Value: v})
			return true
		})
	}

	ad := &pie.Object{}
	for _, b := range r.Builtins {
		v, err := r.additionalData(b, loaded)
		if err != nil {
			return nil, err
		}
		ad.Set(b.Name()+"_builtin", v)
	}

	holes, err := r.MemoryHoles()
	if err != nil {
		return nil, err
	}
	res := pie.ExecutionResources{NSteps: int64(r.OriginalSteps), NMemoryHoles: int64(holes)}
	if r.OriginalSteps == 0 {
		res.NSteps = int64(r.VM.Steps)
	}
	for _, b := range r.Builtins {
		res.BuiltinInstanceCounter = append(res.BuiltinInstanceCounter, pie.BuiltinCount{Name: b.Name() + "_builtin", Count: int64(b.UsedInstances(mem))})
	}
	return &pie.PIE{Metadata: md, Memory: cells, AdditionalData: ad, ExecutionResources: res, Version: pie.NewVersion()}, nil
}

// additionalData is a builtin's get_additional_data.
func (r *Runner) additionalData(b builtins.Runner, loaded map[string]any) (any, error) {
	if p, ok := b.(PIEAdditionalDataProvider); ok {
		return p.PIEAdditionalData(r.Mem)
	}
	switch b.Name() {
	case "output":
		if v, ok := loaded["output"]; ok {
			return v, nil
		}
		return &pie.Object{Keys: []string{"pages", "attributes"}, Values: []any{&pie.Object{}, &pie.Object{}}}, nil
	case "pedersen":
		return r.pedersenVerified(b, loaded["pedersen"]), nil
	}
	return nil, nil
}

// pedersenVerified is HashBuiltinRunner.get_additional_data: the output
// cells whose deduction rule ran. After end_run's verify_auto_deductions
// those are the written output cells whose two inputs are written; a secure
// run's security check also runs the rule on every unwritten output cell
// up to the last instance. extra holds addresses a trusted PIE brought.
func (r *Runner) pedersenVerified(b builtins.Runner, extra any) []any {
	seg := b.Base().Segment
	type addr struct {
		seg int
		off uint64
	}
	set := map[addr]bool{}
	if l, ok := extra.([]memory.Ptr); ok {
		for _, p := range l {
			set[addr{p.Segment, p.Offset}] = true
		}
	}
	size := r.Mem.UsedSize(seg)
	secure := r.secure()
	for i := uint64(0); i*3 < size; i++ {
		base := b.Base().AddUint(3 * i)
		if !r.Mem.Get(base).IsSet() || !r.Mem.Get(base.AddUint(1)).IsSet() {
			continue
		}
		if secure || r.Mem.Get(base.AddUint(2)).IsSet() {
			set[addr{seg, base.Offset + 2}] = true
		}
	}
	list := make([]addr, 0, len(set))
	for a := range set {
		list = append(list, a)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].seg != list[j].seg {
			return list[i].seg < list[j].seg
		}
		return list[i].off < list[j].off
	})
	out := make([]any, len(list))
	for i, a := range list {
		out[i] = []any{a.seg, a.off}
	}
	return out
}

// PIERun is a run started from a Cairo PIE (cairo-run's
// --run_from_cairo_pie): the PIE's stripped program, with the PIE's memory
// as initial memory, its extra segments and segment sizes, and its n_steps
// as the step count.
type PIERun struct {
	*Runner
	Input *pie.PIE
	// loaded holds additional data read from the PIE that a run of a
	// stripped program (no hints) gives back unchanged.
	loaded map[string]any
}

// StrippedProgram turns a PIE's program into a program for the runner:
// its data, builtins and main, and nothing else (no hints, identifiers or
// debug information).
func StrippedProgram(sp *pie.StrippedProgram) (*program.Program, error) {
	if sp.Prime == nil || sp.Prime.Cmp(felt.Prime()) != 0 {
		return nil, &SetupError{fmt.Sprintf("unsupported prime %v: Cairn runs programs over %s only", sp.Prime, felt.PrimeHex)}
	}
	p := &program.Program{Prime: new(big.Int).Set(sp.Prime), Data: make([]felt.Felt, len(sp.Data)),
		Builtins: append([]string{}, sp.Builtins...), Hints: map[int][]program.Hint{}, MainScope: "__main__"}
	for i, x := range sp.Data {
		if x.Sign() < 0 || x.Cmp(sp.Prime) >= 0 {
			return nil, &SetupError{"Invalid program data."}
		}
		p.Data[i] = felt.FromBigInt(x)
	}
	mainPC := int(sp.Main)
	p.Identifiers = map[string]*program.Identifier{"__main__.main": {Type: "function", PC: &mainPC}}
	return p, nil
}

// NewFromPIE prepares a run of a PIE as cairo-run --run_from_cairo_pie
// does: the version and validity checks, then the runner with the PIE's
// memory, extra segments, builtin additional data and segment sizes.
// cfg.Layout selects the layout; Steps and MinSteps must be zero (the PIE
// gives the steps); the trace is always recorded.
func NewFromPIE(in *pie.PIE, cfg Config) (*PIERun, error) {
	if v, ok := in.VersionString(); !ok || !strings.HasPrefix(v, "1.") {
		return nil, &AssertError{"Incompatible Cairo-PIE version."}
	}
	if err := in.Validate(); err != nil {
		return nil, &PIEError{err}
	}
	if cfg.ProofMode {
		return nil, &AssertError{"--proof_mode cannot be used with --run_from_cairo_pie."}
	}
	if cfg.Steps != 0 || cfg.MinSteps != 0 {
		return nil, &AssertError{"--steps and --min_steps cannot be specified in --run_from_cairo_pie mode."}
	}
	prog, err := StrippedProgram(&in.Metadata.Program)
	if err != nil {
		return nil, err
	}
	cfg.Trace = true
	cfg.Steps = uint64(in.ExecutionResources.NSteps)
	r, err := New(prog, cfg)
	if err != nil {
		return nil, err
	}
	pr := &PIERun{Runner: r, Input: in, loaded: map[string]any{}}
	for _, s := range in.Metadata.ExtraSegments {
		if r.hasZeroSeg && s.Index == int64(r.zeroSeg.Segment) {
			continue // the zero segment is already there
		}
		r.Mem.AddSegment()
	}
	ad, ok := in.AdditionalData.(*pie.Object)
	for _, b := range r.Builtins {
		if !ok {
			break
		}
		data, ok := ad.Get(b.Name() + "_builtin")
		if !ok {
			continue
		}
		if err := pr.loadAdditionalData(b, data); err != nil {
			return nil, err
		}
	}
	for _, c := range in.Memory {
		if err := r.Mem.Set(c.Addr, c.Value); err != nil {
			var iw *memory.InconsistentWriteError
			if errors.As(err, &iw) {
				// cairo-lang loads the PIE's memory first: its value is the old one.
				return nil, &AssertError{(&memory.InconsistentWriteError{Addr: iw.Addr, Old: c.Value, New: iw.Old}).Error()}
			}
			return nil, &AssertError{err.Error()}
		}
	}
	r.finalSizes = map[int]uint64{}
	for _, s := range in.Metadata.AllSegments() {
		r.finalSizes[int(s.Index)] = uint64(s.Size)
	}
	return pr, nil
}

// loadAdditionalData is extend_additional_data.
func (pr *PIERun) loadAdditionalData(b builtins.Runner, data any) error {
	trusted := !pr.secure()
	if l, ok := b.(PIEAdditionalDataLoader); ok {
		return l.LoadPIEAdditionalData(data, trusted)
	}
	switch b.Name() {
	case "output":
		v, err := loadOutputData(data)
		if err != nil {
			return err
		}
		pr.loaded["output"] = v
	case "pedersen":
		if !trusted {
			return nil
		}
		l, ok := data.([]any)
		if !ok {
			return &AssertError{"Invalid pedersen builtin additional data."}
		}
		var addrs []memory.Ptr
		for _, x := range l {
			p, ok := pieTuple(x)
			if !ok {
				return &AssertError{"Invalid pedersen builtin additional data."}
			}
			addrs = append(addrs, p)
		}
		pr.loaded["pedersen"] = addrs
	case "ecdsa":
		e, ok := b.(*builtins.Ecdsa)
		if !ok {
			return nil
		}
		l, ok := data.([]any)
		if !ok {
			return &AssertError{"Invalid ecdsa builtin additional data."}
		}
		for _, x := range l {
			pair, ok := x.([]any)
			if !ok || len(pair) != 2 {
				return &AssertError{"Invalid ecdsa builtin additional data."}
			}
			addr, ok1 := pieTuple(pair[0])
			sig, ok2 := pair[1].([]any)
			if !ok1 || !ok2 || len(sig) != 2 {
				return &AssertError{"Invalid ecdsa builtin additional data."}
			}
			if addr.Segment != b.Base().Segment {
				return &AssertError{fmt.Sprintf("Error while loading ECDSA builtin additional data: Signature hint must point to the signature builtin segment. Found: [%d, %d] (after relocation: %v).", addr.Segment, addr.Offset, addr)}
			}
			var rs [2]felt.Felt
			for i := range rs {
				n, ok := pieInt(sig[i])
				if !ok || n.Sign() < 0 || n.Cmp(felt.Prime()) >= 0 {
					return &AssertError{"Invalid ecdsa builtin additional data."}
				}
				rs[i] = felt.FromBigInt(n)
			}
			if err := e.AddSignature(memory.FromPtr(addr), builtins.Signature{R: rs[0], S: rs[1]}); err != nil {
				return &AssertError{err.Error()}
			}
		}
	}
	return nil
}

// loadOutputData is OutputBuiltinRunner.extend_additional_data, returning
// what get_additional_data then gives: the pages by page id, the
// attributes.
func loadOutputData(data any) (any, error) {
	o, ok := data.(*pie.Object)
	bad := &AssertError{"Invalid output builtin data."}
	if !ok || o.Len() != 2 {
		return nil, bad
	}
	pv, ok1 := o.Get("pages")
	av, ok2 := o.Get("attributes")
	if !ok1 || !ok2 {
		return nil, bad
	}
	pages, ok := pv.(*pie.Object)
	if !ok {
		return nil, &AssertError{"Invalid output builtin pages field."}
	}
	type page struct {
		id          int64
		start, size *big.Int
	}
	byID := map[int64]page{}
	for i, k := range pages.Keys {
		vals, ok := pages.Values[i].([]any)
		if !ok || len(vals) != 2 {
			return nil, &AssertError{"Invalid output builtin pages field."}
		}
		var xs [2]*big.Int
		for j := range xs {
			n, ok := pieInt(vals[j])
			if !ok || n.Sign() <= 0 || n.BitLen() > 30 || n.Cmp(big.NewInt(1<<30)) >= 0 {
				return nil, &AssertError{"Invalid output builtin pages field."}
			}
			xs[j] = n
		}
		id, err := strconv.ParseInt(strings.TrimSpace(strings.ReplaceAll(k, "_", "")), 10, 64)
		if err != nil {
			return nil, &AssertError{fmt.Sprintf("invalid literal for int() with base 10: %s", k)}
		}
		byID[id] = page{id, xs[0], xs[1]}
	}
	attrs, ok := av.(*pie.Object)
	if !ok {
		return nil, &AssertError{"Invalid output builtin attributes field."}
	}
	ids := make([]int64, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	outPages := &pie.Object{}
	for _, id := range ids {
		p := byID[id]
		outPages.Set(strconv.FormatInt(id, 10), []any{p.start, p.size})
	}
	outAttrs := &pie.Object{Keys: append([]string{}, attrs.Keys...), Values: append([]any{}, attrs.Values...)}
	return &pie.Object{Keys: []string{"pages", "attributes"}, Values: []any{outPages, outAttrs}}, nil
}

// pieInt reads a JSON integer.
func pieInt(v any) (*big.Int, bool) {
	b, err := pie.EncodeJSON(v)
	if err != nil {
		return nil, false
	}
	n, ok := new(big.Int).SetString(string(b), 10)
	return n, ok
}

// pieTuple reads a relocatable written as [segment, offset].
func pieTuple(v any) (memory.Ptr, bool) {
	l, ok := v.([]any)
	if !ok || len(l) != 2 {
		return memory.Ptr{}, false
	}
	s, ok1 := pieInt(l[0])
	o, ok2 := pieInt(l[1])
	if !ok1 || !ok2 || !s.IsInt64() || s.Sign() < 0 || s.Int64() >= 1<<16 || !o.IsUint64() {
		return memory.Ptr{}, false
	}
	return memory.Ptr{Segment: int(s.Int64()), Offset: o.Uint64()}, true
}

// Run runs the PIE as cairo-run does (see Runner.Run, with the PIE's
// n_steps as --steps), and in a secure run checks that the run's own PIE is
// compatible with the input (is_compatible_with, with the input's
// n_memory_holes and version).
func (pr *PIERun) Run() error {
	if err := pr.Runner.Run(); err != nil {
		return err
	}
	if !pr.secure() {
		return nil
	}
	out, err := pr.PIE()
	if err != nil {
		return err
	}
	out.ExecutionResources.NMemoryHoles = pr.Input.ExecutionResources.NMemoryHoles
	out.Version = pr.Input.Version
	if !pr.Input.CompatibleWith(out) {
		return &AssertError{"The Cairo PIE input is not identical to the resulting Cairo PIE. " +
			"This may indicate that the Cairo PIE was not generated by cairo_run.\n" + pr.Input.Diff(out)}
	}
	return nil
}

// PIE builds the Cairo PIE of the finished run, with the additional data
// the input brought.
func (pr *PIERun) PIE() (*pie.PIE, error) { return pr.buildPIE(pr.loaded) }
