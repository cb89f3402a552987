package pie

import (
	"fmt"
	"math/big"
	"sort"
	"strings"

	"github.com/cairn-vm/cairn/vm/memory"
)

// CompatibleWith is cairo-lang's CairoPie.is_compatible_with: the two PIEs
// are equal (memory as a set of cells, objects regardless of key order),
// ignoring additional_data["pedersen_builtin"].
func (p *PIE) CompatibleWith(q *PIE) bool {
	return p.Metadata.Equal(&q.Metadata) && memoryEqual(p.Memory, q.Memory) &&
		jsonEqual(withoutPedersen(p.AdditionalData), withoutPedersen(q.AdditionalData)) &&
		p.ExecutionResources.Equal(&q.ExecutionResources) && jsonEqual(p.Version, q.Version)
}

// Diff is CairoPie.diff: a short description of what differs.
func (p *PIE) Diff(q *PIE) string {
	res := []string{"CairoPie diff:"}
	if !p.Metadata.Equal(&q.Metadata) {
		res = append(res, " * metadata mismatch.")
	}
	if !memoryEqual(p.Memory, q.Memory) {
		res = append(res, " * memory mismatch.")
	}
	if !jsonEqual(p.AdditionalData, q.AdditionalData) {
		res = append(res, " * additional_data mismatch:")
		a, _ := p.AdditionalData.(*Object)
		b, _ := q.AdditionalData.(*Object)
		keys := map[string]bool{}
		for _, o := range []*Object{a, b} {
			if o != nil {
				for _, k := range o.Keys {
					keys[k] = true
				}
			}
		}
		sorted := make([]string, 0, len(keys))
		for k := range keys {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		for _, k := range sorted {
			if !jsonEqual(objGet(a, k), objGet(b, k)) {
				res = append(res, fmt.Sprintf("   * %s mismatch.", k))
			}
		}
	}
	if !p.ExecutionResources.Equal(&q.ExecutionResources) {
		res = append(res, fmt.Sprintf(" * execution_resources mismatch: %s != %s.", p.ExecutionResources.String(), q.ExecutionResources.String()))
	}
	if !jsonEqual(p.Version, q.Version) {
		res = append(res, fmt.Sprintf(" * version mismatch: %s != %s.", pyReprJSON(p.Version), pyReprJSON(q.Version)))
	}
	return strings.Join(res, "\n")
}

func objGet(o *Object, k string) any {
	if o == nil {
		return nil
	}
	v, _ := o.Get(k)
	return v
}

// withoutPedersen is ignore_pedersen_data: pedersen_builtin set to None.
func withoutPedersen(v any) any {
	o, ok := v.(*Object)
	if !ok {
		return v
	}
	c := &Object{Keys: append([]string(nil), o.Keys...), Values: append([]any(nil), o.Values...)}
	c.Set("pedersen_builtin", nil)
	return c
}

func memoryEqual(a, b []Cell) bool {
	if len(a) != len(b) {
		return false
	}
	type key struct {
		p     memory.Ptr
		isInt bool
	}
	m := make(map[key]memory.Value, len(a))
	for _, c := range a {
		m[key{c.Addr, c.AddrIsInt}] = c.Value
	}
	for _, c := range b {
		v, ok := m[key{c.Addr, c.AddrIsInt}]
		if !ok || v != c.Value {
			return false
		}
	}
	return true
}

// Equal compares two stripped programs.
func (p *StrippedProgram) Equal(q *StrippedProgram) bool {
	if (p.Prime == nil) != (q.Prime == nil) || (p.Prime != nil && p.Prime.Cmp(q.Prime) != 0) ||
		p.Main != q.Main || len(p.Data) != len(q.Data) || len(p.Builtins) != len(q.Builtins) {
		return false
	}
	for i := range p.Data {
		if p.Data[i].Cmp(q.Data[i]) != 0 {
			return false
		}
	}
	for i := range p.Builtins {
		if p.Builtins[i] != q.Builtins[i] {
			return false
		}
	}
	return true
}

// Equal compares metadata as the dataclasses compare (builtin_segments as
// a dict).
func (m *Metadata) Equal(n *Metadata) bool {
	if !m.Program.Equal(&n.Program) || m.ProgramSegment != n.ProgramSegment || m.ExecutionSegment != n.ExecutionSegment ||
		m.RetFPSegment != n.RetFPSegment || m.RetPCSegment != n.RetPCSegment ||
		len(m.BuiltinSegments) != len(n.BuiltinSegments) || len(m.ExtraSegments) != len(n.ExtraSegments) {
		return false
	}
	bs := map[string]SegmentInfo{}
	for _, b := range m.BuiltinSegments {
		bs[b.Name] = b.SegmentInfo
	}
	for _, b := range n.BuiltinSegments {
		if s, ok := bs[b.Name]; !ok || s != b.SegmentInfo {
			return false
		}
	}
	for i := range m.ExtraSegments {
		if m.ExtraSegments[i] != n.ExtraSegments[i] {
			return false
		}
	}
	return true
}

// Equal compares execution resources (the counter as a dict).
func (r *ExecutionResources) Equal(s *ExecutionResources) bool {
	if r.NSteps != s.NSteps || r.NMemoryHoles != s.NMemoryHoles || len(r.BuiltinInstanceCounter) != len(s.BuiltinInstanceCounter) {
		return false
	}
	c := map[string]int64{}
	for _, b := range r.BuiltinInstanceCounter {
		c[b.Name] = b.Count
	}
	for _, b := range s.BuiltinInstanceCounter {
		if n, ok := c[b.Name]; !ok || n != b.Count {
			return false
		}
	}
	return true
}

// String is the dataclass repr cairo-lang prints in a diff.
func (r *ExecutionResources) String() string {
	parts := make([]string, len(r.BuiltinInstanceCounter))
	for i, b := range r.BuiltinInstanceCounter {
		parts[i] = fmt.Sprintf("%s: %d", pyRepr(b.Name), b.Count)
	}
	return fmt.Sprintf("ExecutionResourcesStone(builtin_instance_counter={%s}, n_memory_holes=%d, n_steps=%d)",
		strings.Join(parts, ", "), r.NMemoryHoles, r.NSteps)
}

// pyReprJSON is Python's repr of a decoded JSON value.
func pyReprJSON(v any) string {
	switch t := v.(type) {
	case nil:
		return "None"
	case bool:
		if t {
			return "True"
		}
		return "False"
	case string:
		return pyRepr(t)
	case []any:
		parts := make([]string, len(t))
		for i, x := range t {
			parts[i] = pyReprJSON(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case *Object:
		parts := make([]string, len(t.Keys))
		for i, k := range t.Keys {
			parts[i] = pyRepr(k) + ": " + pyReprJSON(t.Values[i])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case *big.Int:
		return t.String()
	}
	b, err := encodeJSON(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
