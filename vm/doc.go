// Package vm owns the Cairo CPU: instruction decoding, the step loop with
// operand deduction, register updates and the trace, and the typed errors a
// failing step produces.
//
// Each instruction is decoded once, the first time its pc is reached, into a
// table indexed by (segment, offset); memory is write-once, so a decoded
// slot never goes stale. Hints hang off the same slots, so a step without a
// hint costs one nil check and makes no interface call.
//
// Decoding also classifies the instruction into one of a few fast shapes
// (assert_eq with an immediate or a register-relative op1, jnz, jmp rel,
// ap +=, call rel, ret). A fast step tests its operands in place in memory
// and writes the result straight into the new cell; whenever an operand is
// missing, not where the shape expects it, or would need a deduction rule,
// the step falls back to the generic path, which is the reference
// semantics (fast_test.go checks that the two agree).
//
// The trace is kept compact: the offsets of ap and pc, 8 bytes a step, in
// parts of 64K steps that are never copied, and one run record per change
// of fp or of a register's segment. Relocation to the file's addresses
// happens once, at the end, by the writer.
package vm
