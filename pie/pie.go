package pie

import (
	"fmt"
	"math/big"

	"github.com/cairn-vm/cairn/vm/memory"
)

// File names inside the zip, in the order cairo-lang writes them.
const (
	MetadataFile           = "metadata.json"
	MemoryFile             = "memory.bin"
	AdditionalDataFile     = "additional_data.json"
	ExecutionResourcesFile = "execution_resources.json"
	VersionFile            = "version.json"
)

// Files lists the entries of a PIE in cairo-lang's order; version.json is
// optional when reading.
var Files = []string{MetadataFile, MemoryFile, AdditionalDataFile, ExecutionResourcesFile, VersionFile}

// CurrentVersion is cairo-lang's CURRENT_CAIRO_PIE_VERSION; a PIE without
// version.json is DefaultVersion.
const (
	CurrentVersion = "1.1"
	DefaultVersion = "1.0"
)

// Limits of cairo-lang's verify_zip_format and validity checks.
const (
	MaxFileSize      = 5 << 30 // metadata, memory and additional data
	MaxSmallFileSize = 10000   // execution resources and version
	MaxNSteps        = 1 << 30
	maxIndex         = 1 << 30
	// AddrBytes is the size of an address in memory.bin.
	AddrBytes = 8
	// FieldBytes is the size of a value in memory.bin for the STARK prime.
	FieldBytes = 32
	offsetBits = 47
	segBits    = 16
)

// SegmentInfo is a segment index and size.
type SegmentInfo struct {
	Index int64
	Size  int64
}

// NamedSegment is one entry of builtin_segments.
type NamedSegment struct {
	Name string
	SegmentInfo
}

// StrippedProgram is cairo-lang's StrippedProgram: what a PIE keeps of the
// program.
type StrippedProgram struct {
	Prime    *big.Int
	Data     []*big.Int
	Builtins []string
	Main     int64
}

// Metadata is metadata.json.
type Metadata struct {
	Program          StrippedProgram
	ProgramSegment   SegmentInfo
	ExecutionSegment SegmentInfo
	RetFPSegment     SegmentInfo
	RetPCSegment     SegmentInfo
	BuiltinSegments  []NamedSegment // in the file's (and the layout's) order
	ExtraSegments    []SegmentInfo
}

// AllSegments lists every segment, as cairo-lang's all_segments does.
func (m *Metadata) AllSegments() []SegmentInfo {
	out := []SegmentInfo{m.ProgramSegment, m.ExecutionSegment, m.RetFPSegment, m.RetPCSegment}
	for _, b := range m.BuiltinSegments {
		out = append(out, b.SegmentInfo)
	}
	return append(out, m.ExtraSegments...)
}

// SegmentSizes maps each segment index to its size.
func (m *Metadata) SegmentSizes() map[int64]int64 {
	out := map[int64]int64{}
	for _, s := range m.AllSegments() {
		out[s.Index] = s.Size
	}
	return out
}

// BuiltinCount is one entry of builtin_instance_counter.
type BuiltinCount struct {
	Name  string // with the "_builtin" suffix
	Count int64
}

// ExecutionResources is execution_resources.json (ExecutionResourcesStone).
type ExecutionResources struct {
	NSteps                 int64
	NMemoryHoles           int64
	BuiltinInstanceCounter []BuiltinCount
}

// Cell is one memory cell of a PIE, unrelocated. An address that is not a
// relocatable value (invalid in a PIE) has AddrIsInt set and its integer in
// Addr.Offset.
type Cell struct {
	Addr      memory.Ptr
	AddrIsInt bool
	Value     memory.Value
}

// PIE is a Cairo PIE.
type PIE struct {
	Metadata           Metadata
	Memory             []Cell // in file order; an address appears once
	AdditionalData     any    // JSON as decoded by DecodeJSON: normally an *Object keyed by "<name>_builtin"
	ExecutionResources ExecutionResources
	Version            any // normally {"cairo_pie": "1.1"}
}

// VersionString returns version["cairo_pie"], if the version is an object
// holding a string there.
func (p *PIE) VersionString() (string, bool) {
	o, ok := p.Version.(*Object)
	if !ok {
		return "", false
	}
	v, ok := o.Get("cairo_pie")
	if !ok {
		return "", false
	}
	s, ok := v.(string)
	return s, ok
}

// NewVersion is the version of a PIE cairo-lang writes today.
func NewVersion() *Object {
	return &Object{Keys: []string{"cairo_pie"}, Values: []any{CurrentVersion}}
}

// FormatError is a PIE file that cannot be read: not a zip, missing or
// unexpected entries, malformed JSON or memory. File is the entry ("" for
// the zip itself).
type FormatError struct {
	File string
	Msg  string
}

func (e *FormatError) Error() string {
	if e.File == "" {
		return e.Msg
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// ValidityError is a failed check of cairo-lang's run_validity_checks; Msg
// is cairo-lang's assertion message.
type ValidityError struct{ Msg string }

func (e *ValidityError) Error() string { return e.Msg }

// DecodeJSON parses JSON as Python's json.loads does, keeping object key
// order (objects are *Object; numbers json.Number).
func DecodeJSON(data []byte) (any, error) { return decodeJSON(data) }

// EncodeJSON writes a value as Python's json.dumps does. It accepts what
// DecodeJSON returns, plus int, int64, uint64, *big.Int and
// map[string]any (keys sorted).
func EncodeJSON(v any) ([]byte, error) { return encodeJSON(v) }

// JSONEqual is Python's == on decoded JSON values.
func JSONEqual(a, b any) bool { return jsonEqual(a, b) }
