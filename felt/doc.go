// Package felt owns the Cairo field element: integers modulo
// p = 2^251 + 17*2^192 + 1, with the conversions the VM, the hints and the
// file encoders need (decimal and hex text, little- and big-endian bytes,
// and the signed form cairo-run prints).
//
// A Felt is a value type ([4]uint64 in Montgomery form, from gnark-crypto's
// stark-curve fp package), so it can live in memory cells and registers
// without allocation.
package felt
