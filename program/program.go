package program

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"sort"
	"strconv"
	"strings"

	"github.com/cairn-vm/cairn/felt"
)

// ErrPrime is returned when a program is compiled for another field.
var ErrPrime = errors.New("unsupported prime")

// LoadError is a malformed compiled program: Field names where.
type LoadError struct {
	Field string
	Err   error
}

func (e *LoadError) Error() string { return fmt.Sprintf("program %s: %v", e.Field, e.Err) }
func (e *LoadError) Unwrap() error { return e.Err }

func loadErr(field string, format string, args ...any) error {
	return &LoadError{Field: field, Err: fmt.Errorf(format, args...)}
}

// ApTracking is the compiler's knowledge of ap at a point: within one
// group, ap is known relative to the group's start.
type ApTracking struct {
	Group  int `json:"group"`
	Offset int `json:"offset"`
}

// FlowTracking is the ap tracking and the references visible at a pc.
type FlowTracking struct {
	ApTracking   ApTracking     `json:"ap_tracking"`
	ReferenceIDs map[string]int `json:"reference_ids"`
}

// Hint is one hint as compiled: its Python code and what it can see.
type Hint struct {
	Code             string       `json:"code"`
	AccessibleScopes []string     `json:"accessible_scopes"`
	FlowTracking     FlowTracking `json:"flow_tracking_data"`
}

// Reference is an entry of the reference manager.
type Reference struct {
	ApTracking ApTracking `json:"ap_tracking_data"`
	PC         int        `json:"pc"`
	Value      string     `json:"value"`

	Expr Expr `json:"-"` // parsed Value
}

// Member is a struct member.
type Member struct {
	CairoType string `json:"cairo_type"`
	Offset    int    `json:"offset"`
}

// Identifier is an entry of the identifiers table.
type Identifier struct {
	Type        string            `json:"type"`
	PC          *int              `json:"pc,omitempty"`
	Value       json.RawMessage   `json:"value,omitempty"`
	Destination string            `json:"destination,omitempty"`
	CairoType   string            `json:"cairo_type,omitempty"`
	FullName    string            `json:"full_name,omitempty"`
	Members     map[string]Member `json:"members,omitempty"`
	Size        *int              `json:"size,omitempty"`
	Decorators  []string          `json:"decorators,omitempty"`
	References  []Reference       `json:"references,omitempty"`

	Const *big.Int `json:"-"` // parsed Value of a "const"
}

// Attribute is a code attribute such as with_attr error_message.
type Attribute struct {
	Name             string        `json:"name"`
	Value            string        `json:"value"`
	StartPC          int           `json:"start_pc"`
	EndPC            int           `json:"end_pc"`
	AccessibleScopes []string      `json:"accessible_scopes"`
	FlowTracking     *FlowTracking `json:"flow_tracking_data"`
}

// InputFile names a source file.
type InputFile struct {
	Filename string `json:"filename"`
}

// Location is a span in a source file, with the chain of locations it was
// expanded from.
type Location struct {
	StartLine int       `json:"start_line"`
	StartCol  int       `json:"start_col"`
	EndLine   int       `json:"end_line"`
	EndCol    int       `json:"end_col"`
	InputFile InputFile `json:"input_file"`
	Parent    *Location `json:"-"`
	ParentMsg string    `json:"-"`
}

