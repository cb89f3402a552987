// Package air describes Cairo layouts as a STARK verifier sees them: trace
// widths, interaction elements, constraint degree, rows per step and the
// OODS mask, taken from Stone's CpuAirDefinition for each layout.
//
// The constraints themselves (the composition polynomial evaluated at the
// OODS point) are not here yet; only the plain layout is described.
package air
