// Package vm owns the Cairo CPU: instruction decoding, the step loop with
// operand deduction, register updates and the trace, and the typed errors a
// failing step produces.
//
// Each instruction is decoded once, the first time its pc is reached, into a
// table indexed by (segment, offset); memory is write-once, so a decoded
// slot never goes stale. Hints hang off the same slots, so a step without a
// hint costs one nil check and makes no interface call.
package vm