// UnmarshalJSON reads a location, whose parent is a [location, message] pair.
func (l *Location) UnmarshalJSON(b []byte) error {
	var raw struct {
		StartLine      int               `json:"start_line"`
		StartCol       int               `json:"start_col"`
		EndLine        int               `json:"end_line"`
		EndCol         int               `json:"end_col"`
		InputFile      InputFile         `json:"input_file"`
		ParentLocation []json.RawMessage `json:"parent_location"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	*l = Location{StartLine: raw.StartLine, StartCol: raw.StartCol, EndLine: raw.EndLine,
		EndCol: raw.EndCol, InputFile: raw.InputFile}
	if len(raw.ParentLocation) == 2 {
		var p Location
		if err := json.Unmarshal(raw.ParentLocation[0], &p); err != nil {
			return err
		}
		if err := json.Unmarshal(raw.ParentLocation[1], &l.ParentMsg); err != nil {
			return err
		}
		l.Parent = &p
	} else if len(raw.ParentLocation) != 0 {
		return errors.New("parent_location must be a [location, message] pair")
	}
	return nil
}

// HintLocation is where a hint's code sits in the source.
type HintLocation struct {
	Location        Location `json:"location"`
	NPrefixNewlines int      `json:"n_prefix_newlines"`
}

// InstructionLocation is the debug info of one instruction.
type InstructionLocation struct {
	Inst             Location        `json:"inst"`
	Hints            []*HintLocation `json:"hints"`
	AccessibleScopes []string        `json:"accessible_scopes"`
	FlowTracking     FlowTracking    `json:"flow_tracking_data"`
}

// DebugInfo maps pcs to source locations.
type DebugInfo struct {
	FileContents         map[string]string            `json:"file_contents"`
	InstructionLocations map[int]*InstructionLocation `json:"-"`
}

// Program is a loaded compiled program.
type Program struct {
	Prime           *big.Int
	Data            []felt.Felt
	Builtins        []string
	Hints           map[int][]Hint // by pc, in order
	Identifiers     map[string]*Identifier
	References      []Reference
	Attributes      []Attribute
	DebugInfo       *DebugInfo
	MainScope       string
	CompilerVersion string
}

type rawProgram struct {
	Prime            *string                           `json:"prime"`
	Data             []string                          `json:"data"`
	Builtins         []string                          `json:"builtins"`
	Hints            map[string][]Hint                 `json:"hints"`
	Identifiers      map[string]*Identifier            `json:"identifiers"`
	ReferenceManager *struct{ References []Reference } `json:"reference_manager"`
	Attributes       []Attribute                       `json:"attributes"`
	DebugInfo        *struct {
		FileContents         map[string]string               `json:"file_contents"`
		InstructionLocations map[string]*InstructionLocation `json:"instruction_locations"`
	} `json:"debug_info"`
	MainScope       string `json:"main_scope"`
	CompilerVersion string `json:"compiler_version"`
}

// Load parses a compiled program.
func Load(data []byte) (*Program, error) {
	var raw rawProgram
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&raw); err != nil {
		return nil, &LoadError{Field: "JSON", Err: fmt.Errorf("not a valid compiled program: %w", err)}
	}
	if raw.Prime == nil {
		return nil, loadErr("prime", "missing")
	}
	prime, err := felt.ParseBig(*raw.Prime)
	if err != nil {
		return nil, &LoadError{Field: "prime", Err: err}
	}
	if prime.Cmp(felt.Prime()) != 0 {
		return nil, &LoadError{Field: "prime", Err: fmt.Errorf("%w %s: Cairn runs programs over %s only", ErrPrime, *raw.Prime, felt.PrimeHex)}
	}
	if raw.Data == nil {
		return nil, loadErr("data", "missing")
	}
	p := &Program{
		Prime:           prime,
		Data:            make([]felt.Felt, len(raw.Data)),
		Builtins:        raw.Builtins,
		Hints:           map[int][]Hint{},
		Identifiers:     raw.Identifiers,
		Attributes:      raw.Attributes,
		MainScope:       raw.MainScope,
		CompilerVersion: raw.CompilerVersion,
	}
	if p.MainScope == "" {
		p.MainScope = "__main__"
	}
	if p.Identifiers == nil {
		p.Identifiers = map[string]*Identifier{}
	}
	for i, s := range raw.Data {
		v, err := felt.ParseBig(s)
		if err != nil || v.Sign() < 0 || v.Cmp(prime) >= 0 {
			return nil, loadErr(fmt.Sprintf("data[%d]", i), "%q is not a field element", s)
		}
		p.Data[i] = felt.FromBigInt(v)
	}
	for k, hs := range raw.Hints {
		pc, err := strconv.Atoi(k)
		if err != nil || pc < 0 || pc >= len(p.Data) {
			return nil, loadErr("hints", "pc %q is not an offset into data", k)
		}
		p.Hints[pc] = hs
	}
	if raw.ReferenceManager != nil {
		p.References = raw.ReferenceManager.References
	}
	for i := range p.References {
		e, err := ParseExpr(p.References[i].Value)
		if err != nil {
			return nil, loadErr(fmt.Sprintf("reference_manager.references[%d]", i), "%v", err)
		}
		p.References[i].Expr = e
	}
	for name, h := range p.Hints {
		for j, hint := range h {
			for ref, id := range hint.FlowTracking.ReferenceIDs {
				if id < 0 || id >= len(p.References) {
					return nil, loadErr(fmt.Sprintf("hints[%d][%d]", name, j), "reference %s has unknown id %d", ref, id)
				}
			}
		}
	}
	for name, id := range p.Identifiers {
		if id == nil {
			return nil, loadErr("identifiers", "%s is null", name)
		}
		if id.Type == "const" {
			v, err := parseConst(id.Value)
			if err != nil {
				return nil, loadErr("identifiers", "%s: %v", name, err)
			}
			id.Const = v
		}
		for i := range id.References {
			e, err := ParseExpr(id.References[i].Value)
			if err != nil {
				return nil, loadErr("identifiers", "%s: %v", name, err)
			}
			id.References[i].Expr = e
		}
	}
	if raw.DebugInfo != nil {
		p.DebugInfo = &DebugInfo{FileContents: raw.DebugInfo.FileContents, InstructionLocations: map[int]*InstructionLocation{}}
		for k, loc := range raw.DebugInfo.InstructionLocations {
			pc, err := strconv.Atoi(k)
			if err != nil || loc == nil {
				return nil, loadErr("debug_info.instruction_locations", "bad entry %q", k)
			}
			p.DebugInfo.InstructionLocations[pc] = loc
		}
	}
	return p, nil
}

func parseConst(raw json.RawMessage) (*big.Int, error) {
	s := strings.TrimSpace(string(raw))
	s = strings.Trim(s, `"`)
	v, ok := new(big.Int).SetString(s, 0)
	if !ok {
		return nil, fmt.Errorf("const value %s is not an integer", s)
	}
	return v, nil
}

// HintPCs returns the pcs that carry hints, ascending.
func (p *Program) HintPCs() []int {
	pcs := make([]int, 0, len(p.Hints))
	for pc := range p.Hints {
		pcs = append(pcs, pc)
	}
	sort.Ints(pcs)
	return pcs
}

// Get resolves a fully qualified identifier, following aliases.
func (p *Program) Get(name string) (*Identifier, string, bool) {
	for i := 0; i < 64; i++ {
		id, ok := p.Identifiers[name]
		if !ok {
			return p.getThroughAlias(name, i)
		}
		if id.Type != "alias" {
			return id, name, true
		}
		name = id.Destination
	}
	return nil, "", false
}

// getThroughAlias handles a name whose prefix is an alias (a.b where a is
// an alias of x.y gives x.y.b).
func (p *Program) getThroughAlias(name string, depth int) (*Identifier, string, bool) {
	if depth > 32 {
		return nil, "", false
	}
	parts := strings.Split(name, ".")
	for i := len(parts) - 1; i > 0; i-- {
		prefix := strings.Join(parts[:i], ".")
		if id, ok := p.Identifiers[prefix]; ok && id.Type == "alias" {
			return p.getDepth(id.Destination+"."+strings.Join(parts[i:], "."), depth+1)
		}
	}
	return nil, "", false
}

func (p *Program) getDepth(name string, depth int) (*Identifier, string, bool) {
	if depth > 32 {
		return nil, "", false
	}
	id, ok := p.Identifiers[name]
	if !ok {
		return p.getThroughAlias(name, depth)
	}
	if id.Type == "alias" {
		return p.getDepth(id.Destination, depth+1)
	}
	return id, name, true
}

// Search resolves a name as seen from the given scopes (innermost last),
// as cairo-lang's IdentifierManager.search does.
func (p *Program) Search(scopes []string, name string) (*Identifier, string, bool) {
	for i := len(scopes) - 1; i >= 0; i-- {
		if id, full, ok := p.Get(scopes[i] + "." + name); ok {
			return id, full, true
		}
	}
	return p.Get(name)
}

// Label returns the pc of a function or label.
func (p *Program) Label(name string) (int, error) {
	id, _, ok := p.Get(name)
	if !ok {
		return 0, fmt.Errorf("identifier %s not found", name)
	}
	if id.PC == nil {
		return 0, fmt.Errorf("identifier %s is a %s, not a label", name, id.Type)
	}
	if *id.PC < 0 || *id.PC > len(p.Data) {
		return 0, fmt.Errorf("label %s has pc %d outside the program", name, *id.PC)
	}
	return *id.PC, nil
}

// Main returns the pc of main().
func (p *Program) Main() (int, error) {
	pc, err := p.Label(p.MainScope + ".main")
	if err != nil {
		return 0, errors.New("Missing main().")
	}
	return pc, nil
}

// Location returns the debug location of an instruction, if known.
func (p *Program) Location(pc int) *InstructionLocation {
	if p.DebugInfo == nil {
		return nil
	}
	return p.DebugInfo.InstructionLocations[pc]
}
