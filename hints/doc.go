// Package hints owns Cairo Zero hints: a registry from hint code to a Go
// implementation, filled by one file per hint family; the binding of a
// program's hints to implementations once, at load; and the Context a hint
// runs in (ids through the reference manager with ap tracking, exec scopes,
// memory, segments, ap/fp/pc, the program input).
//
// Hint code is matched after normalization (each line trimmed, blank lines
// dropped), so variants that differ only in whitespace or indentation
// resolve to the same implementation. A hint with no implementation is not
// an error at load: like cairo-run, the run fails when it reaches the hint,
// with an UnknownHintError naming the code and the pc.
//
// Dispatch is cheap: the VM looks hints up in a per-pc table, so a step
// without hints pays nothing, and a Bound runs its hint in a Context it
// keeps, so running a hint allocates only what the hint itself computes.
package hints
