package pie

import (
	"fmt"
	"math/big"
	"slices"
	"sort"
)

// Validate runs cairo-lang's CairoPie.run_validity_checks, in its order,
// and returns the first failure as a *ValidityError with cairo-lang's
// message.
func (p *PIE) Validate() error {
	if err := p.Metadata.validate(); err != nil {
		return err
	}
	if err := p.ExecutionResources.validate(); err != nil {
		return err
	}
	sizes := p.Metadata.SegmentSizes()
	for _, c := range p.Memory {
		if size, ok := sizes[int64(c.Addr.Segment)]; c.AddrIsInt || !ok || c.Addr.Offset >= uint64(max(size, 0)) {
			return &ValidityError{"Invalid memory cell address."}
		}
		if q, ok := c.Value.Ptr(); ok {
			if _, ok := sizes[int64(q.Segment)]; !ok {
				return &ValidityError{"Invalid memory cell value."}
			}
		}
	}
	want := make([]string, len(p.Metadata.Program.Builtins))
	for i, b := range p.Metadata.Program.Builtins {
		want[i] = b + "_builtin"
	}
	got := make([]string, len(p.ExecutionResources.BuiltinInstanceCounter))
	for i, b := range p.ExecutionResources.BuiltinInstanceCounter {
		got[i] = b.Name
	}
	sort.Strings(want)
	sort.Strings(got)
	if !slices.Equal(want, got) {
		return &ValidityError{"Builtin list mismatch in execution_resources."}
	}
	ad, ok := p.AdditionalData.(*Object)
	if !ok {
		return &ValidityError{"Invalid additional_data."}
	}
	for _, k := range ad.Keys {
		if len([]rune(k)) >= 1000 {
			return &ValidityError{"Invalid additional_data."}
		}
	}
	return nil
}

var two63 = new(big.Int).Lsh(big.NewInt(1), 63)

func (p *StrippedProgram) validate() error {
	if p.Prime == nil || p.Prime.Cmp(two63) <= 0 {
		return &ValidityError{"Invalid prime."}
	}
	for _, x := range p.Data {
		if x.Sign() < 0 || x.Cmp(p.Prime) >= 0 {
			return &ValidityError{"Invalid program data."}
		}
	}
	seen := map[string]bool{}
	for _, b := range p.Builtins {
		if !isValidName(b, 1000) || seen[b] {
			return &ValidityError{"Invalid builtin list."}
		}
		seen[b] = true
	}
	if p.Main < 0 || p.Main >= int64(len(p.Data)) {
		return &ValidityError{"Invalid main() address."}
	}
	return nil
}

func (s SegmentInfo) validate() error {
	if s.Index < 0 || s.Index >= maxIndex {
		return &ValidityError{"Invalid segment index."}
	}
	if s.Size < 0 || s.Size >= maxIndex {
		return &ValidityError{"Invalid segment size."}
	}
	return nil
}

func (m *Metadata) validate() error {
	if err := m.Program.validate(); err != nil {
		return err
	}
	for _, b := range m.BuiltinSegments {
		if !isValidName(b.Name, 1000) {
			return &ValidityError{"Invalid builtin_segments."}
		}
	}
	for _, s := range m.AllSegments() {
		if err := s.validate(); err != nil {
			return err
		}
	}
	if m.ProgramSegment.Size != int64(len(m.Program.Data)) {
		return &ValidityError{"Program length does not match the program segment size."}
	}
	keys := make([]string, len(m.BuiltinSegments))
	for i, b := range m.BuiltinSegments {
		keys[i] = b.Name
	}
	if pyStrList(m.Program.Builtins) != pyStrList(keys) {
		return &ValidityError{fmt.Sprintf("Builtin list mismatch in builtin_segments. Builtins: %s, segment keys: %s.",
			pyStrList(m.Program.Builtins), pyStrList(keys))}
	}
	if m.RetFPSegment.Size != 0 {
		return &ValidityError{"Invalid segment size for ret_fp. Must be 0."}
	}
	if m.RetPCSegment.Size != 0 {
		return &ValidityError{"Invalid segment size for ret_pc. Must be 0."}
	}
	return m.validateOrder()
}

// validateOrder is validate_segment_order.
func (m *Metadata) validateOrder() error {
	if m.ProgramSegment.Index != 0 {
		return &ValidityError{"Invalid segment index for program_segment."}
	}
	if m.ExecutionSegment.Index != 1 {
		return &ValidityError{"Invalid segment index for execution_segment."}
	}
	for i, b := range m.BuiltinSegments {
		if b.Index != int64(i+2) {
			return &ValidityError{fmt.Sprintf("Invalid segment index for %s.", b.Name)}
		}
	}
	n := int64(len(m.BuiltinSegments))
	if m.RetFPSegment.Index != n+2 {
		return &ValidityError{fmt.Sprintf("Invalid segment index for ret_fp_segment. %d", m.RetFPSegment.Index)}
	}
	if m.RetPCSegment.Index != n+3 {
		return &ValidityError{"Invalid segment index for ret_pc_segment."}
	}
	for i, s := range m.ExtraSegments {
		if s.Index != n+4+int64(i) {
			return &ValidityError{"Invalid segment indices for extra_segments."}
		}
	}
	return nil
}

func (r *ExecutionResources) validate() error {
	for _, b := range r.BuiltinInstanceCounter {
		if !isValidName(b.Name, 1000) || b.Count < 0 || b.Count >= maxIndex {
			return &ValidityError{"Invalid builtin_instance_counter."}
		}
	}
	if r.NMemoryHoles < 0 || r.NMemoryHoles >= maxIndex {
		return &ValidityError{fmt.Sprintf("Invalid n_memory_holes: %d.", r.NMemoryHoles)}
	}
	if r.NSteps < 1 || r.NSteps >= MaxNSteps {
		return &ValidityError{fmt.Sprintf("Invalid n_steps: %d.", r.NSteps)}
	}
	return nil
}
