package memory

import (
	"fmt"
	"math"
	"math/bits"

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

// PureSegment marks a Ptr that is really a plain integer address: what pc
// becomes after an absolute jump to a felt, as in cairo-lang, where such a
// pc fails at the next step with an unknown memory cell.
const PureSegment = math.MinInt32

// String formats a pointer as cairo-lang does: "segment:offset".
func (p Ptr) String() string {
	if p.Segment == PureSegment {
		return fmt.Sprint(p.Offset)
	}
	return fmt.Sprintf("%d:%d", p.Segment, p.Offset)
}

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
// pointer. The zero Value is Unset.
//
// A Value is 32 bytes: a felt's Montgomery words are below p < 2^252, so
// the top two bits of the last word are free to hold the kind. A pointer
// keeps its offset in word 0 and its segment in word 1. Keeping cells at
// 32 bytes keeps the step loop's copies and the memory footprint small.
type Value struct{ w [4]uint64 }

const (
	kindShift = 62
	kindMask  = uint64(3) << kindShift
)

// FromFelt wraps a felt.
func FromFelt(f felt.Felt) Value {
	v := Value{w: [4]uint64(f)}
	v.w[3] |= uint64(FeltKind) << kindShift
	return v
}

// FromUint64 wraps a small integer.
func FromUint64(v uint64) Value { return FromFelt(felt.FromUint64(v)) }

// FromPtr wraps a pointer.
func FromPtr(p Ptr) Value {
	return Value{w: [4]uint64{p.Offset, uint64(int64(p.Segment)), 0, uint64(PtrKind) << kindShift}}
}

// Kind reports what v holds.
func (v Value) Kind() Kind { return Kind(v.w[3] >> kindShift) }

// IsSet reports whether v holds anything.
func (v Value) IsSet() bool { return v.w[3]&kindMask != 0 }

// IsFelt reports whether v is a field element.
func (v Value) IsFelt() bool { return v.w[3]>>kindShift == uint64(FeltKind) }

// IsPtr reports whether v is a pointer.
func (v Value) IsPtr() bool { return v.w[3]>>kindShift == uint64(PtrKind) }

func (v Value) felt() felt.Felt {
	w := v.w
	w[3] &^= kindMask
	return felt.Felt(w)
}

// Felt returns the field element; ok is false for pointers and unset values.
func (v Value) Felt() (f felt.Felt, ok bool) {
	if !v.IsFelt() {
		return felt.Felt{}, false
	}
	return v.felt(), true
}

// MustFelt returns the felt of a value known to be one (zero otherwise).
func (v Value) MustFelt() felt.Felt {
	if !v.IsFelt() {
		return felt.Felt{}
	}
	return v.felt()
}

// Ptr returns the pointer; ok is false for felts and unset values.
func (v Value) Ptr() (p Ptr, ok bool) {
	if !v.IsPtr() {
		return Ptr{}, false
	}
	return Ptr{Segment: int(int64(v.w[1])), Offset: v.w[0]}, true
}

// ptrSeg is the segment of a pointer value.
func (v Value) ptrSeg() int { return int(int64(v.w[1])) }

// Equal reports whether two values are the same felt or the same pointer.
func (v Value) Equal(w Value) bool { return v == w }

// String formats v as cairo-lang prints values in error messages: felts in
// decimal (canonical, 0..p-1), pointers as "segment:offset".
func (v Value) String() string {
	switch v.Kind() {
	case FeltKind:
		return v.felt().String()
	case PtrKind:
		p, _ := v.Ptr()
		return p.String()
	}
	return "<unset>"
}

// Add returns v + w: felt + felt, or a pointer moved by a felt.
func Add(v, w Value) (Value, error) {
	vk, wk := v.Kind(), w.Kind()
	switch {
	case vk == FeltKind && wk == FeltKind:
		return FromFelt(v.felt().Add(w.felt())), nil
	case vk == PtrKind && wk == FeltKind:
		return addPtrFelt(v, w.felt())
	case vk == FeltKind && wk == PtrKind:
		return addPtrFelt(w, v.felt())
	case vk == PtrKind && wk == PtrKind:
		return Value{}, fmt.Errorf("%w: %v + %v", ErrAddPointers, v, w)
	}
	return Value{}, ErrUnsetOperand
}

// addPtrFelt computes (offset + d) mod p, as cairo-lang does, and requires
// the result to be a representable offset.
func addPtrFelt(p Value, d felt.Felt) (Value, error) {
	if d.IsUint64() {
		o := p.w[0] + d.Uint64()
		if o >= p.w[0] {
			p.w[0] = o
			return p, nil
		}
	} else if neg := d.Neg(); neg.IsUint64() && neg.Uint64() <= p.w[0] {
		p.w[0] -= neg.Uint64()
		return p, nil
	}
	base, _ := p.Ptr()
	return Value{}, &OffsetError{Base: base, Delta: d}
}

// Sub returns v - w: felt - felt, pointer - felt, or the distance between
// two pointers of the same segment.
func Sub(v, w Value) (Value, error) {
	vk, wk := v.Kind(), w.Kind()
	switch {
	case vk == FeltKind && wk == FeltKind:
		return FromFelt(v.felt().Sub(w.felt())), nil
	case vk == PtrKind && wk == FeltKind:
		return addPtrFelt(v, w.felt().Neg())
	case vk == PtrKind && wk == PtrKind:
		if v.w[1] != w.w[1] {
			return Value{}, fmt.Errorf("%w (%d != %d).", ErrSubSegments, v.ptrSeg(), w.ptrSeg())
		}
		d := felt.FromUint64(v.w[0]).Sub(felt.FromUint64(w.w[0]))
		return FromFelt(d), nil
	case vk == FeltKind && wk == PtrKind:
		return Value{}, fmt.Errorf("%w: %v - %v", ErrSubPointerFromFelt, v, w)
	}
	return Value{}, ErrUnsetOperand
}

// Mul returns v * w for felts; pointers cannot be multiplied.
func Mul(v, w Value) (Value, error) {
	if v.IsFelt() && w.IsFelt() {
		return FromFelt(v.felt().Mul(w.felt())), nil
	}
	if !v.IsSet() || !w.IsSet() {
		return Value{}, ErrUnsetOperand
	}
	return Value{}, &PureValueError{Op: "*", Values: []Value{v, w}}
}

// AddInt moves a pointer by d cells, or adds d to a felt.
func AddInt(v Value, d int64) (Value, error) {
	if v.IsPtr() {
		o := v.w[0] + uint64(d)
		if (d >= 0 && o >= v.w[0]) || (d < 0 && o < v.w[0]) {
			v.w[0] = o
			return v, nil
		}
		p, _ := v.Ptr()
		return Value{}, &OffsetError{Base: p, Delta: felt.FromInt64(d)}
	}
	return Add(v, FromFelt(felt.FromInt64(d)))
}

// IsZeroFelt reports whether v is the felt 0 (Montgomery zero is all-zero
// words, so no conversion is needed).
func (v Value) IsZeroFelt() bool {
	return v.w[0]|v.w[1]|v.w[2] == 0 && v.w[3] == uint64(FeltKind)<<kindShift
}

// The Stark prime's top word (its lower words are 1, 0, 0): Montgomery
// words are plain residues mod p, so a field addition is a 4-word add and
// one conditional subtraction.
const primeTop = 0x0800000000000011

// AddFelts adds two values known to be felts (the step loop's common
// case), on the raw words: no kind decoding, no call into the field
// library.
func AddFelts(v, w Value) Value {
	var r Value
	AddFeltsTo(&r, &v, &w)
	return r
}

// AddFeltsTo is AddFelts writing into *r (which may be a memory cell that
// Claim returned, so the sum is never copied).
func AddFeltsTo(r, v, w *Value) {
	s0, c := bits.Add64(v.w[0], w.w[0], 0)
	s1, c := bits.Add64(v.w[1], w.w[1], c)
	s2, c := bits.Add64(v.w[2], w.w[2], c)
	s3, _ := bits.Add64(v.w[3]&^kindMask, w.w[3]&^kindMask, c)
	// Both are below p < 2^252, so the sum fits in 256 bits; subtract p
	// when the sum is not below it.
	r0, b := bits.Sub64(s0, 1, 0)
	r1, b := bits.Sub64(s1, 0, b)
	r2, b := bits.Sub64(s2, 0, b)
	r3, b := bits.Sub64(s3, primeTop, b)
	keep := -b // all ones when the subtraction borrowed (sum < p)
	r.w[0] = s0&keep | r0&^keep
	r.w[1] = s1&keep | r1&^keep
	r.w[2] = s2&keep | r2&^keep
	r.w[3] = (s3&keep | r3&^keep) | uint64(FeltKind)<<kindShift
}

// MulFelts multiplies two values known to be felts.
func MulFelts(v, w Value) Value {
	a, b := v.felt(), w.felt()
	return FromFelt(a.Mul(b))
}

// KindAt is v.Kind() for a value in place: the methods' value receivers
// copy all 32 bytes of a cell to test one word, and the step loop tests
// every operand.
func KindAt(v *Value) Kind { return Kind(v.w[3] >> kindShift) }

// IsZeroFeltAt is v.IsZeroFelt() in place.
func IsZeroFeltAt(v *Value) bool {
	return v.w[0]|v.w[1]|v.w[2] == 0 && v.w[3] == uint64(FeltKind)<<kindShift
}

// set reports whether the cell is written, in place.
func (v *Value) set() bool { return v.w[3]&kindMask != 0 }

// PtrAt is v.Ptr() in place, for a value known to be a pointer.
func PtrAt(v *Value) Ptr { return Ptr{Segment: int(int64(v.w[1])), Offset: v.w[0]} }
