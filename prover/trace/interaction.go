package trace

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"
)

// NInteractionColumns is the width of the plain layout's interaction trace.
const NInteractionColumns = 2

// Interaction builds the plain layout's interaction columns from the
// interaction elements drawn after the main commitment (memory z and
// alpha, range-check z, in the channel's order), as Stone's
// GetInteractionTrace does:
//
//	0  range_check16/perm/cum_prod0 (every row):
//	   prod_{k<=i} (z - rc_k) / (z - rc_sorted_k)
//	1  memory/multi_column_perm/perm/cum_prod0 (even rows; odd rows 0):
//	   prod_{k<=i} (z - (a_k + alpha v_k)) / (z - (a'_k + alpha v'_k)),
//	   with public cells counted as (0, 0) on the original side
//
// The last memory product must equal the public-memory product the
// verifier computes; a mismatch means memory and public input disagree.
func (t *Plain) Interaction(memZ, memAlpha, rcZ fp.Element) ([NInteractionColumns][]fp.Element, error) {
	var out [NInteractionColumns][]fp.Element
	for c := range out {
		out[c] = make([]fp.Element, t.Length)
	}

	n := len(t.RC)
	orig := make([]fp.Element, n)
	perm := make([]fp.Element, n)
	for i := range n {
		var a, b fp.Element
		a.SetUint64(t.RC[i])
		b.SetUint64(t.RCSorted[i])
		orig[i].Sub(&rcZ, &a)
		perm[i].Sub(&rcZ, &b)
	}
	cumProd(orig, perm, func(i int, v *fp.Element) { out[0][i] = *v })
	if !out[0][n-1].IsOne() {
		return out, fmt.Errorf("%w: range-check permutation product is not 1", ErrExecution)
	}

	public := make([]bool, len(t.PoolAddr))
	for _, s := range t.PublicSlots {
		public[s] = true
	}
	m := len(t.PoolAddr)
	orig = make([]fp.Element, m)
	perm = make([]fp.Element, m)
	for i := range m {
		var a, b fp.Element
		if !public[i] {
			a.SetUint64(t.PoolAddr[i])
			b.Mul(&memAlpha, &t.PoolValue[i])
			a.Add(&a, &b)
		}
		orig[i].Sub(&memZ, &a)
		a.SetUint64(t.SortedAddr[i])
		b.Mul(&memAlpha, &t.SortedValue[i])
		a.Add(&a, &b)
		perm[i].Sub(&memZ, &a)
	}
	cumProd(orig, perm, func(i int, v *fp.Element) { out[1][2*i] = *v })
	want := t.PublicMemoryProd(memZ, memAlpha)
	if got := out[1][2*(m-1)]; !got.Equal(&want) {
		return out, fmt.Errorf("%w: memory permutation product differs from the public-memory product", ErrExecution)
	}
	return out, nil
}

// cumProd calls set(i, prod_{k<=i} num_k / den_k) for every i.
func cumProd(num, den []fp.Element, set func(int, *fp.Element)) {
	inv := fp.BatchInvert(den)
	v := fp.One()
	for i := range num {
		v.Mul(&v, &num[i])
		v.Mul(&v, &inv[i])
		set(i, &v)
	}
}

// PublicMemoryProd is the memory product the public memory implies
// (Stone's GetPublicMemoryProd): z^S over the product of (z - (a + alpha
// v)) for the public cells and the padding cells, S public slots in all.
func (t *Plain) PublicMemoryProd(z, alpha fp.Element) fp.Element {
	var num, den fp.Element
	num.Exp(z, new(big.Int).SetUint64(t.NPublicSlots))
	den.SetOne()
	term := func(c PublicCell) fp.Element {
		var a, b fp.Element
		a.SetUint64(c.Addr)
		b.Mul(&alpha, &c.Value)
		a.Add(&a, &b)
		a.Sub(&z, &a)
		return a
	}
	for _, c := range t.Public {
		x := term(c)
		den.Mul(&den, &x)
	}
	pad := term(t.Public[0])
	pad.Exp(pad, new(big.Int).SetUint64(t.NPublicSlots-uint64(len(t.Public))))
	den.Mul(&den, &pad)
	den.Inverse(&den)
	num.Mul(&num, &den)
	return num
}
