package builtins

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/cairn-vm/cairn/vm/memory"
)

// AutoDeductionVerifier is a builtin whose output cells are deduced from
// its input cells. VerifyAutoDeductions is cairo-lang's
// verify_auto_deductions for the builtin's segment, which vm.end_run calls
// before the run's end checks: every written output cell whose instance has
// all its inputs must hold the value the builtin computes.
type AutoDeductionVerifier interface {
	VerifyAutoDeductions(m *memory.Memory) error
}

// InconsistentAutoDeductionError is cairo-lang's
// InconsistentAutoDeductionError (cairo-run lets it escape as a Python
// exception, so its text is the last line of the traceback).
type InconsistentAutoDeductionError struct {
	Addr    memory.Ptr
	Current memory.Value
	Deduced memory.Value
}

func (e *InconsistentAutoDeductionError) Error() string {
	return fmt.Sprintf("Inconsistent auto deduction rule at address %v. %v != %v.", e.Addr, e.Current, e.Deduced)
}

// AssertionError is an assertion of a builtin runner's Python failing (an
// AssertionError when a hint calls into the runner: fill_memory,
// add_signature).
type AssertionError struct{ Msg string }

func (e *AssertionError) Error() string { return e.Msg }

// IsAssertion reports whether err is a AssertionError.
func IsAssertion(err error) bool {
	var a *AssertionError
	return errors.As(err, &a)
}

// computeFunc computes every output cell of the instance that starts at
// inst, given that all its input cells are set (in[i] is input cell i). An
// error carries cairo-lang's assertion message for invalid inputs.
type computeFunc func(inst memory.Ptr, in []memory.Value) ([]memory.Value, error)

// deducing is the part shared by the builtins whose instances are
// n input cells followed by outputs computed from them (pedersen, bitwise,
// ec_op, keccak, poseidon). Its deduction rule is a pure function of the
// instance's inputs, so results are cached per instance.
type deducing struct {
	base
	compute computeFunc
	// The outputs computed so far, by instance index: dense for the
	// instances a program normally uses, a map beyond.
	dense []([]memory.Value)
	far   map[uint64][]memory.Value
	in    []memory.Value // scratch for the inputs
}

// denseLimit bounds the instance indices cached in the dense slice.
const denseLimit = 1 << 24

func (d *deducing) cached(idx uint64) ([]memory.Value, bool) {
	if idx < uint64(len(d.dense)) {
		out := d.dense[idx]
		return out, out != nil
	}
	out, ok := d.far[idx]
	return out, ok
}

func (d *deducing) remember(idx uint64, out []memory.Value) {
	if idx < uint64(len(d.dense)) || (idx < denseLimit && idx <= 2*uint64(len(d.dense))+1024) {
		if idx >= uint64(len(d.dense)) {
			n := max(2*len(d.dense), int(idx)+1, 64)
			grown := make([][]memory.Value, min(n, denseLimit))
			copy(grown, d.dense)
			d.dense = grown
		}
		d.dense[idx] = out
		return
	}
	if d.far == nil {
		d.far = map[uint64][]memory.Value{}
	}
	d.far[idx] = out
}

func newDeducing(name string, included bool, lb LayoutBuiltin, compute computeFunc) deducing {
	sh := Shapes[name]
	return deducing{
		base:    newBase(name, included, lb, sh.Cells, sh.Inputs, sh.InstPerComponent, sh.ExtraUnits),
		compute: compute,
		in:      make([]memory.Value, sh.Inputs),
	}
}

// outputs computes (or recalls) the outputs of instance idx; ok is false
// when an input cell is missing.
func (d *deducing) outputs(m *memory.Memory, idx uint64) ([]memory.Value, bool, error) {
	if out, ok := d.cached(idx); ok {
		return out, true, nil
	}
	inst := d.seg.AddUint(idx * d.cellsPerInst)
	for i := range d.in {
		v := m.Get(inst.AddUint(uint64(i)))
		if !v.IsSet() {
			return nil, false, nil
		}
		d.in[i] = v
	}
	out, err := d.compute(inst, d.in)
	if err != nil {
		return nil, false, err
	}
	d.remember(idx, out)
	return out, true, nil
}

// deduce is the auto-deduction rule for the cell at addr.
func (d *deducing) deduce(m *memory.Memory, addr memory.Ptr) (memory.Value, bool, error) {
	if addr.Segment != d.seg.Segment || addr.Offset < d.seg.Offset {
		return memory.Value{}, false, nil
	}
	off := addr.Offset - d.seg.Offset
	idx, j := off/d.cellsPerInst, off%d.cellsPerInst
	if j < d.nInputCells {
		return memory.Value{}, false, nil
	}
	out, ok, err := d.outputs(m, idx)
	if !ok || err != nil {
		return memory.Value{}, false, err
	}
	return out[j-d.nInputCells], true, nil
}

// AddRules installs the deduction rule.
func (d *deducing) AddRules(m *memory.Memory) {
	m.AddDeducer(d.seg.Segment, d.deduce)
}

