package memory

import (
	"fmt"
	"slices"
	"sort"

	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/internal/hugepage"
)

// farThreshold is how far past a segment's end a write may land and still
// grow the dense slice (or the slice's own length, if larger: so the dense
// part at most doubles per write, and a program cannot make the VM
// allocate far more than it writes); anything farther goes to the sparse
// map instead.
const farThreshold = 1 << 12

// Validator checks a value written to a segment (builtins install these).
type Validator func(m *Memory, addr Ptr, v Value) error

// Deducer computes the value of an unknown cell of a segment, if it can
// (builtins install these: a hash output from its inputs, for example).
type Deducer func(m *Memory, addr Ptr) (v Value, ok bool, err error)

type segment struct {
	cells []Value
	far   map[uint64]Value
	plain bool   // writable without checks: no validator, memory not frozen
	nset  uint64 // cells written, dense or far
}

func (s *segment) get(off uint64) Value {
	if off < uint64(len(s.cells)) {
		return s.cells[off]
	}
	if s.far != nil {
		return s.far[off]
	}
	return Value{}
}

// usedSize is one past the highest written offset.
func (s *segment) usedSize() uint64 {
	n := uint64(len(s.cells))
	for n > 0 && !s.cells[n-1].set() {
		n--
	}
	for off := range s.far {
		if off+1 > n {
			n = off + 1
		}
	}
	return n
}

// Memory is the VM's memory: write-once cells in segments.
type Memory struct {
	segs       []segment
	fast       []segment // segs while no relocation rule exists, else nil
	temps      []segment // temporary segment -(i+1) is temps[i]
	rules      map[int]Ptr
	validators [][]Validator
	deducers   [][]Deducer
	frozen     bool
}

// New returns an empty memory.
func New() *Memory { return &Memory{} }

// AddSegment adds a segment and returns its base pointer.
func (m *Memory) AddSegment() Ptr {
	i := len(m.segs)
	hooked := i < len(m.validators) && len(m.validators[i]) > 0
	m.segs = append(m.segs, segment{plain: !m.frozen && !hooked})
	if m.rules == nil {
		m.fast = m.segs
	}
	return Ptr{Segment: len(m.segs) - 1}
}

// AddTempSegment adds a temporary segment (negative index).
func (m *Memory) AddTempSegment() Ptr {
	m.temps = append(m.temps, segment{})
	return Ptr{Segment: -len(m.temps)}
}

// NumSegments is the number of real segments.
func (m *Memory) NumSegments() int { return len(m.segs) }

// NumTempSegments is the number of temporary segments.
func (m *Memory) NumTempSegments() int { return len(m.temps) }

func (m *Memory) seg(i int) *segment {
	if i >= 0 {
		if i < len(m.segs) {
			return &m.segs[i]
		}
		return nil
	}
	if j := -i - 1; j < len(m.temps) {
		return &m.temps[j]
	}
	return nil
}

// Reserve makes room for n cells in segment i without writing them.
func (m *Memory) Reserve(i int, n int) {
	if s := m.seg(i); s != nil && cap(s.cells) < n {
		c := make([]Value, len(s.cells), n)
		hugepage.Advise(c)
		copy(c, s.cells)
		s.cells = c
	}
}

// Get returns the value at addr (Unset if never written). Pointers into a
// temporary segment that has a relocation rule come back relocated. The
// common case (a dense cell of a real segment, no relocation rules) is
// small enough to inline into the step loop.
func (m *Memory) Get(addr Ptr) Value {
	if uint(addr.Segment) < uint(len(m.fast)) {
		if c := m.fast[addr.Segment].cells; addr.Offset < uint64(len(c)) {
			return c[addr.Offset]
		}
	}
	return m.getSlow(addr)
}

// Peek is Get's inlinable fast path for the step loop: ok is false when
// the caller must fall back to Get.
func (m *Memory) Peek(addr Ptr) (v Value, ok bool) {
	if uint(addr.Segment) < uint(len(m.fast)) {
		// Cells between len and cap are unset: far cells always lie
		// beyond the dense capacity.
		if c := m.fast[addr.Segment].cells; addr.Offset < uint64(cap(c)) {
			return c[:cap(c)][addr.Offset], true
		}
	}
	return v, false
}

