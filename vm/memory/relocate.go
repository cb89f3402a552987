package memory

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/cairn-vm/cairn/felt"
)

// AddRelocationRule says that temporary segment src (offset 0) will be
// moved to dst; reads of pointers into src come back relocated from now on.
func (m *Memory) AddRelocationRule(src, dst Ptr) error {
	if src.Segment >= 0 {
		return fmt.Errorf("src_ptr.segment_index must be < 0, src_ptr=%v", src)
	}
	if src.Offset != 0 {
		return fmt.Errorf("src_ptr.offset must be 0, src_ptr=%v", src)
	}
	if m.rules == nil {
		m.rules = map[int]Ptr{}
	}
	if _, ok := m.rules[src.Segment]; ok {
		return fmt.Errorf("the segment with index %d already has a relocation rule", src.Segment)
	}
	m.rules[src.Segment] = dst
	m.fast = nil
	return nil
}

// relocateValue applies the relocation rules to a pointer value (chains of
// rules are followed, as in cairo-lang).
func (m *Memory) relocateValue(v Value) Value {
	for depth := 0; v.IsPtr() && v.ptrSeg() < 0 && depth <= len(m.rules); depth++ {
		dst, ok := m.rules[v.ptrSeg()]
		if !ok {
			return v
		}
		off := v.w[0]
		v = FromPtr(Ptr{dst.Segment, dst.Offset + off})
	}
	return v
}

// RelocatePtr applies the relocation rules to an address.
func (m *Memory) RelocatePtr(p Ptr) Ptr {
	if m.rules == nil || p.Segment >= 0 {
		return p
	}
	q, _ := m.relocateValue(FromPtr(p)).Ptr()
	return q
}

// RelocateTemporary moves the cells of temporary segments that have rules
// into their destinations and rewrites pointers (cairo-lang's
// relocate_memory, run at the end of a run). Inconsistent merges are errors.
func (m *Memory) RelocateTemporary() error {
	if len(m.rules) == 0 {
		return nil
	}
	// Rewrite values in real segments first.
	for i := range m.segs {
		s := &m.segs[i]
		for j, v := range s.cells {
			if v.IsPtr() && v.ptrSeg() < 0 {
				s.cells[j] = m.relocateValue(v)
			}
		}
		for off, v := range s.far {
			if v.IsPtr() && v.ptrSeg() < 0 {
				s.far[off] = m.relocateValue(v)
			}
		}
	}
	rules := m.rules
	m.rules = nil
	for ti := range m.temps {
		idx := -(ti + 1)
		if _, ok := rules[idx]; !ok {
			continue
		}
		var moveErr error
		m.rules = rules
		cells := m.temps[ti]
		m.temps[ti] = segment{}
		move := func(off uint64, v Value) {
			if moveErr != nil {
				return
			}
			dst := m.RelocatePtr(Ptr{idx, off})
			v = m.relocateValue(v)
			if dst.Segment < 0 {
				moveErr = fmt.Errorf("relocation of %v leads to temporary segment %d", Ptr{idx, off}, dst.Segment)
				return
			}
			saved := m.rules
			m.rules = nil
			if err := m.Set(dst, v); err != nil {
				moveErr = err
			}
			m.rules = saved
		}
		for off, v := range cells.cells {
			if v.IsSet() {
				move(uint64(off), v)
			}
		}
		for off, v := range cells.far {
			move(off, v)
		}
		m.rules = nil
		if moveErr != nil {
			return moveErr
		}
	}
	m.fast = m.segs
	return nil
}

// ErrTempSegmentLeft is returned by Relocate when a temporary segment still
// holds cells.
var ErrTempSegmentLeft = errors.New("temporary segment was not relocated")

// Relocation is the layout of all segments in one address space.
type Relocation struct {
	Bases []uint64 // address of offset 0 of each real segment
	Sizes []uint64 // size of each segment in the relocated space
	End   uint64   // first address after the last segment
}

// Relocate lays segments out consecutively from address 1. sizes overrides
// the used size of a segment where it has an entry (finalized segments).
func (m *Memory) Relocate(sizes map[int]uint64) (*Relocation, error) {
	for ti := range m.temps {
		if len(m.temps[ti].cells) > 0 || len(m.temps[ti].far) > 0 {
			return nil, fmt.Errorf("%w: %d", ErrTempSegmentLeft, -(ti + 1))
		}
	}
	r := &Relocation{Bases: make([]uint64, len(m.segs)), Sizes: make([]uint64, len(m.segs))}
	addr := uint64(1)
	for i := range m.segs {
		used := m.segs[i].usedSize()
		size := used
		if s, ok := sizes[i]; ok {
			if s < used {
				return nil, fmt.Errorf("Segment %d exceeded its allocated size.", i)
			}
			size = s
		}
		r.Bases[i] = addr
		r.Sizes[i] = size
		addr += size
	}
	r.End = addr
	return r, nil
}

// Ptr relocates a pointer to its address.
func (r *Relocation) Ptr(p Ptr) (uint64, error) {
	if p.Segment < 0 || p.Segment >= len(r.Bases) {
		return 0, fmt.Errorf("Failed to relocate %v: unknown segment", p)
	}
	return r.Bases[p.Segment] + p.Offset, nil
}

// Value relocates a value to a felt.
func (r *Relocation) Value(v Value) (felt.Felt, error) {
	if f, ok := v.Felt(); ok {
		return f, nil
	}
	p, ok := v.Ptr()
	if !ok {
		return felt.Felt{}, ErrUnsetOperand
	}
	a, err := r.Ptr(p)
	if err != nil {
		return felt.Felt{}, err
	}
	if r.Bases[p.Segment] > a { // wrapped around 2^64
		return felt.FromBigInt(new(big.Int).Add(new(big.Int).SetUint64(r.Bases[p.Segment]), new(big.Int).SetUint64(p.Offset))), nil
	}
	return felt.FromUint64(a), nil
}

// Cell is one relocated memory cell.
type Cell struct {
	Addr  uint64
	Value felt.Felt
}

// Relocated returns every written cell as (address, felt), in ascending
// address order.
func (m *Memory) Relocated(r *Relocation) ([]Cell, error) {
	out := make([]Cell, 0, m.CountCells())
	var err error
	for i := range m.segs {
		m.eachCell(i, func(off uint64, v Value) bool {
			var f felt.Felt
			f, err = r.Value(v)
			if err != nil {
				return false
			}
			out = append(out, Cell{Addr: r.Bases[i] + off, Value: f})
			return true
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