// VerifyAutoDeductions checks every written output cell against the
// deduction rule (cairo-lang's verify_auto_deductions on this segment).
func (d *deducing) VerifyAutoDeductions(m *memory.Memory) error {
	var err error
	m.EachCell(d.seg.Segment, func(off uint64, cur memory.Value) bool {
		addr := memory.Ptr{Segment: d.seg.Segment, Offset: off}
		v, ok, e := d.deduce(m, addr)
		if e != nil {
			err = e
			return false
		}
		if ok && v != cur {
			err = &InconsistentAutoDeductionError{Addr: addr, Current: cur, Deduced: v}
			return false
		}
		return true
	})
	return err
}

// SecurityCheck is SimpleBuiltinRunner.run_security_checks: the input
// cells of every instance up to the last one written must be set, and the
// deduction rule must accept every instance with an unset output cell.
func (d *deducing) SecurityCheck(m *memory.Memory) error {
	n, err := checkInputCells(m, &d.base)
	if err != nil {
		return err
	}
	for i := uint64(0); i < n; i++ {
		for j := d.nInputCells; j < d.cellsPerInst; j++ {
			addr := d.seg.AddUint(d.cellsPerInst*i + j)
			if m.Get(addr).IsSet() {
				continue
			}
			if _, _, err := d.deduce(m, addr); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkInputCells is the first half of SimpleBuiltinRunner's
// run_security_checks, with its messages; it returns the number of
// instances up to the last written cell.
func checkInputCells(m *memory.Memory, b *base) (uint64, error) {
	seen, maxOff, any := uint64(0), uint64(0), false
	m.EachCell(b.seg.Segment, func(off uint64, _ memory.Value) bool {
		seen++
		maxOff = max(maxOff, off)
		any = true
		return true
	})
	if !any {
		return 0, nil
	}
	n := maxOff/b.cellsPerInst + 1
	if n > seen/b.nInputCells {
		return 0, fmt.Errorf("Missing memory cells for %s.", b.name)
	}
	var missing []uint64
	for i := uint64(0); i < n; i++ {
		for j := uint64(0); j < b.nInputCells; j++ {
			off := b.cellsPerInst*i + j
			if !m.Get(b.seg.AddUint(off)).IsSet() {
				missing = append(missing, off)
			}
		}
	}
	if len(missing) == 0 {
		return n, nil
	}
	// Python lists a set: for offsets this small, in ascending order.
	sort.Slice(missing, func(a, c int) bool { return missing[a] < missing[c] })
	dots := "."
	if len(missing) > 20 {
		dots = "..."
		missing = missing[:20]
	}
	parts := make([]string, len(missing))
	for i, o := range missing {
		parts[i] = strconv.FormatUint(o, 10)
	}
	return 0, fmt.Errorf("Missing memory cells for %s: %s%s", b.name, strings.Join(parts, ", "), dots)
}

// notInteger is cairo-lang's "Expected integer" assertion of an input
// cell.
func notInteger(prefix string, addr memory.Ptr, v memory.Value) error {
	return fmt.Errorf("%s: Expected integer at address %v. Got: %v.", prefix, addr, v)
}

// instancePrivateInput collects the input cells of each instance as
// {"index": i, names[j]: hex} (the air_private_input of the hash-like
// builtins), sorted by index. missing is the message for an instance
// that lacks input j.
func instancePrivateInput(m *memory.Memory, b *base, names []string, missing func(idx uint64, j int) string) ([]any, error) {
	byIdx := map[uint64]map[string]any{}
	var idxs []uint64
	var err error
	m.EachCell(b.seg.Segment, func(off uint64, v memory.Value) bool {
		idx, j := off/b.cellsPerInst, off%b.cellsPerInst
		if j >= b.nInputCells {
			return true
		}
		f, ok := v.Felt()
		if !ok {
			err = fmt.Errorf("%s builtin: the input cell at %v holds the pointer %v", b.name, b.seg.AddUint(off), v)
			return false
		}
		e, ok := byIdx[idx]
		if !ok {
			e = map[string]any{"index": idx}
			byIdx[idx] = e
			idxs = append(idxs, idx)
		}
		e[names[j]] = f.Hex()
		return true
	})
	if err != nil {
		return nil, err
	}
	sortU64(idxs)
	out := make([]any, 0, len(idxs))
	for _, i := range idxs {
		for j, n := range names {
			if _, ok := byIdx[i][n]; !ok {
				return nil, errors.New(missing(i, j))
			}
		}
		out = append(out, byIdx[i])
	}
	return out, nil
}

func sortU64(xs []uint64) { sort.Slice(xs, func(a, c int) bool { return xs[a] < xs[c] }) }

// missingNumbered is the "Missing input #j" message of keccak and poseidon.
func missingNumbered(name string) func(uint64, int) string {
	return func(idx uint64, j int) string {
		return fmt.Sprintf("Missing input #%d of %s instance %d.", j, name, idx)
	}
}
