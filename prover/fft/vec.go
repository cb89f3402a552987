package fft

import "github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

// Mul sets res[i] = a[i]·b[i] for i < len(res) (a and b at least as
// long; res may be either). With AVX-512 IFMA it runs this package's
// kernel (about a third faster than gnark-crypto's vector product: the
// prime's sparse limbs in the reduction), else fp.Vector's.
func Mul(res, a, b []fp.Element) {
	n := len(res)
	a, b = a[:n], b[:n]
	if haveIFMA && n >= 8 {
		k := n / 8
		mulIFMA(&res[0], &a[0], &b[0], uint64(k))
		res, a, b, n = res[8*k:], a[8*k:], b[8*k:], n-8*k
	}
	if n > 0 {
		v := fp.Vector(res)
		v.Mul(a, b)
	}
}

// ScalarMul sets res[i] = a[i]·c for i < len(res) (res may be a).
func ScalarMul(res, a []fp.Element, c *fp.Element) {
	n := len(res)
	a = a[:n]
	if haveIFMA && n >= 8 {
		k := n / 8
		mulIFMAConst(&res[0], &a[0], c, uint64(k))
		res, a, n = res[8*k:], a[8*k:], n-8*k
	}
	if n > 0 {
		v := fp.Vector(res)
		v.ScalarMul(a, c)
	}
}
