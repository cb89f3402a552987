package ecdsa

import (
	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/felt"
)

// jac is a point in Jacobian coordinates: (X/Z^2, Y/Z^3), with zz = Z^2
// cached. Only finite points occur: each step below either fails or has a
// non-zero Z.
type jac struct {
	x, y, z, zz fp.Element
}

func toJac(p Point) jac {
	var j jac
	j.x, j.y = fp.Element(p.X), fp.Element(p.Y)
	j.z.SetOne()
	j.zz.SetOne()
	return j
}

func (p *jac) affine() Point {
	var zi, zi2, x, y fp.Element
	zi.Inverse(&p.z)
	zi2.Square(&zi)
	x.Mul(&p.x, &zi2)
	y.Mul(&p.y, &zi2)
	y.Mul(&y, &zi)
	return Point{felt.Felt(x), felt.Felt(y)}
}

// sameX reports x(p) == x(q) and returns U1 = X1*Z2^2 and U2 = X2*Z1^2 for
// a following add.
func sameX(p, q *jac) (bool, fp.Element, fp.Element) {
	var u1, u2 fp.Element
	u1.Mul(&p.x, &q.zz)
	u2.Mul(&q.x, &p.zz)
	return u1 == u2, u1, u2
}

// addU sets p = p + q (chord formula, x(p) != x(q)) given U1, U2 of sameX:
//
//	H = U2-U1, R = S2-S1, X3 = R^2 - H^3 - 2*U1*H^2,
//	Y3 = R*(U1*H^2 - X3) - S1*H^3, Z3 = Z1*Z2*H.
func (p *jac) addU(q *jac, u1, u2 *fp.Element) {
	var s1, s2, h, r, hh, hhh, v, t fp.Element
	s1.Mul(&p.y, &q.z)
	s1.Mul(&s1, &q.zz)
	s2.Mul(&q.y, &p.z)
	s2.Mul(&s2, &p.zz)
	h.Sub(u2, u1)
	r.Sub(&s2, &s1)
	hh.Square(&h)
	hhh.Mul(&hh, &h)
	v.Mul(u1, &hh)
	p.x.Square(&r)
	p.x.Sub(&p.x, &hhh)
	t.Double(&v)
	p.x.Sub(&p.x, &t)
	t.Sub(&v, &p.x)
	p.y.Mul(&r, &t)
	t.Mul(&s1, &hhh)
	p.y.Sub(&p.y, &t)
	p.z.Mul(&p.z, &q.z)
	p.z.Mul(&p.z, &h)
	p.zz.Square(&p.z)
}

// sameXAffine is sameX for an affine q (Z2 = 1): U1 = X1, U2 = x2*Z1^2.
func sameXAffine(p *jac, q *Point) (bool, fp.Element) {
	var u2 fp.Element
	u2.Mul(el(&q.X), &p.zz)
	return u2 == p.x, u2
}

// addAffineU sets p = p + q for an affine q, given U2 of sameXAffine.
func (p *jac) addAffineU(q *Point, u2 *fp.Element) {
	var s2, h, r, hh, hhh, v, t fp.Element
	s2.Mul(el(&q.Y), &p.z)
	s2.Mul(&s2, &p.zz)
	h.Sub(u2, &p.x)
	r.Sub(&s2, &p.y)
	hh.Square(&h)
	hhh.Mul(&hh, &h)
	v.Mul(&p.x, &hh)
	t.Mul(&p.y, &hhh) // S1*H^3 with the old Y
	p.y = t
	p.x.Square(&r)
	p.x.Sub(&p.x, &hhh)
	t.Double(&v)
	p.x.Sub(&p.x, &t)
	t.Sub(&v, &p.x)
	t.Mul(&r, &t)
	p.y.Sub(&t, &p.y)
	p.z.Mul(&p.z, &h)
	p.zz.Square(&p.z)
}

// double sets p = 2p (tangent formula with slope (3x^2 + Alpha)/2y); the
// caller has checked Y != 0:
//
//	M = 3X^2 + Alpha*Z^4, S = 4*X*Y^2, X3 = M^2 - 2S,
//	Y3 = M*(S - X3) - 8*Y^4, Z3 = 2*Y*Z.
func (p *jac) double() {
	var xx, yy, yyyy, s, m, t fp.Element
	xx.Square(&p.x)
	yy.Square(&p.y)
	yyyy.Square(&yy)
	s.Mul(&p.x, &yy)
	s.Double(&s)
	s.Double(&s)
	m.Double(&xx)
	m.Add(&m, &xx)
	t.Square(&p.zz) // Z^4; Alpha = 1
	m.Add(&m, &t)
	p.z.Mul(&p.z, &p.y)
	p.z.Double(&p.z)
	p.x.Square(&m)
	t.Double(&s)
	p.x.Sub(&p.x, &t)
	t.Sub(&s, &p.x)
	p.y.Mul(&m, &t)
	yyyy.Double(&yyyy)
	yyyy.Double(&yyyy)
	yyyy.Double(&yyyy)
	p.y.Sub(&p.y, &yyyy)
	p.zz.Square(&p.z)
}
