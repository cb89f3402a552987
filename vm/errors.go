package vm

import (
	"errors"
	"fmt"

	"github.com/cairn-vm/cairn/vm/memory"
)

var (
	// ErrEndOfProgram: a step was attempted at the final pc.
	ErrEndOfProgram = errors.New("Error: Execution reached the end of the program.")
	// ErrStepLimit: the run did not reach its end within the allowed steps.
	ErrStepLimit = errors.New("Error: End of program was not reached")
)

// StepError is a failure of one VM step: which step, at which pc, and why.
// HintIndex is the index of the failing hint at that pc, or -1 when the
// instruction itself failed.
type StepError struct {
	Step      uint64
	PC        memory.Ptr
	FP        memory.Ptr
	HintIndex int
	Err       error
	// NoTraceback is set for failures that cairo-run reports without a
	// Cairo traceback (the end of the program, the step limit).
	NoTraceback bool
}

func (e *StepError) Error() string {
	return fmt.Sprintf("Error at pc=%v:\n%v", e.PC, e.Err)
}

func (e *StepError) Unwrap() error { return e.Err }

// AssertEqError is an assert_eq whose two sides differ.
type AssertEqError struct{ Dst, Res memory.Value }

func (e *AssertEqError) Error() string {
	return fmt.Sprintf("An ASSERT_EQ instruction failed: %v != %v.", e.Dst, e.Res)
}

// CallError is a call whose return pc or return fp cell already holds
// something else.
type CallError struct {
	What      string // "return-pc (inconsistent op0)" or "return-fp (inconsistent dst)"
	Got, Want memory.Value
}

func (e *CallError) Error() string {
	return fmt.Sprintf("Call failed to write %s: %v != %v. Did you forget to increment ap?", e.What, e.Got, e.Want)
}

// OperandError is a malformed operand that the encoding allows but the
// semantics reject (an immediate with off2 != 1, a non-pointer address...).
type OperandError struct{ Msg string }

func (e *OperandError) Error() string { return e.Msg }
