package ecdsa

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/felt"
)

// Point is an affine point (x, y). The zero value, (0, 0), is not on the
// curve; SafeAdd and SafeMul use it for the point at infinity, as Cairo's
// common/ec.cairo does.
type Point struct{ X, Y felt.Felt }

// Infinity is the (0, 0) encoding of the point at infinity used by SafeAdd
// and SafeMul.
var Infinity = Point{}

// IsInfinity reports whether p is (0, 0).
func (p Point) IsInfinity() bool { return p == Infinity }

func mustFelt(s string) felt.Felt {
	v, err := felt.SetString(s)
	if err != nil {
		panic(err)
	}
	return v
}

// OrderHex is EC_ORDER, the (prime) number of points of the curve.
const OrderHex = "0x800000000000010ffffffffffffffffb781126dcae7b2321e66a241adc64d2f"

var (
	// Alpha is the curve's a coefficient (ALPHA = 1).
	Alpha = felt.One()
	// Beta is the curve's b coefficient (BETA).
	Beta = mustFelt("0x6f21413efbe40de150e596d72f7a8c5609ad26c15c915c1f4cdfcb99cee9e89")
	// Generator is EC_GEN = CONSTANT_POINTS[1].
	Generator = Point{
		mustFelt("0x1ef15c18599971b7beced415a40f0c7deacfd9b0d1819e03d723d8bc943cfca"),
		mustFelt("0x5668060aa49730b7be4801df46ec62de53ecd11abe43a32873000c36e8dc1f"),
	}
	// ShiftPoint is SHIFT_POINT = CONSTANT_POINTS[0] (also the Pedersen shift
	// point), the start of every scalar multiplication in Verify.
	ShiftPoint = Point{
		mustFelt("0x49ee3eba8c1600700ee1b87eb599f16716b0b1022947733551fde4050ca6804"),
		mustFelt("0x3ca0cfe4b3bc6ddf346d49d06ea0ed34e621062c0e056c1d0405d266e10268a"),
	}

	order, _ = new(big.Int).SetString(OrderHex[2:], 16)
)

// Order returns EC_ORDER as a new big.Int.
func Order() *big.Int { return new(big.Int).Set(order) }

var (
	// ErrSameX is the failure of ec_add (and of the AIR-mimicking loops) on
	// two points with the same x coordinate.
	ErrSameX = errors.New("ecdsa: points have the same x coordinate")
	// ErrZeroY is the failure of ec_double on a point with y = 0.
	ErrZeroY = errors.New("ecdsa: cannot double a point with y = 0")
	// ErrNotOnCurve is returned when an x coordinate has no point on the curve
	// (recover_y, get_y_coordinate) or a point is not on the curve.
	ErrNotOnCurve = errors.New("ecdsa: not on the curve")
)

func el(f *felt.Felt) *fp.Element { return (*fp.Element)(f) }

var alphaEl = fp.Element(Alpha)

// ySquared returns x^3 + Alpha*x + Beta.
func ySquared(x felt.Felt) fp.Element {
	var r, t fp.Element
	r.Square(el(&x))
	r.Mul(&r, el(&x))
	t.Mul(el(&x), &alphaEl)
	r.Add(&r, &t)
	b := fp.Element(Beta)
	r.Add(&r, &b)
	return r
}

// IsOnCurve reports whether y^2 = x^3 + Alpha*x + Beta.
func IsOnCurve(p Point) bool {
	var l fp.Element
	l.Square(el(&p.Y))
	r := ySquared(p.X)
	return l == r
}

// RecoverY returns the smaller (as an integer) of the two y with (x, y) on the
// curve, or ErrNotOnCurve. It is math_utils.recover_y and, for public keys,
// signature.get_y_coordinate (both take the minimal square root).
func RecoverY(x felt.Felt) (felt.Felt, error) {
	y2 := ySquared(x)
	if y2.IsZero() {
		return felt.Felt{}, nil
	}
	if y2.Legendre() != 1 {
		return felt.Felt{}, ErrNotOnCurve
	}
	var y fp.Element
	if y.Sqrt(&y2) == nil {
		return felt.Felt{}, ErrNotOnCurve
	}
	var ny fp.Element
	ny.Neg(&y)
	if ny.Cmp(&y) < 0 {
		y = ny
	}
	return felt.Felt(y), nil
}

// Neg returns (x, -y).
func Neg(p Point) Point { return Point{p.X, p.Y.Neg()} }

