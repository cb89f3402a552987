package memory

import (
	"errors"
	"fmt"
	"strings"

	"github.com/cairn-vm/cairn/felt"
)

var (
	// ErrAddPointers: two relocatable values cannot be added.
	ErrAddPointers = errors.New("cannot add two relocatable values")
	// ErrSubSegments: pointers of different segments cannot be subtracted.
	ErrSubSegments = errors.New("Can only subtract two relocatable values of the same segment")
	// ErrSubPointerFromFelt: a felt minus a pointer has no meaning.
	ErrSubPointerFromFelt = errors.New("cannot subtract a relocatable value from a felt")
	// ErrUnsetOperand: arithmetic on a value that was never set.
	ErrUnsetOperand = errors.New("operand is not set")
	// ErrFrozen: memory cannot change after the run ended.
	ErrFrozen = errors.New("memory is frozen and cannot be changed")
	// ErrUnknownSegment: an address names a segment that was never added.
	ErrUnknownSegment = errors.New("unknown segment")
)

// OffsetError reports pointer arithmetic whose result is not a valid offset.
type OffsetError struct {
	Base  Ptr
	Delta felt.Felt
}

func (e *OffsetError) Error() string {
	return fmt.Sprintf("offset of %v + %v is out of range", e.Base, e.Delta.Signed())
}

// UnknownCellError is a read of a cell that was never written.
type UnknownCellError struct{ Addr Ptr }

func (e *UnknownCellError) Error() string {
	return fmt.Sprintf("Unknown value for memory cell at address %v.", e.Addr)
}

// InconsistentWriteError is a write of a different value to a written cell.
type InconsistentWriteError struct {
	Addr     Ptr
	Old, New Value
}

func (e *InconsistentWriteError) Error() string {
	return fmt.Sprintf("Inconsistent memory assignment at address %v. %v != %v.", e.Addr, e.Old, e.New)
}

// PureValueError is arithmetic that needs felts but got pointers.
type PureValueError struct {
	Op     string
	Values []Value
}

func (e *PureValueError) Error() string {
	parts := make([]string, len(e.Values))
	for i, v := range e.Values {
		parts[i] = v.String()
		if p, ok := v.Ptr(); ok { // Python's repr of a RelocatableValue
			parts[i] = fmt.Sprintf("RelocatableValue(segment_index=%d, offset=%d)", p.Segment, p.Offset)
		}
	}
	if len(parts) == 1 {
		return fmt.Sprintf("Could not complete computation %s of non pure value: %s.", e.Op, parts[0])
	}
	return fmt.Sprintf("Could not complete computation %s of non pure values: (%s).", e.Op, strings.Join(parts, ", "))
}

// ValidationError is a value that a segment's validation rule rejects (for
// example a range-check cell out of range).
type ValidationError struct {
	Addr Ptr
	Err  error
}

func (e *ValidationError) Error() string { return e.Err.Error() }
func (e *ValidationError) Unwrap() error { return e.Err }
