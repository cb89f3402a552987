package pie

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"math/big"
	"os"
	"sort"
	"strings"

	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/vm/memory"
)

// ReadFile reads a PIE zip from a file.
func ReadFile(name string) (*PIE, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return Read(data)
}

// Read parses a PIE zip as cairo-lang's CairoPie.from_file does, with its
// format checks (verify_zip_file_prefix, verify_zip_format). It does not
// run the validity checks: call Validate. Malformed input gives a
// *FormatError, never a panic.
func Read(data []byte) (*PIE, error) {
	if len(data) < 2 || data[0] != 'P' || data[1] != 'K' {
		return nil, &FormatError{Msg: "Invalid prefix for zip file."}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &FormatError{Msg: "File is not a zip file: " + err.Error()}
	}
	entries := map[string]*zip.File{}
	for _, f := range zr.File {
		if f.Method != zip.Deflate {
			return nil, &FormatError{Msg: "Invalid compress type."}
		}
		if strings.ContainsRune(f.Name, 0) { // zipfile cuts a name at NUL
			return nil, &FormatError{Msg: "File name mismatch."}
		}
		entries[f.Name] = f // a repeated name: the last entry wins, as in zipfile
	}
	names := map[string]bool{VersionFile: true}
	for n := range entries {
		names[n] = true
	}
	if len(names) != len(Files) {
		return nil, &FormatError{Msg: "Invalid list of inner files in the CairoPIE zip."}
	}
	for _, n := range Files {
		if !names[n] {
			return nil, &FormatError{Msg: "Invalid list of inner files in the CairoPIE zip."}
		}
	}
	limits := map[string]uint64{MetadataFile: MaxFileSize, MemoryFile: MaxFileSize, AdditionalDataFile: MaxFileSize,
		ExecutionResourcesFile: MaxSmallFileSize, VersionFile: MaxSmallFileSize}
	for _, n := range Files {
		if f, ok := entries[n]; ok && f.UncompressedSize64 >= limits[n] {
			return nil, &FormatError{Msg: fmt.Sprintf("Invalid file size %d for %s; limit is %d.", f.UncompressedSize64, n, limits[n])}
		}
	}
	read := func(name string) ([]byte, error) {
		f := entries[name]
		rc, err := f.Open()
		if err != nil {
			return nil, &FormatError{File: name, Msg: err.Error()}
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, int64(limits[name])))
		if err != nil {
			return nil, &FormatError{File: name, Msg: err.Error()}
		}
		return b, nil
	}
	readJSON := func(name string) (any, error) {
		b, err := read(name)
		if err != nil {
			return nil, err
		}
		for i, c := range b {
			if c >= 0x80 {
				return nil, &FormatError{File: name, Msg: fmt.Sprintf("'ascii' codec can't decode byte 0x%02x in position %d: ordinal not in range(128)", c, i)}
			}
		}
		v, err := decodeJSON(b)
		if err != nil {
			return nil, &FormatError{File: name, Msg: "invalid JSON: " + err.Error()}
		}
		return v, nil
	}

	p := &PIE{}
	mj, err := readJSON(MetadataFile)
	if err != nil {
		return nil, err
	}
	if err := parseMetadata(mj, &p.Metadata); err != nil {
		return nil, err
	}
	mb, err := read(MemoryFile)
	if err != nil {
		return nil, err
	}
	if p.Memory, err = parseMemory(mb); err != nil {
		return nil, err
	}
	if p.AdditionalData, err = readJSON(AdditionalDataFile); err != nil {
		return nil, err
	}
	ej, err := readJSON(ExecutionResourcesFile)
	if err != nil {
		return nil, err
	}
	if err := parseResources(ej, &p.ExecutionResources); err != nil {
		return nil, err
	}
	if _, ok := entries[VersionFile]; ok {
		if p.Version, err = readJSON(VersionFile); err != nil {
			return nil, err
		}
	} else {
		p.Version = &Object{Keys: []string{"cairo_pie"}, Values: []any{DefaultVersion}}
	}
	return p, nil
}

// schema walks a decoded object as a marshmallow schema: every field it
// reads is known; unknown fields are an error at the end.
type schema struct {
	file, path string
	obj        *Object
	seen       map[string]bool
}

func newSchema(file, path string, v any) (*schema, error) {
	o, ok := v.(*Object)
	if !ok {
		return nil, &FormatError{File: file, Msg: fieldMsg(path, "Invalid input type.")}
	}
	return &schema{file: file, path: path, obj: o, seen: map[string]bool{}}, nil
}

