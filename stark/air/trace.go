package air

import (
	"fmt"
	"strings"
)

// VirtualColumn is one entry of Stone's trace-generation context
// (CpuAirDefinition::GetTraceGenerationContext, AddVirtualColumn): the
// named cells RowOffset + i·Step of one trace column. The prover writes
// each Cairo value into the cells its name gives (cpu/registers/ap,
// mem_pool/addr, pedersen/hash0/..., ...).
//
// Virtual columns may share a progression of cells, told apart by the
// indices their component uses, not by the cells: a pool and its users
// (mem_pool/addr and cpu/decode/pc), a builtin's own pool and its views
// (bitwise/diluted_var_pool and bitwise/x), a RowOffset past Step that
// starts a virtual column at a later index of a shared progression
// (bitwise/y, keccak's parities), a cell that a column's component leaves
// free in each block (pedersen/hash0/ec_subset_sum/bit_unpacking/prod_ones196
// in slot 255 of pedersen/hash0/ec_subset_sum/slope).
//
// Column numbers the main trace's columns first, then the interaction
// trace's, as MaskItem does; Interaction says which trace the column is in
// (Stone numbers an interaction column within its own trace: that is
// Column - NColumnsFirst, see TraceColumn).
type VirtualColumn struct {
	Name        string
	Column      int
	Interaction bool
	Step        uint64
	RowOffset   uint64
}

// Size is Stone's VirtualColumn::Size, traceLength/Step: the progression's
// length. With RowOffset past Step its last cells fall past the trace;
// the component never uses them.
func (v VirtualColumn) Size(traceLength uint64) uint64 { return traceLength / v.Step }

// Row is the trace row of v's i-th cell (Stone's ToTraceRowIndex).
func (v VirtualColumn) Row(i uint64) uint64 { return v.RowOffset + i*v.Step }

// TraceColumn returns v's trace (0 main, 1 interaction) and its column
// within that trace, given the main trace's width.
func (v VirtualColumn) TraceColumn(nColumnsFirst int) (trace, column int) {
	if v.Interaction {
		return 1, v.Column - nColumnsFirst
	}
	return 0, v.Column
}

// TraceObject is a constant Stone's trace generator reads from the context
// by name (AddObject): the Pedersen and EC-op bit unpacking's ones_indices
// (Indices) and limit (Value, 0x-hex).
type TraceObject struct {
	Name    string
	Indices []uint64
	Value   string
}

// Builtin is one builtin of a layout, as the trace generator sizes it.
type Builtin struct {
	// Name is the builtin's memory segment name (output, pedersen,
	// range_check, ...).
	Name string
	// Used is Stone's kHas<X>Builtin, or for the dynamic layout its
	// uses_<x>_builtin param.
	Used bool
	// RowRatio is the number of trace rows per builtin instance (Stone's
	// k<X>RowRatio or <x>_row_ratio param); 0 for the output builtin and
	// unused builtins. A trace of L rows holds L/RowRatio instances.
	RowRatio uint64
	// Ratio is Stone's <X>Ratio(): Cairo steps per instance, RowRatio over
	// the rows per step; 0 where that is not a whole number (a dynamic
	// low-ratio builtin) or for the output builtin.
	Ratio uint64
}

// TraceContext is what a layout's trace generator needs besides the AIR:
// where each named value goes, the objects and builtin sizes, and Stone's
// other scalar constants.
type TraceContext struct {
	// VirtualColumns are in Stone's order. The pools (mem_pool/addr,
	// mem_pool/value, range_check16_pool, diluted_pool) hold the cells
	// their users take (cpu/decode/mem_inst/addr, ...) and the free cells
	// the pool's Finalize pads; Stone names two of them twice
	// (cpu/decode/pc = cpu/decode/mem_inst/addr, cpu/decode/instruction =
	// cpu/decode/mem_inst/value). For the other ways they share cells see
	// VirtualColumn.
	VirtualColumns []VirtualColumn
	Objects        []TraceObject
	// SegmentNames are the memory segments in Stone's kSegmentNames order.
	SegmentNames []string
	// Builtins are the layout's builtins in segment order.
	Builtins []Builtin
	// Checks are Stone's checks of the trace length and dynamic params
	// (Instance makes them).
	Checks []ContextCheck
	// Constants holds every numeric scalar constant of Stone's
	// CpuAirDefinition by its C++ name (kRangeCheckNParts, kPoseidonRoundsFull,
	// kEcOpScalarHeight, kAddModNWords, ...).
	Constants map[string]uint64
}

// DynamicVirtualColumn is a virtual column of the dynamic layout, its
// column, step and row offset functions of the dynamic params.
type DynamicVirtualColumn struct {
	Name                    string
	Interaction             bool
	Column, Step, RowOffset IntExpr
}

// ContextCheck is one of the checks Stone's GetTraceGenerationContext
// makes (ASSERT_RELEASE) of the trace length and the dynamic params, and
// so its verifier, whose CpuAir builds the context: when Guard is nil or
// non-zero, Cond must evaluate (its SafeDivs exact) to non-zero, in
// Stone's uint64 arithmetic. Text is the condition as Stone writes it, Msg
// Stone's message.
type ContextCheck struct {
	Guard, Cond IntExpr
	Text, Msg   string
}

