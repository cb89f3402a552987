package air

import (
	"fmt"
	"strings"

	"github.com/cairn-vm/cairn/stark/proof"
)

// usesParam names, for each builtin with periodic columns, the dynamic
// param that turns it on: with it 0, Stone builds the builtin's periodic
// columns from kTrivialPeriodicColumnData (one zero) instead
// (CpuAir::BuildPeriodicColumns, BuildAutoPeriodicColumns).
var usesParam = map[string]string{
	"pedersen": "uses_pedersen_builtin",
	"ecdsa":    "uses_ecdsa_builtin",
	"keccak":   "uses_keccak_builtin",
	"poseidon": "uses_poseidon_builtin",
}

// Instance returns the layout for the public input pi, after Stone's
// checks of its trace length and dynamic params (ContextCheck): l itself
// for a fixed layout (which takes no dynamic params), and for the dynamic layout
// a copy with its widths, component step, mask, periodic steps, virtual
// columns and builtin sizes computed from pi's dynamic params.
func (l *Layout) Instance(pi *proof.PublicInput) (*Layout, error) {
	if l.Dynamic == nil {
		if len(pi.DynamicParams) != 0 {
			return nil, fmt.Errorf("%w: layout %s takes no dynamic params, the public input has %d", ErrPublicInput, l.Name, len(pi.DynamicParams))
		}
		traceLen := l.TraceLength(pi.NSteps)
		if pi.NSteps == 0 || traceLen/pi.NSteps != l.RowsPerStep() {
			return nil, fmt.Errorf("%w: n_steps %d", ErrPublicInput, pi.NSteps)
		}
		if err := l.checkContext([]uint64{traceLen}); err != nil {
			return nil, err
		}
		return l, nil
	}
	d := l.Dynamic
	vars := make([]uint64, 1+len(d.Params))
	byName := map[string]uint64{}
	for i, name := range d.Params {
		v, ok := pi.DynamicParams[name]
		if !ok {
			return nil, fmt.Errorf("%w: missing dynamic param %q", ErrPublicInput, name)
		}
		vars[1+i] = v
		byName[name] = v
	}
	if len(pi.DynamicParams) != len(d.Params) {
		return nil, fmt.Errorf("%w: layout %s has %d dynamic params, the public input %d", ErrPublicInput, l.Name, len(d.Params), len(pi.DynamicParams))
	}
	out := *l
	out.Dynamic = nil
	out.NColumnsFirst = int(min(byName["num_columns_first"], 1<<16))
	out.NColumnsSecond = int(min(byName["num_columns_second"], 1<<16))
	out.CpuComponentStep = byName["cpu_component_step"]
	step := out.CpuComponentStep
	if step == 0 || step&(step-1) != 0 || step > 1<<20 {
		return nil, fmt.Errorf("%w: cpu_component_step %d is not a power of 2", ErrPublicInput, step)
	}
	if out.NColumnsFirst == 0 || out.NColumnsSecond == 0 || out.NColumnsFirst > 1<<12 || out.NColumnsSecond > 1<<12 {
		return nil, fmt.Errorf("%w: %d+%d trace columns", ErrPublicInput, out.NColumnsFirst, out.NColumnsSecond)
	}
	traceLen := out.TraceLength(pi.NSteps)
	if pi.NSteps == 0 || traceLen/pi.NSteps != out.CpuComponentHeight*step {
		return nil, fmt.Errorf("%w: n_steps %d", ErrPublicInput, pi.NSteps)
	}
	vars[0] = traceLen
	out.vars = vars
	eval := func(what string, e IntExpr) (uint64, error) {
		v, err := e.Eval(vars)
		if err != nil {
			return 0, fmt.Errorf("%w: layout %s: %s: %w", ErrPublicInput, l.Name, what, err)
		}
		return v, nil
	}
	out.Mask = make([]MaskItem, len(d.Mask))
	for i, m := range d.Mask {
		off, err := eval(fmt.Sprintf("mask item %d offset", i), m[0])
		if err != nil {
			return nil, err
		}
		col, err := eval(fmt.Sprintf("mask item %d column", i), m[1])
		if err != nil {
			return nil, err
		}
		if col >= uint64(out.Width()) || off >= 1<<40 {
			return nil, fmt.Errorf("%w: mask item %d at row offset %d, column %d (the trace has %d columns)", ErrPublicInput, i, off, col, out.Width())
		}
		out.Mask[i] = MaskItem{RowOffset: int(off), Column: int(col)}
	}
	var err error
	if out.PublicMemoryStep, err = eval("public memory step", d.PublicMemoryStep); err != nil {
		return nil, err
	}
	if len(d.PeriodicSteps) != len(l.Periodic) {
		return nil, fmt.Errorf("%w: layout %s: %d periodic steps for %d columns", ErrEval, l.Name, len(d.PeriodicSteps), len(l.Periodic))
	}
	out.Periodic = make([]PeriodicColumn, len(l.Periodic))
	for i, c := range l.Periodic {
		builtin, _, _ := strings.Cut(c.Name, "/")
		uses, ok := usesParam[builtin]
		if !ok {
			return nil, fmt.Errorf("%w: layout %s: periodic column %s of an unknown builtin", ErrEval, l.Name, c.Name)
		}
		if byName[uses] == 0 {
			out.Periodic[i] = PeriodicColumn{Name: c.Name, Index: c.Index, Step: 1, Values: []string{"0"}}
			continue
		}
		if c.Step, err = eval("periodic column "+c.Name+" step", d.PeriodicSteps[i]); err != nil {
			return nil, err
		}
		out.Periodic[i] = c
	}
	if err := l.instanceTrace(&out, vars, byName); err != nil {
		return nil, err
	}
	return &out, nil
}
