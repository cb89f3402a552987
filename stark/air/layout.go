package air

import (
	"errors"
	"fmt"
)

// ErrUnknownLayout is returned by ByName for layouts not described here.
var ErrUnknownLayout = errors.New("layout not supported")

// MaskItem is one entry of an AIR's mask: the value of Column at row
// (current row + RowOffset), one OODS value each.
type MaskItem struct {
	RowOffset int
	Column    int
}

// Layout is what a verifier needs to know of a Cairo layout's AIR, short of
// its constraints.
type Layout struct {
	Name string
	// NColumnsFirst and NColumnsSecond are the widths of the main trace
	// and of the interaction trace.
	NColumnsFirst, NColumnsSecond int
	// NInteractionElements is how many random elements the interaction
	// draws (memory permutation z and alpha, range-check z, ...).
	NInteractionElements int
	// ConstraintDegree is the composition degree bound over the trace
	// length: the number of columns the composition polynomial is broken
	// into.
	ConstraintDegree int
	// CpuComponentHeight times CpuComponentStep is the number of trace
	// rows per Cairo step.
	CpuComponentHeight, CpuComponentStep uint64
	// Mask lists the OODS mask in Stone's order (GetMask); columns of the
	// interaction trace are numbered after the main trace's.
	Mask []MaskItem
	// StoneID is the index of Stone's CpuAirDefinition<.., StoneID>.
	StoneID int
	// PublicMemoryStep is the row step of the public-memory cells
	// (orig/public_memory): the trace holds TraceLength/PublicMemoryStep
	// of them, the public memory padded to that count.
	PublicMemoryStep uint64
	// HasDilutedPool, DilutedSpacing and DilutedNBits describe the diluted
	// check (bitwise, keccak), when the layout has one.
	HasDilutedPool               bool
	DilutedSpacing, DilutedNBits uint64
	// EcdsaElementBits and EcdsaElementHeight shape the ECDSA generator
	// points periodic columns.
	EcdsaElementBits, EcdsaElementHeight uint64
	// Periodic lists the periodic columns (Stone's BuildPeriodicColumns).
	Periodic []PeriodicColumn
	// HasAddMod and HasMulMod say the interaction draws the add_mod and
	// mul_mod elements (after the diluted check's).
	HasAddMod, HasMulMod bool
	// Constraints is the composition polynomial.
	Constraints *Program
	// Trace is Stone's trace-generation context and the constants the
	// trace generator reads (see VirtualColumns); for the dynamic layout it
	// holds the fixed part until Instance evaluates the rest.
	Trace *TraceContext
	// Dynamic is set for the dynamic layout, whose widths, component step,
	// mask and periodic steps depend on the public input's dynamic params
	// (see Instance).
	Dynamic *DynamicShape

	// vars are the integer variables of the exponents: the trace length
	// (set per evaluation), then the dynamic params.
	vars []uint64
}

// DynamicShape is what of the dynamic layout depends on its params.
type DynamicShape struct {
	// Params are the param names in Stone's order (ParseDynamicParams).
	Params []string
	// Mask is the mask: (row offset, column) expressions.
	Mask             [][2]IntExpr
	PublicMemoryStep IntExpr
	// PeriodicSteps are the steps of Layout.Periodic.
	PeriodicSteps []IntExpr
	// VirtualColumns and Builtins are the trace context's parts that
	// depend on the params.
	VirtualColumns []DynamicVirtualColumn
	Builtins       []DynamicBuiltin
}

// PeriodicColumn is one periodic column: its values (named as in Stone's
// trace generation context) repeat every len(values)·Step rows.
type PeriodicColumn struct {
	Name  string
	Index int
	Step  uint64
	// Values are the column's values over one period, as decimal or
	// 0x-hex strings; nil for the Pedersen and ECDSA point columns, which
	// are computed from the curve's constant points.
	Values []string
}

// TraceLength is the number of trace rows for nSteps Cairo steps.
func (l *Layout) TraceLength(nSteps uint64) uint64 {
	return nSteps * l.CpuComponentHeight * l.CpuComponentStep
}

// RowsPerStep is the number of trace rows per Cairo step.
func (l *Layout) RowsPerStep() uint64 { return l.CpuComponentHeight * l.CpuComponentStep }

// Width is the number of trace columns (main plus interaction).
func (l *Layout) Width() int { return l.NColumnsFirst + l.NColumnsSecond }

// mask builds a mask from (row offset, column) pairs.
func mask(pairs ...int) []MaskItem {
	out := make([]MaskItem, len(pairs)/2)
	for i := range out {
		out[i] = MaskItem{RowOffset: pairs[2*i], Column: pairs[2*i+1]}
	}
	return out
}

// layouts holds every generated layout by name (each generated file
// registers its own, so this package builds without them).
var layouts = map[string]*Layout{}

func register(l *Layout) { layouts[l.Name] = l }

// ByName returns the layout called name.
func ByName(name string) (*Layout, error) {
	if l, ok := layouts[name]; ok {
		return l, nil
	}
	return nil, fmt.Errorf("%w: %q", ErrUnknownLayout, name)
}
