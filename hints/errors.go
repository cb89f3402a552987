package hints

import (
	"errors"
	"fmt"

	"github.com/cairn-vm/cairn/vm/memory"
)

// ErrApDeduction: an ap-based reference is not reachable from the hint's
// ap tracking group.
var ErrApDeduction = errors.New("cannot deduce ap for an ap-based reference")

// UnknownHintError is a hint with no implementation, reached at PC.
type UnknownHintError struct {
	Code string
	PC   memory.Ptr
}

func (e *UnknownHintError) Error() string {
	return fmt.Sprintf("Unknown hint at pc=%v (Cairn implements only whitelisted hints):\n%s", e.PC, e.Code)
}

// AssertionError is a hint's own assertion failing, with the message the
// Python hint would raise.
type AssertionError struct{ Msg string }

func (e *AssertionError) Error() string { return e.Msg }

func assertf(format string, args ...any) error {
	return &AssertionError{Msg: fmt.Sprintf(format, args...)}
}

// IdentifierError is an ids.* name the hint cannot see.
type IdentifierError struct {
	Name string
	Err  error
}

func (e *IdentifierError) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("ids.%s: %v", e.Name, e.Err)
	}
	return fmt.Sprintf("Unknown identifier 'ids.%s'.", e.Name)
}

func (e *IdentifierError) Unwrap() error { return e.Err }
