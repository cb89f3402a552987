package pie

import (
	"archive/zip"
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/cairn-vm/cairn/vm/memory"
)

// WriteFile writes the PIE zip to a file (CairoPie.to_file).
func (p *PIE) WriteFile(name string, mergeExtraSegments bool) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	if err := p.Write(bw, mergeExtraSegments); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// zipTime is the timestamp zipfile gives an entry opened by name.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Write writes the PIE as cairo-lang's CairoPie.to_file does: the five
// entries, deflated, in cairo-lang's order, the JSON files as json.dumps
// writes them. With mergeExtraSegments the extra segments become one
// segment (merge_extra_segments), and memory.bin is relocated to match.
func (p *PIE) Write(w io.Writer, mergeExtraSegments bool) error {
	md := p.Metadata
	var offsets map[int]memory.Ptr
	if mergeExtraSegments && len(md.ExtraSegments) > 0 {
		var merged SegmentInfo
		merged, offsets = p.MergeExtraSegments()
		md.ExtraSegments = []SegmentInfo{merged}
	}
	zw := zip.NewWriter(w)
	entry := func(name string, write func(io.Writer) error) error {
		h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipTime}
		h.SetMode(0o600)
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		return write(fw)
	}
	jsonEntry := func(name string, v any) error {
		b, err := encodeJSON(v)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return entry(name, func(w io.Writer) error { _, err := w.Write(b); return err })
	}
	if err := jsonEntry(MetadataFile, md.toJSON()); err != nil {
		return err
	}
	if err := entry(MemoryFile, func(w io.Writer) error { return p.writeMemory(w, offsets) }); err != nil {
		return err
	}
	if err := jsonEntry(AdditionalDataFile, p.AdditionalData); err != nil {
		return err
	}
	if err := jsonEntry(ExecutionResourcesFile, p.ExecutionResources.toJSON()); err != nil {
		return err
	}
	version := p.Version
	if version == nil {
		version = NewVersion()
	}
	if err := jsonEntry(VersionFile, version); err != nil {
		return err
	}
	return zw.Close()
}

// MergeExtraSegments is CairoPie.merge_extra_segments: the extra segments
// laid end to end in one segment with the first one's index, and where
// each old segment starts in it.
func (p *PIE) MergeExtraSegments() (SegmentInfo, map[int]memory.Ptr) {
	extra := p.Metadata.ExtraSegments
	idx := extra[0].Index
	offsets := map[int]memory.Ptr{}
	var acc int64
	for _, s := range extra {
		offsets[int(s.Index)] = memory.Ptr{Segment: int(idx), Offset: uint64(acc)}
		acc += s.Size
	}
	return SegmentInfo{Index: idx, Size: acc}, offsets
}

func (p *PIE) writeMemory(w io.Writer, offsets map[int]memory.Ptr) error {
	reloc := func(q memory.Ptr) memory.Ptr {
		if o, ok := offsets[q.Segment]; ok {
			return memory.Ptr{Segment: o.Segment, Offset: o.Offset + q.Offset}
		}
		return q
	}
	var buf [AddrBytes + FieldBytes]byte
	for _, c := range p.Memory {
		clear(buf[:])
		if c.AddrIsInt {
			if c.Addr.Offset>>63 != 0 {
				return fmt.Errorf("memory address %d does not fit in %d bytes", c.Addr.Offset, AddrBytes)
			}
			binary.LittleEndian.PutUint64(buf[:], c.Addr.Offset)
		} else {
			a, err := encodePtr(reloc(c.Addr))
			if err != nil {
				return err
			}
			binary.LittleEndian.PutUint64(buf[:], a|1<<63)
		}
		v := buf[AddrBytes:]
		if q, ok := c.Value.Ptr(); ok {
			x, err := encodePtr(reloc(q))
			if err != nil {
				return err
			}
			binary.LittleEndian.PutUint64(v, x)
			v[FieldBytes-1] |= 0x80
		} else if f, ok := c.Value.Felt(); ok {
			b := f.BytesLE()
			copy(v, b[:])
		} else {
			return fmt.Errorf("memory cell %v has no value", c.Addr)
		}
		if _, err := w.Write(buf[:]); err != nil {
			return err
		}
	}
	return nil
}

// encodePtr is segment<<47 | offset, without the relocatable bit.
func encodePtr(q memory.Ptr) (uint64, error) {
	if q.Segment < 0 || q.Segment >= 1<<segBits || q.Offset >= 1<<offsetBits {
		return 0, fmt.Errorf("relocatable value %v does not fit in a PIE's memory encoding", q)
	}
	return uint64(q.Segment)<<offsetBits | q.Offset, nil
}

func (s SegmentInfo) toJSON() *Object {
	return &Object{Keys: []string{"index", "size"}, Values: []any{s.Index, s.Size}}
}

func (m *Metadata) toJSON() *Object {
	data := make([]any, len(m.Program.Data))
	for i, x := range m.Program.Data {
		data[i] = x
	}
	builtins := make([]any, len(m.Program.Builtins))
	for i, b := range m.Program.Builtins {
		builtins[i] = b
	}
	prog := &Object{Keys: []string{"prime", "data", "builtins", "main"},
		Values: []any{m.Program.Prime, data, builtins, m.Program.Main}}
	bs := &Object{}
	for _, b := range m.BuiltinSegments {
		bs.Set(b.Name, b.SegmentInfo.toJSON())
	}
	extra := make([]any, len(m.ExtraSegments))
	for i, s := range m.ExtraSegments {
		extra[i] = s.toJSON()
	}
	return &Object{
		Keys: []string{"program", "program_segment", "execution_segment", "ret_fp_segment", "ret_pc_segment", "builtin_segments", "extra_segments"},
		Values: []any{prog, m.ProgramSegment.toJSON(), m.ExecutionSegment.toJSON(), m.RetFPSegment.toJSON(),
			m.RetPCSegment.toJSON(), bs, extra},
	}
}

func (r *ExecutionResources) toJSON() *Object {
	counter := &Object{}
	for _, b := range r.BuiltinInstanceCounter {
		counter.Set(b.Name, b.Count)
	}
	return &Object{Keys: []string{"builtin_instance_counter", "n_memory_holes", "n_steps"},
		Values: []any{counter, r.NMemoryHoles, r.NSteps}}
}
