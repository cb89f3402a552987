package ecdsa

import (
	"fmt"

	"github.com/cairn-vm/cairn/felt"
)

// ScalarHeight is the number of double-and-add rounds of the ec_op builtin
// (EcOpInstanceDef.scalar_height, 256 in every cairo-lang layout).
const ScalarHeight = 256

// ECOpError is ECOp's failure. It wraps ErrSameX (the builtin AIR cannot add
// two points with the same x: cairo-lang's message is "Cannot apply EC
// operation: computation reached two points with the same x coordinate.")
// or ErrZeroY (a doubled point had y = 0, which only happens off the curve).
type ECOpError struct {
	P, Q  Point
	M     felt.Felt
	Round int // 0-based double-and-add round at which it failed
	Err   error
}

func (e *ECOpError) Error() string {
	if e.Err == ErrSameX {
		return fmt.Sprintf("Cannot apply EC operation: computation reached two points with the same x coordinate.\n"+
			"Attempting to compute P + m * Q where:\nP = (%s, %s)\nm = %s\nQ = (%s, %s).",
			e.P.X, e.P.Y, e.M, e.Q.X, e.Q.Y)
	}
	return fmt.Sprintf("ec_op: round %d: %v", e.Round, e.Err)
}

func (e *ECOpError) Unwrap() error { return e.Err }

// ECOp returns p + m*q computed like cairo-lang's ec_op_impl (and the ec_op
// builtin AIR): starting from sum = p and d = q, for each of the
// ScalarHeight rounds it fails if sum and d have the same x coordinate, adds
// d to sum if the round's bit of m is set, and doubles d (failing if d has
// y = 0). The x check runs in every round, including those past m's top bit:
// it fails exactly when p + (m mod 2^i)*q = +-2^i*q for some round i < 256,
// so for instance p = 2^k*q fails for m = 0 and every k < 256.
//
// The points are not checked to be on the curve (the builtin runner does that
// before calling ec_op_impl; see IsOnCurve); off-curve input gives the same
// values as cairo-lang's formulas.
func ECOp(p, q Point, m felt.Felt) (Point, error) {
	sum, d := toJac(p), toJac(q)
	bits := m.Bits()
	for i := range ScalarHeight {
		same, u1, u2 := sameX(&sum, &d)
		if same {
			return Point{}, &ECOpError{P: p, Q: q, M: m, Round: i, Err: ErrSameX}
		}
		if bits[i/64]>>(i%64)&1 == 1 {
			sum.addU(&d, &u1, &u2)
		}
		if d.y.IsZero() {
			return Point{}, &ECOpError{P: p, Q: q, M: m, Round: i, Err: ErrZeroY}
		}
		d.double()
	}
	return sum.affine(), nil
}
