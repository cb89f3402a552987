// Package trace owns the relocated execution as files: the binary trace
// (24 bytes a step: ap, fp, pc as little-endian u64) and the binary memory
// file (8-byte little-endian address, 32-byte little-endian value) that
// cairo-run writes and Stone's prover reads, with readers for both so that
// tests and the prover can consume files made by any VM; and WriteChunks,
// the ordered parallel writer that encodes both files on every core.
package trace
