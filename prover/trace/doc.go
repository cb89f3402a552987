// Package trace owns the prover's main and interaction traces: the
// columns Stone's CpuAir::GetTrace writes from a proof-mode execution and
// the builtins' private input, cell for cell, and the permutation and
// cumulative columns of GetInteractionTrace.
//
// Build (layout.go) serves every fixed layout from stark/air's
// trace-generation context: the CPU component and pools in layout.go,
// one file per builtin component (pedersen.go with ec.go's subset sum and
// bit unpacking, rangecheck.go, ecdsa.go, bitwise.go, ecop.go,
// poseidon.go, keccak.go) and the diluted pool (diluted.go). BuildPlain
// (plain.go) is the plain layout's first, hand-placed builder, kept as a
// cross-check of Build.
//
// The plain layout's placement, for reference:
//
// Column placement follows Stone's cpu_air_definition10 trace generation
// context (16 rows per Cairo step):
//
//	0  range_check16_pool: off0 at row 0, off2 at 4, off1 at 8; other rows
//	   are the range-check holes (then rc_max) filled in row order
//	1  opcode_range_check: row j holds flags >> j
//	2  range_check16/sorted: column 0 sorted
//	3  mem_pool (address, value) pairs: pc/instruction at rows 0-1, op0
//	   4-5, dst 8-9, op1 12-13; public memory at rows 2-3 and 10-11 written
//	   as (0, 0); rows 6-7 and 14-15 spare cells (address holes first, then
//	   max address + 1 with value 0)
//	4  memory/sorted: column 3's real (address, value) pairs sorted by address
//	5  registers and temporaries: ap 0, tmp0 2, ops_mul 4, fp 8, tmp1 10,
//	   res 12; other rows 0
package trace
