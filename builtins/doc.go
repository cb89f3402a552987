// Package builtins owns the Cairo builtins (one file each) and the table of
// layouts that says which builtins a layout has and in what order.
//
// A builtin owns a memory segment: it installs validation and
// auto-deduction rules on it, contributes its base pointer to main's
// initial stack, reads its stop pointer back when the run ends, and checks
// its segment in a secure run.
package builtins