// TrySet is Set's inlinable fast path for the step loop: it writes an
// unset dense cell of a segment without validation rules and reports
// whether it did; otherwise the caller must call Set.
func (m *Memory) TrySet(addr Ptr, v Value) bool {
	if uint(addr.Segment) < uint(len(m.segs)) {
		s := &m.segs[addr.Segment]
		if off := addr.Offset; s.plain && off < uint64(cap(s.cells)) {
			if off >= uint64(len(s.cells)) {
				s.cells = s.cells[:off+1]
			} else if s.cells[off].set() {
				return false
			}
			s.cells[off] = v
			s.nset++
			return true
		}
	}
	return false
}

func (m *Memory) getSlow(addr Ptr) Value {
	s := m.seg(addr.Segment)
	if s == nil {
		return Value{}
	}
	v := s.get(addr.Offset)
	if m.rules != nil && v.IsPtr() && v.ptrSeg() < 0 {
		return m.relocateValue(v)
	}
	return v
}

// Read returns the value at addr or an UnknownCellError.
func (m *Memory) Read(addr Ptr) (Value, error) {
	v := m.Get(addr)
	if !v.IsSet() {
		return v, &UnknownCellError{Addr: addr}
	}
	return v, nil
}

// ReadFelt returns the felt at addr, or an error if it is unset or a pointer.
func (m *Memory) ReadFelt(addr Ptr) (felt.Felt, error) {
	v, err := m.Read(addr)
	if err != nil {
		return felt.Felt{}, err
	}
	f, ok := v.Felt()
	if !ok {
		return felt.Felt{}, fmt.Errorf("expected a felt at %v, found the pointer %v", addr, v)
	}
	return f, nil
}

// Set writes v at addr. Writing the value a cell already holds is allowed;
// writing a different one is an InconsistentWriteError. The segment's
// validation rules run on the new value.
func (m *Memory) Set(addr Ptr, v Value) error {
	// Fast path: a real segment without validation rules, writing an unset
	// cell inside the dense slice or just past its end.
	if i := addr.Segment; uint(i) < uint(len(m.segs)) && !m.frozen && (i >= len(m.validators) || m.validators[i] == nil) {
		s := &m.segs[i]
		off, n := addr.Offset, uint64(len(s.cells))
		if off < n && !s.cells[off].set() {
			s.cells[off] = v
			s.nset++
			return nil
		}
		if off == n && n < uint64(cap(s.cells)) && s.far == nil {
			s.cells = s.cells[:n+1]
			s.cells[n] = v
			s.nset++
			return nil
		}
	}
	return m.setSlow(addr, v)
}

func (m *Memory) setSlow(addr Ptr, v Value) error {
	if m.frozen {
		return ErrFrozen
	}
	s := m.seg(addr.Segment)
	if s == nil {
		return fmt.Errorf("%w %d (address %v)", ErrUnknownSegment, addr.Segment, addr)
	}
	off := addr.Offset
	n := uint64(len(s.cells))
	switch {
	case off < n:
		old := s.cells[off]
		if old.IsSet() {
			if old != v {
				return &InconsistentWriteError{Addr: addr, Old: old, New: v}
			}
			return nil
		}
		s.cells[off] = v
		s.nset++
	case off-n < farThreshold || off < 2*s.nset+farThreshold:
		// Dense growth stays within a constant factor of what was written.
		s.nset++
		if off == n && n < uint64(cap(s.cells)) {
			s.cells = s.cells[:n+1]
			s.cells[n] = v
		} else {
			need := off + 1
			if uint64(cap(s.cells)) >= need {
				s.cells = s.cells[:need]
			} else {
				// Double, rather than append's 1.25x, so that a segment
				// that grows a cell at a time is copied O(1) times a cell.
				// Large segments grow 4x: each growth copies the whole
				// segment, and untouched capacity costs no resident memory.
				grow := 2 * need
				if need > 1<<16 {
					grow = 4 * need
				}
				c := make([]Value, need, max(grow, 16))
				hugepage.Advise(c) // filled from the front from now on
				copy(c, s.cells)
				s.cells = c
				// Keep far cells beyond the dense capacity, so that the
				// fast path (TrySet) never shadows one.
				for o, fv := range s.far {
					if o < uint64(cap(c)) {
						if o >= uint64(len(s.cells)) {
							s.cells = s.cells[:o+1]
						}
						s.cells[o] = fv
						delete(s.far, o)
					}
				}
			}
			s.cells[off] = v
		}
		if s.far != nil {
			if old, ok := s.far[off]; ok {
				delete(s.far, off)
				s.nset-- // counted when it went to the far map
				if old != v {
					s.cells[off] = old
					return &InconsistentWriteError{Addr: addr, Old: old, New: v}
				}
			}
		}
	default:
		if s.far == nil {
			s.far = map[uint64]Value{}
		}
		if old, ok := s.far[off]; ok {
			if old != v {
				return &InconsistentWriteError{Addr: addr, Old: old, New: v}
			}
			return nil
		}
		s.far[off] = v
		s.nset++
	}
	if addr.Segment >= 0 && addr.Segment < len(m.validators) {
		for _, rule := range m.validators[addr.Segment] {
			if err := rule(m, addr, v); err != nil {
				return &ValidationError{Addr: addr, Err: err}
			}
		}
	}
	return nil
}

