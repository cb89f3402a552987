// Command gen writes stark/air's per-layout tables (layout_*_gen.go,
// curve_gen.go) from Stone's C++ AIR definitions
// (src/starkware/air/cpu/board/cpu_air_definition{N}.h/.inl) and curve
// constants (src/starkware/algebra/elliptic_curve/
// elliptic_curve_constants.h), read with git from a bare mirror of
// stone-prover. Stone's files are inputs only; only the tables are
// committed.
//
//	go run ./stark/air/internal/gen [-mirror DIR] [-out stark/air]
//
// Besides the AIR, each layout gets its trace-generation context
// (trace.go): every AddVirtualColumn, AddObject, kSegmentNames, the
// builtins' ratios and the scalar constants. The generator checks the
// Neighbors enum against the mask and the virtual columns (a fixed
// layout's kColumn<c>Row<r>Neighbor is mask item (r, c); a dynamic one's
// k<VirtualColumn>ColumnRowExpr<i>Neighbor reads that virtual column's
// column).
//
// Stone's generated C++ is regular: fully parenthesized expressions over
// named neighbors, domains, member variables and constants, in blocks that
// sum constraints into fractions. cpp.go tokenizes and parses it; lower.go
// turns it into air.Program nodes (sharing equal subtrees) and integer
// expressions. TestGeneratedUpToDate checks that regenerating changes
// nothing when the mirror is present.
package main
