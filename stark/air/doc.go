// Package air describes Cairo layouts as a STARK verifier (and later the
// prover) sees them, taken from Stone's CpuAirDefinition<.., N> for each
// layout: trace widths, interaction elements, constraint degree, rows per
// step, the OODS mask, periodic columns, the dynamic layout's params, and
// the composition polynomial.
//
// The layout_*_gen.go and curve_gen.go files are written by
// ./internal/gen from Stone's cpu_air_definition*.h/.inl and
// elliptic_curve_constants.h (read from a stone-prover mirror, never
// committed). The composition polynomial is data, not code: a Program is
// Stone's DomainEvalsAtPoint and ConstraintsEval lowered to a list of
// field operations over the mask values, periodic columns, coefficients,
// public values, point powers and generator powers, ending in a sum of
// fractions. Program.Eval interprets it once per point; the OODS check
// calls it through Layout.CompositionAt, and a prover can drive the same
// tables over a coset.
//
// Each layout also carries Stone's trace-generation context
// (GetTraceGenerationContext) for the prover: Layout.VirtualColumns names
// the cells every Cairo value goes to (column, step, row offset), and
// Layout.Trace holds the context's objects, the segment order, the
// builtins' row ratios and Stone's scalar constants. The dynamic layout's
// are expressions over its params, evaluated by Layout.Instance, which
// also makes the checks of the params that Stone's
// GetTraceGenerationContext makes (ContextCheck; for a fixed layout, of
// the trace length). Virtual
// columns share cells only as Stone means them to (pools and their users,
// index ranges of one progression, slots a component leaves free); see
// VirtualColumn.
//
// What the constraints read from the public input (the public-memory
// product, rc_min/rc_max, initial and final ap/pc, builtin segment bases,
// the diluted check's final value) is computed here from the proof's
// public input and the interaction elements, as Stone's CpuAir does.
//
// Stone's all_cairo layout is not generated: in Stone v3 its Neighbors
// enum (920 entries) disagrees with its GetMask (743 items).
package air
