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

// Shape is a builtin's cell layout: cells per instance, input cells,
// instances per component and extra memory units per instance, as
// cairo-lang's runners define them.
type Shape struct{ Cells, Inputs, InstPerComponent, ExtraUnits uint64 }

// Shapes of every builtin of cairo-lang 0.14.0.1.
var Shapes = map[string]Shape{
	"output":        {1, 1, 1, 0},
	"pedersen":      {3, 2, 1, 0},
	"range_check":   {1, 1, 1, 0},
	"ecdsa":         {2, 2, 1, 0},
	"bitwise":       {5, 2, 1, 0},
	"ec_op":         {7, 5, 1, 0},
	"keccak":        {16, 8, 16, 0},
	"poseidon":      {6, 3, 1, 0},
	"range_check96": {1, 1, 1, 0},
	"add_mod":       {7, 7, 1, 15},
	"mul_mod":       {7, 7, 1, 15},
}

// New returns the runner for a builtin of a layout. A builtin the program
// does not use gets a placeholder (proof mode needs its segment and trace
// share); one it uses but Cairn lacks is ErrUnsupported.
func New(lb LayoutBuiltin, included bool) (Runner, error) {
	switch lb.Name {
	case "output":
		return NewOutput(included), nil
	case "range_check":
		return NewRangeCheck("range_check", included, lb, 8), nil
	case "range_check96":
		return NewRangeCheck("range_check96", included, lb, 6), nil
	case "pedersen":
		return NewPedersen(included, lb), nil
	case "ecdsa":
		return NewEcdsa(included, lb), nil
	case "bitwise":
		return NewBitwise(included, lb), nil
	case "ec_op":
		return NewEcOp(included, lb), nil
	case "keccak":
		return NewKeccak(included, lb), nil
	case "poseidon":
		return NewPoseidon(included, lb), nil
	case "add_mod":
		return NewAddMod(included, lb), nil
	case "mul_mod":
		return NewMulMod(included, lb), nil
	}
	sh, ok := Shapes[lb.Name]
	if !ok {
		return nil, fmt.Errorf("The %s builtin is not supported.", lb.Name)
	}
	if included {
		return nil, fmt.Errorf("%w: %s", ErrUnsupported, lb.Name)
	}
	return &Placeholder{base: newBase(lb.Name, false, lb, sh.Cells, sh.Inputs, sh.InstPerComponent, sh.ExtraUnits)}, nil
}
