package memory

import (
	"fmt"

	"github.com/cairn-vm/cairn/felt"
)

// Kind says what a Value holds.
type Kind uint8

const (
	// Unset marks a memory cell that has not been written.
	Unset Kind = iota
	// FeltKind is a field element.
	FeltKind
	// PtrKind is a relocatable pointer.
	PtrKind
)

// Ptr is a relocatable address: an offset into a segment. Negative segment
// indices are temporary segments.
type Ptr struct {
	Segment int
	Offset  uint64
}

// String formats a pointer as cairo-lang does: "segment:offset".
func (p Ptr) String() string { return fmt.Sprintf("%d:%d", p.Segment, p.Offset) }

// Add returns p moved by d cells, or an error if the offset leaves [0, 2^64).
func (p Ptr) Add(d int64) (Ptr, error) {
	o := p.Offset + uint64(d)
	if (d < 0 && o > p.Offset) || (d > 0 && o < p.Offset) {
		return Ptr{}, &OffsetError{Base: p, Delta: felt.FromInt64(d)}
	}
	return Ptr{p.Segment, o}, nil
}

// AddUint returns p moved forward by n cells.
func (p Ptr) AddUint(n uint64) Ptr { return Ptr{p.Segment, p.Offset + n} }

// Less orders pointers by (segment, offset), as cairo-lang compares them.
func (p Ptr) Less(q Ptr) bool {
	if p.Segment != q.Segment {
		return p.Segment < q.Segment
	}
	return p.Offset < q.Offset
}

// Value is what a memory cell, a register or an operand holds: a felt or a
// pointer. The zero Value is Unset. For pointers the offset lives in the
// first word of f, which keeps a cell at 40 bytes.
type Value struct {
	f    felt.Felt
	seg  int32
	kind Kind
}

// FromFelt wraps a felt.
func FromFelt(f felt.Felt) Value { return Value{f: f, kind: FeltKind} }

// FromUint64 wraps a small integer.
func FromUint64(v uint64) Value { return FromFelt(felt.FromUint64(v)) }

// FromPtr wraps a pointer.
func FromPtr(p Ptr) Value {
	v := Value{seg: int32(p.Segment), kind: PtrKind}
	v.f[0] = p.Offset
	return v
}

// Kind reports what v holds.
func (v Value) Kind() Kind { return v.kind }

// IsSet reports whether v holds anything.
func (v Value) IsSet() bool { return v.kind != Unset }

// IsFelt reports whether v is a field element.
func (v Value) IsFelt() bool { return v.kind == FeltKind }

// IsPtr reports whether v is a pointer.
func (v Value) IsPtr() bool { return v.kind == PtrKind }

// Felt returns the field element; ok is false for pointers and unset values.
func (v Value) Felt() (f felt.Felt, ok bool) { return v.f, v.kind == FeltKind }

// MustFelt returns the felt of a value known to be one (zero otherwise).
func (v Value) MustFelt() felt.Felt {
	if v.kind != FeltKind {
		return felt.Felt{}
	}
	return v.f
}

// Ptr returns the pointer; ok is false for felts and unset values.
func (v Value) Ptr() (p Ptr, ok bool) {
	return Ptr{int(v.seg), v.f[0]}, v.kind == PtrKind
}

// Equal reports whether two values are the same felt or the same pointer.
func (v Value) Equal(w Value) bool { return v == w }

// String formats v as cairo-lang prints values in error messages: felts in
// decimal (canonical, 0..p-1), pointers as "segment:offset".
func (v Value) String() string {
	switch v.kind {
	case FeltKind:
		return v.f.String()
	case PtrKind:
		p, _ := v.Ptr()
		return p.String()
	}
	return "<unset>"
}

// Add returns v + w: felt + felt, or a pointer moved by a felt.
func Add(v, w Value) (Value, error) {
	switch {
	case v.kind == FeltKind && w.kind == FeltKind:
		return FromFelt(v.f.Add(w.f)), nil
	case v.kind == PtrKind && w.kind == FeltKind:
		return addPtrFelt(v, w.f)
	case v.kind == FeltKind && w.kind == PtrKind:
		return addPtrFelt(w, v.f)
	case v.kind == PtrKind && w.kind == PtrKind:
		return Value{}, fmt.Errorf("%w: %v + %v", ErrAddPointers, v, w)
	}
	return Value{}, ErrUnsetOperand
}

// addPtrFelt computes (offset + d) mod p, as cairo-lang does, and requires
// the result to be a representable offset.
func addPtrFelt(p Value, d felt.Felt) (Value, error) {
	if d.IsUint64() {
		o := p.f[0] + d.Uint64()
		if o >= p.f[0] {
			p.f[0] = o
			return p, nil
		}
	} else if neg := d.Neg(); neg.IsUint64() && neg.Uint64() <= p.f[0] {
		p.f[0] -= neg.Uint64()
		return p, nil
	}
	base, _ := p.Ptr()
	return Value{}, &OffsetError{Base: base, Delta: d}
}

// Sub returns v - w: felt - felt, pointer - felt, or the distance between
// two pointers of the same segment.
func Sub(v, w Value) (Value, error) {
	switch {
	case v.kind == FeltKind && w.kind == FeltKind:
		return FromFelt(v.f.Sub(w.f)), nil
	case v.kind == PtrKind && w.kind == FeltKind:
		return addPtrFelt(v, w.f.Neg())
	case v.kind == PtrKind && w.kind == PtrKind:
		if v.seg != w.seg {
			return Value{}, fmt.Errorf("%w (%d != %d)", ErrSubSegments, v.seg, w.seg)
		}
		d := felt.FromUint64(v.f[0]).Sub(felt.FromUint64(w.f[0]))
		return FromFelt(d), nil
	case v.kind == FeltKind && w.kind == PtrKind:
		return Value{}, fmt.Errorf("%w: %v - %v", ErrSubPointerFromFelt, v, w)
	}
	return Value{}, ErrUnsetOperand
}

// Mul returns v * w for felts; pointers cannot be multiplied.
func Mul(v, w Value) (Value, error) {
	if v.kind == FeltKind && w.kind == FeltKind {
		return FromFelt(v.f.Mul(w.f)), nil
	}
	if v.kind == Unset || w.kind == Unset {
		return Value{}, ErrUnsetOperand
	}
	return Value{}, &PureValueError{Op: "*", Values: []Value{v, w}}
}
