package poseidon

import (
	"math/bits"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"
)

// Branch-free helpers on the limbs of fp.Element (Montgomery form: additions
// and reductions mod q work on the limbs as on plain integers).
//
// q = 2^251 + 17*2^192 + 1, so q's limbs are (1, 0, 0, q3) and a multiple
// k*q (k < 8) is (k, 0, 0, k*q3). Every value handled here is below 2^256.

const q3 = 0x0800000000000011 // top limb of q

// addMod sets z = x + y mod q for x, y < q.
func addMod(z, x, y *fp.Element) {
	s0, c := bits.Add64(x[0], y[0], 0)
	s1, c := bits.Add64(x[1], y[1], c)
	s2, c := bits.Add64(x[2], y[2], c)
	s3, _ := bits.Add64(x[3], y[3], c)
	condSubQ(z, s0, s1, s2, s3)
}

// condSubQ sets z = s - q if s >= q, else s (s < 2q).
func condSubQ(z *fp.Element, s0, s1, s2, s3 uint64) {
	d0, b := bits.Sub64(s0, 1, 0)
	d1, b := bits.Sub64(s1, 0, b)
	d2, b := bits.Sub64(s2, 0, b)
	d3, b := bits.Sub64(s3, q3, b)
	m := -b // all ones when s < q: keep s
	z[0] = d0 ^ ((d0 ^ s0) & m)
	z[1] = d1 ^ ((d1 ^ s1) & m)
	z[2] = d2 ^ ((d2 ^ s2) & m)
	z[3] = d3 ^ ((d3 ^ s3) & m)
}

// reduceSmall sets z = s mod q for s < 8q (s < 2^255). With k = s >> 251,
// s - k*q lies in (-q, 2^251), so one conditional addition of q finishes.
func reduceSmall(z *fp.Element, s0, s1, s2, s3 uint64) {
	k := s3 >> 59
	d0, b := bits.Sub64(s0, k, 0)
	d1, b := bits.Sub64(s1, 0, b)
	d2, b := bits.Sub64(s2, 0, b)
	d3, b := bits.Sub64(s3, k*q3, b)
	m := -b // all ones when negative: add q back
	var c uint64
	z[0], c = bits.Add64(d0, 1&m, 0)
	z[1], c = bits.Add64(d1, 0, c)
	z[2], c = bits.Add64(d2, 0, c)
	z[3], _ = bits.Add64(d3, q3&m, c)
}

// mdsFast multiplies s (reduced) by the MDS matrix:
//
//	a  = s0 + s1,  t = a + s2
//	s0' = t + 2*s0          < 5q
//	s1' = t + 2q - 2*s1     < 5q
//	s2' = a + 2q - 2*s2     < 4q
//
// computed on plain 256-bit integers (no overflow since 5q < 2^255) and
// reduced once each.
func mdsFast(s *[3]fp.Element) {
	// a = s0 + s1
	a0, c := bits.Add64(s[0][0], s[1][0], 0)
	a1, c := bits.Add64(s[0][1], s[1][1], c)
	a2, c := bits.Add64(s[0][2], s[1][2], c)
	a3, _ := bits.Add64(s[0][3], s[1][3], c)
	// t = a + s2
	t0, c := bits.Add64(a0, s[2][0], 0)
	t1, c := bits.Add64(a1, s[2][1], c)
	t2, c := bits.Add64(a2, s[2][2], c)
	t3, _ := bits.Add64(a3, s[2][3], c)

	// n0 = t + 2*s0 (2*s0 < 2^253: shift without loss)
	x0, x1, x2, x3 := s[0][0]<<1, s[0][1]<<1|s[0][0]>>63, s[0][2]<<1|s[0][1]>>63, s[0][3]<<1|s[0][2]>>63
	n00, c := bits.Add64(t0, x0, 0)
	n01, c := bits.Add64(t1, x1, c)
	n02, c := bits.Add64(t2, x2, c)
	n03, _ := bits.Add64(t3, x3, c)

	// n1 = t + 2q - 2*s1; 2q = (2, 0, 0, 2*q3)
	y0, y1, y2, y3 := s[1][0]<<1, s[1][1]<<1|s[1][0]>>63, s[1][2]<<1|s[1][1]>>63, s[1][3]<<1|s[1][2]>>63
	u0, c := bits.Add64(t0, 2, 0)
	u1, c := bits.Add64(t1, 0, c)
	u2, c := bits.Add64(t2, 0, c)
	u3, _ := bits.Add64(t3, 2*q3, c)
	n10, b := bits.Sub64(u0, y0, 0)
	n11, b := bits.Sub64(u1, y1, b)
	n12, b := bits.Sub64(u2, y2, b)
	n13, _ := bits.Sub64(u3, y3, b)

	// n2 = a + 2q - 2*s2
	z0, z1, z2, z3 := s[2][0]<<1, s[2][1]<<1|s[2][0]>>63, s[2][2]<<1|s[2][1]>>63, s[2][3]<<1|s[2][2]>>63
	v0, c := bits.Add64(a0, 2, 0)
	v1, c := bits.Add64(a1, 0, c)
	v2, c := bits.Add64(a2, 0, c)
	v3, _ := bits.Add64(a3, 2*q3, c)
	n20, b := bits.Sub64(v0, z0, 0)
	n21, b := bits.Sub64(v1, z1, b)
	n22, b := bits.Sub64(v2, z2, b)
	n23, _ := bits.Sub64(v3, z3, b)

	reduceSmall(&s[0], n00, n01, n02, n03)
	reduceSmall(&s[1], n10, n11, n12, n13)
	reduceSmall(&s[2], n20, n21, n22, n23)
}

// cube sets z = x^3.
func cube(z, x *fp.Element) {
	var t fp.Element
	t.Square(x)
	z.Mul(&t, x)
}