// checkContext makes the layout's context checks for vars (the trace
// length, then the dynamic params).
func (l *Layout) checkContext(vars []uint64) error {
	if l.Trace == nil {
		return fmt.Errorf("%w: layout %s has no trace context", ErrEval, l.Name)
	}
	for _, a := range l.Trace.Checks {
		if a.Guard != nil {
			g, err := a.Guard.Eval(vars)
			if err != nil {
				return fmt.Errorf("%w: layout %s: guard of %s: %w", ErrPublicInput, l.Name, a.Text, err)
			}
			if g == 0 {
				continue
			}
		}
		v, err := a.Cond.Eval(vars)
		if err != nil {
			return fmt.Errorf("%w: layout %s: Stone's check %s (%s): %w", ErrPublicInput, l.Name, a.Text, a.Msg, err)
		}
		if v == 0 {
			return fmt.Errorf("%w: layout %s: Stone's check %s fails: %s", ErrPublicInput, l.Name, a.Text, a.Msg)
		}
	}
	return nil
}

// DynamicBuiltin names the dynamic params that size a builtin.
type DynamicBuiltin struct {
	Name, Uses, RowRatio string
}

// VirtualColumns returns the layout's virtual columns in Stone's order
// (read-only); nil for the dynamic layout before Instance.
func (l *Layout) VirtualColumns() []VirtualColumn {
	if l.Trace == nil {
		return nil
	}
	return l.Trace.VirtualColumns
}

// VirtualColumn returns the virtual column called name.
func (l *Layout) VirtualColumn(name string) (VirtualColumn, bool) {
	for _, v := range l.VirtualColumns() {
		if v.Name == name {
			return v, true
		}
	}
	return VirtualColumn{}, false
}

// Builtin returns the builtin whose segment is name.
func (l *Layout) Builtin(name string) (Builtin, bool) {
	if l.Trace == nil {
		return Builtin{}, false
	}
	for _, b := range l.Trace.Builtins {
		if b.Name == name {
			return b, true
		}
	}
	return Builtin{}, false
}

// unitsRowRatio is the step of a pool: trace rows per unit.
func (l *Layout) unitsRowRatio(pool string) uint64 {
	v, ok := l.VirtualColumn(pool)
	if !ok {
		return 0
	}
	return v.Step
}

// MemoryUnitsRowRatio is the number of trace rows per memory unit (an
// address/value pair of mem_pool); the dynamic layout's
// memory_units_row_ratio.
func (l *Layout) MemoryUnitsRowRatio() uint64 { return l.unitsRowRatio("mem_pool/addr") }

// RangeCheckUnitsRowRatio is the number of trace rows per 16-bit range-check
// unit (range_check16_pool).
func (l *Layout) RangeCheckUnitsRowRatio() uint64 { return l.unitsRowRatio("range_check16_pool") }

// DilutedUnitsRowRatio is the number of trace rows per diluted unit
// (diluted_pool); 0 without a diluted pool.
func (l *Layout) DilutedUnitsRowRatio() uint64 { return l.unitsRowRatio("diluted_pool") }

// instanceTrace evaluates the dynamic layout's trace context for vars
// (trace length, then the params), leaving out the virtual columns of
// unused builtins, whose steps are 0 and which Stone never writes.
func (l *Layout) instanceTrace(out *Layout, vars []uint64, byName map[string]uint64) error {
	d := l.Dynamic
	if l.Trace == nil {
		return fmt.Errorf("%w: layout %s has no trace context", ErrEval, l.Name)
	}
	if err := l.checkContext(vars); err != nil {
		return err
	}
	tc := *l.Trace
	tc.Builtins = make([]Builtin, 0, len(d.Builtins)+1)
	unused := map[string]bool{}
	rowsPerStep := out.CpuComponentHeight * out.CpuComponentStep
	for _, b := range l.Trace.Builtins {
		if b.Name == "output" {
			tc.Builtins = append(tc.Builtins, b)
		}
	}
	for _, db := range d.Builtins {
		b := Builtin{Name: db.Name, Used: byName[db.Uses] != 0}
		if b.Used {
			b.RowRatio = byName[db.RowRatio]
			if b.RowRatio == 0 || b.RowRatio&(b.RowRatio-1) != 0 {
				return fmt.Errorf("%w: %s %d is not a power of 2", ErrPublicInput, db.RowRatio, b.RowRatio)
			}
			if b.RowRatio%rowsPerStep == 0 {
				b.Ratio = b.RowRatio / rowsPerStep
			}
		} else {
			unused[db.Name] = true
		}
		tc.Builtins = append(tc.Builtins, b)
	}
	traceLen := vars[0]
	tc.VirtualColumns = make([]VirtualColumn, 0, len(d.VirtualColumns))
	for _, dv := range d.VirtualColumns {
		first, _, _ := strings.Cut(dv.Name, "/")
		if unused[strings.TrimSuffix(first, "_builtin")] {
			continue
		}
		var v [3]uint64
		for i, e := range []IntExpr{dv.Column, dv.Step, dv.RowOffset} {
			x, err := e.Eval(vars)
			if err != nil {
				return fmt.Errorf("%w: layout %s: virtual column %s: %w", ErrPublicInput, l.Name, dv.Name, err)
			}
			v[i] = x
		}
		col, step, off := v[0], v[1], v[2]
		lo, hi := uint64(0), uint64(out.NColumnsFirst)
		if dv.Interaction {
			lo, hi = hi, uint64(out.Width())
		}
		if col < lo || col >= hi {
			return fmt.Errorf("%w: virtual column %s in column %d, outside its trace's columns [%d, %d)", ErrPublicInput, dv.Name, col, lo, hi)
		}
		if step == 0 || step&(step-1) != 0 || step > traceLen || off >= traceLen {
			return fmt.Errorf("%w: virtual column %s: step %d, row offset %d in a trace of %d rows", ErrPublicInput, dv.Name, step, off, traceLen)
		}
		tc.VirtualColumns = append(tc.VirtualColumns, VirtualColumn{Name: dv.Name, Column: int(col), Interaction: dv.Interaction, Step: step, RowOffset: off})
	}
	out.Trace = &tc
	return nil
}
