package builtins

import (
	"fmt"
	"sort"
	"strings"
)

// DilutedPool describes a layout's diluted-check pool.
type DilutedPool struct {
	LogUnitsPerStep int
	Spacing         int
	NBits           int
}

// LayoutBuiltin is a builtin of a layout with its ratio (steps per instance,
// over RatioDen).
type LayoutBuiltin struct {
	Name     string
	Ratio    int
	RatioDen int
}

// Layout is one of cairo-lang's layouts: which builtins it has, in order,
// and the trace budget figures proof mode needs.
type Layout struct {
	Name                 string
	CPUComponentStep     int
	RCUnits              int
	PublicMemoryFraction int
	MemoryUnitsPerStep   int
	Diluted              *DilutedPool
	NTraceColumns        int
	Builtins             []LayoutBuiltin
}

// Has reports whether the layout has the named builtin.
func (l *Layout) Has(name string) bool {
	for _, b := range l.Builtins {
		if b.Name == name {
			return true
		}
	}
	return false
}

// LayoutByName returns the named layout.
func LayoutByName(name string) (*Layout, error) {
	for i := range layoutTable {
		if layoutTable[i].Name == name {
			return &layoutTable[i], nil
		}
	}
	return nil, fmt.Errorf("unknown layout %q (known: %s)", name, strings.Join(LayoutNames(), ", "))
}

// LayoutNames lists the layouts, sorted.
func LayoutNames() []string {
	var names []string
	for _, l := range layoutTable {
		names = append(names, l.Name)
	}
	sort.Strings(names)
	return names
}

// Order is the canonical builtin order: a program's %builtins must be a
// subsequence of it.
var Order = []string{"output", "pedersen", "range_check", "ecdsa", "bitwise", "ec_op", "keccak", "poseidon", "range_check96", "add_mod", "mul_mod"}

// New returns the runner for a builtin of a layout, or ErrUnsupported.
func New(name string, included bool) (Runner, error) {
	switch name {
	case "output":
		return NewOutput(included), nil
	case "range_check":
		return NewRangeCheck("range_check", included, 8), nil
	case "range_check96":
		return NewRangeCheck("range_check96", included, 6), nil
	}
	return nil, fmt.Errorf("%w: %s", ErrUnsupported, name)
}
