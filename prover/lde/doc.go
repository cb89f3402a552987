// Package lde owns the low-degree extension of trace columns: each column
// (values on the trace domain <g>, g = G_logN, in row order) is
// interpolated and evaluated on the n_cosets cosets of Stone's evaluation
// domain. Row i of the extension is the point 3·w^bitrev(i) with w of
// order N·n_cosets: row c·N + j is coset c (offset 3·w^bitrev(c)) at
// g^bitrev(j), so each coset is one bit-reversed-output transform.
package lde
