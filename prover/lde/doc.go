// Package lde owns the low-degree extension of trace columns: each column
// (values on the trace domain <g>, g = G_logN, in row order) is
// interpolated once, and evaluated on any of the n_cosets cosets of
// Stone's evaluation domain when needed. Row i of the extension is the
// point 3·w^bitrev(i) with w of order N·n_cosets: row c·N + j is coset c
// (offset 3·w^bitrev(c)) at g^bitrev(j), so each coset is one
// bit-reversed-output transform.
//
// The extension is not kept: a coset is recomputed from the coefficients
// each time a phase needs it (commitment, composition, DEEP), as Stone
// does without store_full_lde, so memory stays at the coefficients plus
// one coset per phase instead of n_cosets times the trace.
package lde
