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
}

// TraceLength is the number of trace rows for nSteps Cairo steps.
func (l *Layout) TraceLength(nSteps uint64) uint64 {
	return nSteps * l.CpuComponentHeight * l.CpuComponentStep
}

// Width is the number of trace columns (main plus interaction).
func (l *Layout) Width() int { return l.NColumnsFirst + l.NColumnsSecond }

// Plain is the plain layout (Stone's CpuAirDefinition<.., 10>).
var Plain = &Layout{
	Name:                 "plain",
	NColumnsFirst:        6,
	NColumnsSecond:       2,
	NInteractionElements: 3,
	ConstraintDegree:     2,
	CpuComponentHeight:   16,
	CpuComponentStep:     1,
	Mask: mask(
		0, 0, 1, 0, 4, 0, 8, 0,
		0, 1, 1, 1, 2, 1, 3, 1, 4, 1, 5, 1, 6, 1, 7, 1, 8, 1, 9, 1, 10, 1, 11, 1, 12, 1, 13, 1, 14, 1, 15, 1,
		0, 2, 1, 2,
		0, 3, 1, 3, 2, 3, 3, 3, 4, 3, 5, 3, 8, 3, 9, 3, 12, 3, 13, 3, 16, 3,
		0, 4, 1, 4, 2, 4, 3, 4,
		0, 5, 2, 5, 4, 5, 8, 5, 10, 5, 12, 5, 16, 5, 24, 5,
		0, 6, 1, 6,
		0, 7, 2, 7,
	),
}

// mask builds a mask from (row offset, column) pairs.
func mask(pairs ...int) []MaskItem {
	out := make([]MaskItem, len(pairs)/2)
	for i := range out {
		out[i] = MaskItem{RowOffset: pairs[2*i], Column: pairs[2*i+1]}
	}
	return out
}

var layouts = map[string]*Layout{"plain": Plain}

// ByName returns the layout called name.
func ByName(name string) (*Layout, error) {
	if l, ok := layouts[name]; ok {
		return l, nil
	}
	return nil, fmt.Errorf("%w: %q", ErrUnknownLayout, name)
}