func fieldMsg(path, msg string) string {
	if path == "" {
		return msg
	}
	return path + ": " + msg
}

func (s *schema) sub(name string) string {
	if s.path == "" {
		return name
	}
	return s.path + "." + name
}

func (s *schema) err(name, msg string) error {
	return &FormatError{File: s.file, Msg: fieldMsg(s.sub(name), msg)}
}

// field returns a required, non-null field.
func (s *schema) field(name string) (any, error) {
	s.seen[name] = true
	v, ok := s.obj.Get(name)
	if !ok {
		return nil, s.err(name, "Missing data for required field.")
	}
	if v == nil {
		return nil, s.err(name, "Field may not be null.")
	}
	return v, nil
}

func (s *schema) int(name string) (int64, error) {
	v, err := s.field(name)
	if err != nil {
		return 0, err
	}
	return toInt64(v, func() error { return s.err(name, "Not a valid integer.") })
}

// toInt64 reads an integer; one outside int64 becomes -1, which every
// range check rejects.
func toInt64(v any, bad func() error) (int64, error) {
	n, ok := intValue(v)
	if !ok {
		return 0, bad()
	}
	if !n.IsInt64() {
		return -1, nil
	}
	return n.Int64(), nil
}

func (s *schema) done() error {
	var unknown []string
	for _, k := range s.obj.Keys {
		if !s.seen[k] {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return s.err(unknown[0], "Unknown field.")
	}
	return nil
}

func parseSegment(file, path string, v any) (SegmentInfo, error) {
	s, err := newSchema(file, path, v)
	if err != nil {
		return SegmentInfo{}, err
	}
	var si SegmentInfo
	if si.Index, err = s.int("index"); err != nil {
		return si, err
	}
	if si.Size, err = s.int("size"); err != nil {
		return si, err
	}
	return si, s.done()
}

func parseMetadata(v any, m *Metadata) error {
	s, err := newSchema(MetadataFile, "", v)
	if err != nil {
		return err
	}
	pv, err := s.field("program")
	if err != nil {
		return err
	}
	if err := parseProgram(pv, &m.Program); err != nil {
		return err
	}
	for _, seg := range []struct {
		name string
		dst  *SegmentInfo
	}{{"program_segment", &m.ProgramSegment}, {"execution_segment", &m.ExecutionSegment},
		{"ret_fp_segment", &m.RetFPSegment}, {"ret_pc_segment", &m.RetPCSegment}} {
		sv, err := s.field(seg.name)
		if err != nil {
			return err
		}
		if *seg.dst, err = parseSegment(MetadataFile, seg.name, sv); err != nil {
			return err
		}
	}
	bv, err := s.field("builtin_segments")
	if err != nil {
		return err
	}
	bo, ok := bv.(*Object)
	if !ok {
		return s.err("builtin_segments", "Not a valid mapping type.")
	}
	m.BuiltinSegments = make([]NamedSegment, 0, bo.Len())
	for i, k := range bo.Keys {
		si, err := parseSegment(MetadataFile, "builtin_segments."+k, bo.Values[i])
		if err != nil {
			return err
		}
		m.BuiltinSegments = append(m.BuiltinSegments, NamedSegment{Name: k, SegmentInfo: si})
	}
	ev, err := s.field("extra_segments")
	if err != nil {
		return err
	}
	el, ok := ev.([]any)
	if !ok {
		return s.err("extra_segments", "Not a valid list.")
	}
	m.ExtraSegments = make([]SegmentInfo, 0, len(el))
	for i, x := range el {
		si, err := parseSegment(MetadataFile, fmt.Sprintf("extra_segments.%d", i), x)
		if err != nil {
			return err
		}
		m.ExtraSegments = append(m.ExtraSegments, si)
	}
	return s.done()
}

func parseProgram(v any, p *StrippedProgram) error {
	s, err := newSchema(MetadataFile, "program", v)
	if err != nil {
		return err
	}
	pv, err := s.field("prime")
	if err != nil {
		return err
	}
	var ok bool
	if p.Prime, ok = intValue(pv); !ok {
		return s.err("prime", "Not a valid integer.")
	}
	dv, err := s.field("data")
	if err != nil {
		return err
	}
	dl, ok := dv.([]any)
	if !ok {
		return s.err("data", "Not a valid list.")
	}
	p.Data = make([]*big.Int, len(dl))
	for i, x := range dl {
		if p.Data[i], ok = intValue(x); !ok {
			return s.err(fmt.Sprintf("data.%d", i), "Not a valid integer.")
		}
	}
	bv, err := s.field("builtins")
	if err != nil {
		return err
	}
	bl, ok := bv.([]any)
	if !ok {
		return s.err("builtins", "Not a valid list.")
	}
	p.Builtins = make([]string, len(bl))
	for i, x := range bl {
		if p.Builtins[i], ok = x.(string); !ok {
			return s.err(fmt.Sprintf("builtins.%d", i), "Not a valid string.")
		}
	}
	if p.Main, err = s.int("main"); err != nil {
		return err
	}
	return s.done()
}

func parseResources(v any, r *ExecutionResources) error {
	s, err := newSchema(ExecutionResourcesFile, "", v)
	if err != nil {
		return err
	}
	bv, err := s.field("builtin_instance_counter")
	if err != nil {
		return err
	}
	bo, ok := bv.(*Object)
	if !ok {
		return s.err("builtin_instance_counter", "Not a valid mapping type.")
	}
	for i, k := range bo.Keys {
		n, err := toInt64(bo.Values[i], func() error { return s.err("builtin_instance_counter."+k, "Not a valid integer.") })
		if err != nil {
			return err
		}
		r.BuiltinInstanceCounter = append(r.BuiltinInstanceCounter, BuiltinCount{Name: k, Count: n})
	}
	s.seen["n_memory_holes"] = true
	if hv, ok := s.obj.Get("n_memory_holes"); ok { // load_default=0
		if hv == nil {
			return s.err("n_memory_holes", "Field may not be null.")
		}
		if r.NMemoryHoles, err = toInt64(hv, func() error { return s.err("n_memory_holes", "Not a valid integer.") }); err != nil {
			return err
		}
	}
	if r.NSteps, err = s.int("n_steps"); err != nil {
		return err
	}
	return s.done()
}

// parseMemory reads memory.bin (MemoryDict.deserialize). A repeated
// address keeps its first position and takes the last value, as a Python
// dict built from the pairs does.
func parseMemory(b []byte) ([]Cell, error) {
	const pair = AddrBytes + FieldBytes
	if len(b)%pair != 0 {
		return nil, &FormatError{Msg: fmt.Sprintf("Data must consist of pairs of address (8 bytes) and value (%d bytes).", FieldBytes)}
	}
	n := len(b) / pair
	cells := make([]Cell, 0, n)
	type key struct {
		p     memory.Ptr
		isInt bool
	}
	pos := make(map[key]int, n)
	prime := felt.Prime()
	for i := 0; i < n; i++ {
		e := b[i*pair : (i+1)*pair]
		var c Cell
		a := binary.LittleEndian.Uint64(e[:AddrBytes])
		if a>>63 == 1 {
			c.Addr = memory.Ptr{Segment: int((a >> offsetBits) & (1<<segBits - 1)), Offset: a & (1<<offsetBits - 1)}
		} else {
			c.AddrIsInt, c.Addr = true, memory.Ptr{Offset: a}
		}
		val := e[AddrBytes:]
		if val[FieldBytes-1]>>7 == 1 {
			lo := binary.LittleEndian.Uint64(val[:8])
			c.Value = memory.FromPtr(memory.Ptr{Segment: int((lo >> offsetBits) & (1<<segBits - 1)), Offset: lo & (1<<offsetBits - 1)})
		} else {
			var be [FieldBytes]byte
			for j := range be {
				be[j] = val[FieldBytes-1-j]
			}
			x := new(big.Int).SetBytes(be[:])
			if x.Cmp(prime) >= 0 {
				return nil, &FormatError{File: MemoryFile, Msg: fmt.Sprintf("the value of entry %d, %s, is not below the prime", i, x)}
			}
			c.Value = memory.FromFelt(felt.FromBigInt(x))
		}
		k := key{c.Addr, c.AddrIsInt}
		if j, ok := pos[k]; ok {
			cells[j].Value = c.Value
			continue
		}
		pos[k] = len(cells)
		cells = append(cells, c)
	}
	return cells, nil
}

// isValidName is cairo-lang's is_valid_name: lowercase letters, digits and
// underscores, shorter than limit.
func isValidName(s string, limit int) bool {
	if len(s) >= limit {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// pyStrList is Python's repr of a list of strings.
func pyStrList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = pyRepr(x)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// pyRepr is Python's repr of a str (enough for builtin names and keys).
func pyRepr(s string) string {
	if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
		return `"` + s + `"`
	}
	r := strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`, "\r", `\r`, "\t", `\t`)
	return "'" + r.Replace(s) + "'"
}