// AddValidator installs a validation rule for a segment.
func (m *Memory) AddValidator(segment int, rule Validator) {
	for len(m.validators) <= segment {
		m.validators = append(m.validators, nil)
	}
	m.validators[segment] = append(m.validators[segment], rule)
	if segment >= 0 && segment < len(m.segs) {
		m.segs[segment].plain = false
	}
}

// ValidateExisting runs the validation rules over cells already written
// (cairo-lang's validate_existing_memory).
func (m *Memory) ValidateExisting() error {
	for i, rules := range m.validators {
		if len(rules) == 0 || i >= len(m.segs) {
			continue
		}
		var err error
		m.eachCell(i, func(off uint64, v Value) bool {
			for _, rule := range rules {
				if e := rule(m, Ptr{i, off}, v); e != nil {
					err = &ValidationError{Addr: Ptr{i, off}, Err: e}
					return false
				}
			}
			return true
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// AddDeducer installs an auto-deduction rule for a segment.
func (m *Memory) AddDeducer(segment int, rule Deducer) {
	for len(m.deducers) <= segment {
		m.deducers = append(m.deducers, nil)
	}
	m.deducers[segment] = append(m.deducers[segment], rule)
}

// HasDeducers reports whether any segment has auto-deduction rules.
func (m *Memory) HasDeducers() bool { return len(m.deducers) > 0 }

// Deduce tries the segment's auto-deduction rules for an unknown cell and
// writes the deduced value. ok is false when no rule applies.
func (m *Memory) Deduce(addr Ptr) (Value, bool, error) {
	if addr.Segment < 0 || addr.Segment >= len(m.deducers) {
		return Value{}, false, nil
	}
	for _, rule := range m.deducers[addr.Segment] {
		v, ok, err := rule(m, addr)
		if err != nil {
			return Value{}, false, err
		}
		if ok {
			if err := m.Set(addr, v); err != nil {
				return Value{}, false, err
			}
			return v, true, nil
		}
	}
	return Value{}, false, nil
}

// eachCell calls f for every written cell of segment i in ascending offset
// order, stopping when f returns false.
func (m *Memory) eachCell(i int, f func(off uint64, v Value) bool) {
	s := m.seg(i)
	if s == nil {
		return
	}
	for off := range s.cells {
		if s.cells[off].set() && !f(uint64(off), s.cells[off]) {
			return
		}
	}
	if len(s.far) > 0 {
		offs := make([]uint64, 0, len(s.far))
		for off := range s.far {
			offs = append(offs, off)
		}
		sort.Slice(offs, func(a, b int) bool { return offs[a] < offs[b] })
		for _, off := range offs {
			if !f(off, s.far[off]) {
				return
			}
		}
	}
}

// EachCell calls f for every written cell of segment i in offset order.
func (m *Memory) EachCell(i int, f func(off uint64, v Value) bool) { m.eachCell(i, f) }

// DenseLen is the length of the dense part of segment i.
func (m *Memory) DenseLen(i int) uint64 {
	if s := m.seg(i); s != nil {
		return uint64(len(s.cells))
	}
	return 0
}

// UsedSize is one past the highest written offset of segment i.
func (m *Memory) UsedSize(i int) uint64 {
	s := m.seg(i)
	if s == nil {
		return 0
	}
	return s.usedSize()
}

// CountCells is the number of written cells in all segments (cairo-run's
// "Used memory cells").
func (m *Memory) CountCells() int {
	n := 0
	count := func(s *segment) {
		for i := range s.cells {
			if s.cells[i].set() {
				n++
			}
		}
		n += len(s.far)
	}
	for i := range m.segs {
		count(&m.segs[i])
	}
	for i := range m.temps {
		count(&m.temps[i])
	}
	return n
}

// Freeze forbids further writes.
func (m *Memory) Freeze() {
	m.frozen = true
	for i := range m.segs {
		m.segs[i].plain = false
	}
}

// Frozen reports whether the memory is frozen.
func (m *Memory) Frozen() bool { return m.frozen }

// HasDeducer reports whether segment i has auto-deduction rules (the step
// loop's fast path must then leave unknown cells of it to Deduce).
func (m *Memory) HasDeducer(i int) bool {
	return uint(i) < uint(len(m.deducers)) && len(m.deducers[i]) > 0
}

// DenseCells returns the dense part of segment i, unset cells included,
// for code that scans whole segments (the memory file's encoder). Callers
// must not modify it.
func (m *Memory) DenseCells(i int) []Value {
	if s := m.seg(i); s != nil {
		return s.cells
	}
	return nil
}

// SetCells returns the dense cells of segment i when every one of them
// is set and the segment has no far cells (ok false otherwise). Memory is
// write-once, so these cells keep their values (until RelocateTemporary
// rewrites pointers into temporary segments): another goroutine may read
// the returned slice while the run writes past its end. The count of
// written cells makes the check O(1): it equals the dense length only
// when no dense cell is a hole.
func (m *Memory) SetCells(i int) (cells []Value, ok bool) {
	s := m.seg(i)
	if s == nil || len(s.far) > 0 || s.nset != uint64(len(s.cells)) {
		return nil, false
	}
	return s.cells[:len(s.cells):len(s.cells)], true
}

// FarOffsets returns, in ascending order, the offsets of segment i's
// cells that lie beyond its dense part.
func (m *Memory) FarOffsets(i int) []uint64 {
	s := m.seg(i)
	if s == nil || len(s.far) == 0 {
		return nil
	}
	offs := make([]uint64, 0, len(s.far))
	for off := range s.far {
		offs = append(offs, off)
	}
	slices.Sort(offs)
	return offs
}

// HasFarCells reports whether segment i has cells beyond its dense part.
func (m *Memory) HasFarCells(i int) bool {
	s := m.seg(i)
	return s != nil && len(s.far) > 0
}

// FirstSetFrom returns the lowest written offset of segment i that is at
// least from.
func (m *Memory) FirstSetFrom(i int, from uint64) (uint64, bool) {
	s := m.seg(i)
	if s == nil {
		return 0, false
	}
	for off := from; off < uint64(len(s.cells)); off++ {
		if s.cells[off].set() {
			return off, true
		}
	}
	best, found := uint64(0), false
	for off := range s.far {
		if off >= from && (!found || off < best) {
			best, found = off, true
		}
	}
	return best, found
}

// FirstPointerOutside returns the lowest offset of segment i that holds a
// pointer into a segment outside [0, n) (cairo-lang's secure-run check of
// memory values), in one pass over the cells rather than a callback each.
func (m *Memory) FirstPointerOutside(i int, n int) (uint64, bool) {
	s := m.seg(i)
	if s == nil {
		return 0, false
	}
	for off := range s.cells {
		if v := &s.cells[off]; KindAt(v) == PtrKind && uint(v.ptrSeg()) >= uint(n) {
			return uint64(off), true
		}
	}
	best, found := uint64(0), false
	for off, v := range s.far {
		if v.IsPtr() && uint(v.ptrSeg()) >= uint(n) && (!found || off < best) {
			best, found = off, true
		}
	}
	return best, found
}

// Cell returns a pointer to the dense cell at addr, set or not, for the
// step loop's reads (a 32-byte value is cheaper to test in place than to
// copy), or nil when the caller must use Get. Callers must not write
// through it; Claim gives a cell to write.
func (m *Memory) Cell(addr Ptr) *Value {
	if uint(addr.Segment) < uint(len(m.fast)) {
		// Cells between len and cap are unset: far cells always lie
		// beyond the dense capacity.
		if c := m.fast[addr.Segment].cells; addr.Offset < uint64(cap(c)) {
			return &c[:cap(c)][addr.Offset]
		}
	}
	return nil
}

// Claim is TrySet for a value the caller computes in place: it returns
// the unset dense cell at addr of a segment without validation rules,
// counted as written, or nil when the caller must call Set. The caller
// must store a set value into it before anything else reads memory.
func (m *Memory) Claim(addr Ptr) *Value {
	if uint(addr.Segment) < uint(len(m.segs)) {
		s := &m.segs[addr.Segment]
		if off := addr.Offset; s.plain && off < uint64(cap(s.cells)) {
			if off >= uint64(len(s.cells)) {
				s.cells = s.cells[:off+1]
			} else if s.cells[off].set() {
				return nil
			}
			s.nset++
			return &s.cells[off]
		}
	}
	return nil
}
