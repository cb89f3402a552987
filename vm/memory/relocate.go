package memory

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"math/bits"
	"slices"

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

// RecordSize is the size of one memory-file record: the address (8 bytes)
// and the value (32 bytes), little-endian.
const RecordSize = 8 + felt.Bytes

// AppendRecords appends the memory-file records of the set cells among
// cells, which are the cells of one segment from offset base on in the
// relocated address space: address base+i, then the canonical value, a
// pointer relocated to its address. It stops before the first pointer that
// does not relocate to a small address and returns its index (len(cells)
// when none); the caller handles that cell through Value, which gives the
// felt or the error, and goes on after it.
//
// The loop converts felts out of Montgomery form itself, inline: that
// conversion is most of the memory file's cost. It is one Montgomery
// reduction with R = 2^256, and the Stark prime is 1 + k*2^192
// (k = primeTop), so p^-1 = 1 - k*2^192 mod 2^256 and the reduction factor
// M = -a*p^-1 mod 2^256 is -a plus one 64-bit product in the top word;
// (a + M*p) / 2^256 then needs only the four independent products M*k,
// where a generic reduction takes sixteen in a dependent chain.
func (r *Relocation) AppendRecords(buf []byte, cells []Value, base uint64) ([]byte, int) {
	buf = slices.Grow(buf, len(cells)*RecordSize)
	for i := range cells {
		// Words, not Value methods: the methods' value receivers would
		// copy the cell.
		w := &cells[i].w
		kind := w[3] >> kindShift
		if kind == uint64(Unset) {
			continue
		}
		n := len(buf)
		buf = buf[:n+RecordSize]
		b := (*[RecordSize]byte)(buf[n:])
		binary.LittleEndian.PutUint64(b[0:], base+uint64(i))
		if kind != uint64(FeltKind) {
			seg := int(int64(w[1]))
			if uint(seg) >= uint(len(r.Bases)) || r.Bases[seg]+w[0] < w[0] {
				return buf[:n], i
			}
			binary.LittleEndian.PutUint64(b[8:], r.Bases[seg]+w[0])
			clear(b[16:])
			continue
		}
		a0, a1, a2, a3 := w[0], w[1], w[2], w[3]&^kindMask
		// M = -a + (a0*k mod 2^64) * 2^192, mod 2^256.
		m0, c := bits.Sub64(0, a0, 0)
		m1, c := bits.Sub64(0, a1, c)
		m2, c := bits.Sub64(0, a2, c)
		m3, _ := bits.Sub64(0, a3, c)
		m3 += a0 * primeTop
		// a + M: its low three words are zero (a + (-a) = 0 mod 2^192).
		_, c = bits.Add64(a0, m0, 0)
		_, c = bits.Add64(a1, m1, c)
		_, c = bits.Add64(a2, m2, c)
		s3, s4 := bits.Add64(a3, m3, c)
		// M*k, five words.
		h0, p0 := bits.Mul64(m0, primeTop)
		h1, l1 := bits.Mul64(m1, primeTop)
		h2, l2 := bits.Mul64(m2, primeTop)
		h3, l3 := bits.Mul64(m3, primeTop)
		p1, c := bits.Add64(h0, l1, 0)
		p2, c := bits.Add64(h1, l2, c)
		p3, c := bits.Add64(h2, l3, c)
		p4 := h3 + c
		// T = (a + M) + M*k*2^192 is divisible by 2^256: word 3 cancels,
		// and the result is words 4..7, at most p.
		_, c = bits.Add64(s3, p0, 0)
		r0, c := bits.Add64(s4, p1, c)
		r1, c := bits.Add64(p2, 0, c)
		r2, c := bits.Add64(p3, 0, c)
		r3 := p4 + c
		q0, c := bits.Sub64(r0, 1, 0)
		q1, c := bits.Sub64(r1, 0, c)
		q2, c := bits.Sub64(r2, 0, c)
		q3, c := bits.Sub64(r3, primeTop, c)
		keep := -c // all ones when r < p
		binary.LittleEndian.PutUint64(b[8:], r0&keep|q0&^keep)
		binary.LittleEndian.PutUint64(b[16:], r1&keep|q1&^keep)
		binary.LittleEndian.PutUint64(b[24:], r2&keep|q2&^keep)
		binary.LittleEndian.PutUint64(b[32:], r3&keep|q3&^keep)
	}
	return buf, len(cells)
}
