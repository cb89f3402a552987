// Package memory owns the Cairo VM's memory model: segments of write-once
// cells holding values that are either field elements or relocatable
// pointers (segment, offset); temporary segments (negative indices) with
// their relocation rules; per-segment validation and auto-deduction hooks
// that builtins install; and relocation of everything into the single
// address space, starting at address 1, that cairo-run writes to its files.
//
// Cells are stored densely per segment ([]Value), so a read or write in the
// VM's step loop is an index, not a map lookup. Writes far beyond the end of
// a segment go to a small sparse map instead, so a program cannot make the
// VM allocate gigabytes by writing at ptr + 2^40.
//
// A Value is 32 pointer-free bytes (a felt's Montgomery words, with the kind
// in the two spare top bits), so the step loop reads cells in place (Cell)
// and computes sums into them (Claim, AddFeltsTo) on the raw words, and the
// garbage collector never scans memory. The memory file needs canonical
// little-endian felts: PutFeltLE converts out of Montgomery form with a
// reduction specialised to the Stark prime.
package memory