// Add is math_utils.ec_add: the chord sum of two points with different x
// coordinates, or ErrSameX. The points need not be on the curve.
func Add(p, q Point) (Point, error) {
	if p.X == q.X {
		return Point{}, ErrSameX
	}
	var num, den, l fp.Element
	num.Sub(el(&p.Y), el(&q.Y))
	den.Sub(el(&p.X), el(&q.X))
	den.Inverse(&den)
	l.Mul(&num, &den)
	return chord(p, q.X, &l), nil
}

// chord returns (l^2 - p.x - qx, l*(p.x - x) - p.y).
func chord(p Point, qx felt.Felt, l *fp.Element) Point {
	var x, y fp.Element
	x.Square(l)
	x.Sub(&x, el(&p.X))
	x.Sub(&x, el(&qx))
	y.Sub(el(&p.X), &x)
	y.Mul(&y, l)
	y.Sub(&y, el(&p.Y))
	return Point{felt.Felt(x), felt.Felt(y)}
}

// Double is math_utils.ec_double: the tangent doubling (slope
// (3x^2 + Alpha) / 2y), or ErrZeroY.
func Double(p Point) (Point, error) {
	if p.Y.IsZero() {
		return Point{}, ErrZeroY
	}
	var num, den, l fp.Element
	num.Square(el(&p.X))
	var three fp.Element
	three.SetUint64(3)
	num.Mul(&num, &three)
	num.Add(&num, &alphaEl)
	den.Double(el(&p.Y))
	den.Inverse(&den)
	l.Mul(&num, &den)
	return chord(p, p.X, &l), nil
}

// SafeAdd is math_utils.ec_safe_add with Infinity for EC_INFINITY: it
// handles the point at infinity, P + (-P) = Infinity and P + P = Double(P).
// Like cairo-lang it doubles p whenever the x coordinates agree and the y
// coordinates are not opposite, so for points off the curve the result is
// meaningless, and doubling a y = 0 point fails with ErrZeroY.
func SafeAdd(p, q Point) (Point, error) {
	if p.IsInfinity() {
		return q, nil
	}
	if q.IsInfinity() {
		return p, nil
	}
	if p.X == q.X {
		if p.Y == q.Y.Neg() {
			return Infinity, nil
		}
		return Double(p)
	}
	return Add(p, q)
}

// SafeMul is math_utils.ec_safe_mult: m*p for m >= 0 (Infinity for m = 0),
// evaluated in cairo-lang's order (m even: (m/2)*(p+p); m odd:
// (m-1)*p + p). It is slow (one inversion per step) and meant for hints.
func SafeMul(m *big.Int, p Point) (Point, error) {
	if m.Sign() < 0 {
		return Point{}, errors.New("ecdsa: negative scalar")
	}
	return safeMul(new(big.Int).Set(m), p)
}

func safeMul(m *big.Int, p Point) (Point, error) {
	if m.Sign() == 0 {
		return Infinity, nil
	}
	if m.BitLen() == 1 { // m == 1
		return p, nil
	}
	if m.Bit(0) == 0 {
		d, err := SafeAdd(p, p)
		if err != nil {
			return Point{}, err
		}
		return safeMul(m.Rsh(m, 1), d)
	}
	r, err := safeMul(m.Sub(m, big.NewInt(1)), p)
	if err != nil {
		return Point{}, err
	}
	return SafeAdd(r, p)
}

// RandomPoint is math_utils.random_ec_point(FIELD_PRIME, ALPHA, BETA, seed)
// for a non-nil seed, as the ec_op and chained_ec_op hints of
// common/ec.cairo call it: with s = sha256(seed), it tries
// x_i = sha256(s[1:] || i as 10 little-endian bytes) for i = 0..99 and
// returns the first (x_i, +-RecoverY(x_i)), negated when s[0] is odd.
//
// cairo-lang returns x_i as the raw 256-bit integer, which is >= p most of
// the time; the returned X is x_i mod p (the same field element).
func RandomPoint(seed []byte) (Point, error) {
	s := sha256.Sum256(seed)
	buf := make([]byte, 0, 31+10)
	buf = append(buf, s[1:]...)
	var idx [10]byte
	for i := range 100 {
		binary.LittleEndian.PutUint64(idx[:8], uint64(i))
		d := sha256.Sum256(append(buf, idx[:]...))
		x := felt.FromBytesBEReduce(d[:])
		y, err := RecoverY(x)
		if err != nil {
			continue
		}
		if s[0]&1 == 1 {
			y = y.Neg()
		}
		return Point{x, y}, nil
	}
	return Point{}, errors.New("ecdsa: could not find a point on the curve")
}
