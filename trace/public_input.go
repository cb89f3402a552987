package trace

import (
	"encoding/json"
	"io"
)

// SegmentAddresses is a segment's begin address and stop pointer.
type SegmentAddresses struct {
	BeginAddr uint64 `json:"begin_addr"`
	StopPtr   uint64 `json:"stop_ptr"`
}

// PublicMemoryEntry is one public cell: address, value (0x-hex) and page.
type PublicMemoryEntry struct {
	Address uint64 `json:"address"`
	Value   string `json:"value"`
	Page    int    `json:"page"`
}

// PublicInput is air_public_input.json, as cairo-run writes it and Stone
// reads it.
type PublicInput struct {
	Layout         string              `json:"layout"`
	RcMin          uint64              `json:"rc_min"`
	RcMax          uint64              `json:"rc_max"`
	NSteps         uint64              `json:"n_steps"`
	MemorySegments OrderedSegments     `json:"memory_segments"`
	PublicMemory   []PublicMemoryEntry `json:"public_memory"`
	DynamicParams  map[string]uint64   `json:"dynamic_params"`
}

// NamedSegment is one entry of memory_segments.
type NamedSegment struct {
	Name string
	SegmentAddresses
}

// OrderedSegments keeps memory_segments in cairo-run's order (program,
// execution, then the builtins in layout order).
type OrderedSegments []NamedSegment

// MarshalJSON writes the segments as an object in order.
func (o OrderedSegments) MarshalJSON() ([]byte, error) {
	buf := []byte{'{'}
	for i, s := range o {
		if i > 0 {
			buf = append(buf, ',')
		}
		k, _ := json.Marshal(s.Name)
		v, _ := json.Marshal(s.SegmentAddresses)
		buf = append(append(append(buf, k...), ':'), v...)
	}
	return append(buf, '}'), nil
}

// UnmarshalJSON reads memory_segments (order as in the file).
func (o *OrderedSegments) UnmarshalJSON(b []byte) error {
	var m map[string]SegmentAddresses
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	dec := json.NewDecoder(bytesReader(b))
	if _, err := dec.Token(); err != nil {
		return err
	}
	*o = nil
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		name, _ := t.(string)
		var sa SegmentAddresses
		if err := dec.Decode(&sa); err != nil {
			return err
		}
		*o = append(*o, NamedSegment{Name: name, SegmentAddresses: sa})
	}
	return nil
}

// Get returns the named segment.
func (o OrderedSegments) Get(name string) (SegmentAddresses, bool) {
	for _, s := range o {
		if s.Name == name {
			return s.SegmentAddresses, true
		}
	}
	return SegmentAddresses{}, false
}

// WriteJSON writes v indented by four spaces, as cairo-run does, with a
// final newline.
func WriteJSON(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "    ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
