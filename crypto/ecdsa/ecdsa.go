package ecdsa

import (
	"errors"
	"fmt"
	"sync"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fr"

	"github.com/cairn-vm/cairn/felt"
)

// ElementBitsECDSA is N_ELEMENT_BITS_ECDSA: r, w and the message hash must
// be below 2^251.
const ElementBitsECDSA = 251

// ErrOutOfRange is wrapped by VerifyChecked's errors for the inputs that make
// cairo-lang's verify raise an AssertionError instead of returning False.
var ErrOutOfRange = errors.New("ecdsa: signature input out of range")

// orderLimbs is EC_ORDER as little-endian 64-bit limbs.
var orderLimbs = func() [4]uint64 {
	var l [4]uint64
	for i, w := range order.Bits() {
		l[i] = uint64(w)
	}
	return l
}()

func lessLimbs(a, b [4]uint64) bool {
	for i := 3; i >= 0; i-- {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

func below2to251(f felt.Felt) bool { return f.BitLen() <= ElementBitsECDSA }

// checkRanges runs verify's assertions in cairo-lang's order and returns
// w = s^-1 mod Order.
func checkRanges(msgHash, r, s felt.Felt) (felt.Felt, error) {
	if s.IsZero() || !lessLimbs(s.Bits(), orderLimbs) {
		return felt.Felt{}, fmt.Errorf("%w: s = %s", ErrOutOfRange, s)
	}
	var sw, ww fr.Element
	b := s.BytesBE()
	sw.SetBytes(b[:])
	ww.Inverse(&sw)
	wb := ww.Bytes()
	w := felt.FromBytesBEReduce(wb[:]) // w < Order < p
	if r.IsZero() || !below2to251(r) {
		return felt.Felt{}, fmt.Errorf("%w: r = %s", ErrOutOfRange, r)
	}
	if w.IsZero() || !below2to251(w) {
		return felt.Felt{}, fmt.Errorf("%w: w = %s", ErrOutOfRange, w)
	}
	if !below2to251(msgHash) {
		return felt.Felt{}, fmt.Errorf("%w: msg_hash = %s", ErrOutOfRange, msgHash)
	}
	return w, nil
}

// Verify reports whether (r, s) is a valid signature of msgHash for the
// public key whose x coordinate is pubKeyX, as cairo-lang's
// signature.verify(msg_hash, r, s, public_key) with an int public key. It is
// false both where cairo-lang returns False and where it raises (see
// VerifyChecked).
func Verify(msgHash, r, s, pubKeyX felt.Felt) bool {
	ok, err := VerifyChecked(msgHash, r, s, pubKeyX)
	return ok && err == nil
}

// VerifyChecked is Verify, but returns an error wrapping ErrOutOfRange where
// cairo-lang's verify raises an AssertionError: s not in [1, Order), r or
// w = s^-1 mod Order not in [1, 2^251), or msgHash >= 2^251. Otherwise it
// returns whether the signature is valid; that is false, not an error, for a
// pubKeyX off the curve, a zero msgHash, and when the AIR-like evaluation
// meets two points with the same x coordinate.
func VerifyChecked(msgHash, r, s, pubKeyX felt.Felt) (bool, error) {
	w, err := checkRanges(msgHash, r, s)
	if err != nil {
		return false, err
	}
	y, err := RecoverY(pubKeyX)
	if err != nil {
		return false, nil
	}
	zG, ok := mulGeneratorFromMinusShift(msgHash)
	if !ok {
		return false, nil
	}
	if verifyPoint(r, w, &zG, Point{pubKeyX, y}) {
		return true, nil
	}
	return verifyPoint(r, w, &zG, Point{pubKeyX, y.Neg()}), nil
}

// VerifyPoint is cairo-lang's verify with the public key given as a point.
// A point off the curve is an error (cairo-lang asserts it), as are the
// range failures of VerifyChecked.
func VerifyPoint(msgHash, r, s felt.Felt, pubKey Point) (bool, error) {
	w, err := checkRanges(msgHash, r, s)
	if err != nil {
		return false, err
	}
	if !IsOnCurve(pubKey) {
		return false, fmt.Errorf("%w: public key (%s, %s)", ErrNotOnCurve, pubKey.X, pubKey.Y)
	}
	zG, ok := mulGeneratorFromMinusShift(msgHash)
	if !ok {
		return false, nil
	}
	return verifyPoint(r, w, &zG, pubKey), nil
}

// verifyPoint finishes verify for one public key point: with
// zG = -shift + z*G, it checks x(w*(zG + (shift + r*Q)) + shift - shift) == r.
func verifyPoint(r, w felt.Felt, zG *jac, q Point) bool {
	rQ, ok := mimicMul(r, toJac(q), toJac(ShiftPoint))
	if !ok {
		return false
	}
	// B = ec_add(zG, rQ)
	same, u1, u2 := sameX(zG, &rQ)
	if same {
		return false
	}
	b := *zG
	b.addU(&rQ, &u1, &u2)
	wB, ok := mimicMul(w, b, toJac(ShiftPoint))
	if !ok {
		return false
	}
	// x = ec_add(wB, -shift).x
	minusShift := Neg(ShiftPoint)
	same, u2s := sameXAffine(&wB, &minusShift)
	if same {
		return false
	}
	wB.addAffineU(&minusShift, &u2s)
	return wB.affine().X == r
}

// mimicMul is signature.mimic_ec_mult_air: shift + m*point by 251 rounds of
// double-and-add, failing if 0 < m < 2^251 does not hold or if the partial
// sum and the doubled point ever share an x coordinate.
func mimicMul(m felt.Felt, point, shift jac) (jac, bool) {
	if m.IsZero() || !below2to251(m) {
		return jac{}, false
	}
	bits := m.Bits()
	sum := shift
	for i := range ElementBitsECDSA {
		same, u1, u2 := sameX(&sum, &point)
		if same {
			return jac{}, false
		}
		if bits[i/64]>>(i%64)&1 == 1 {
			sum.addU(&point, &u1, &u2)
		}
		if point.y.IsZero() {
			return jac{}, false
		}
		point.double()
	}
	return sum, true
}

// generatorPowers[i] = 2^i * Generator (affine), for the z*G product.
var (
	generatorPowersOnce sync.Once
	generatorPowers     [ElementBitsECDSA]Point
)

func initGeneratorPowers() {
	d := toJac(Generator)
	pts := make([]jac, ElementBitsECDSA)
	for i := range pts {
		pts[i] = d
		d.double()
	}
	for i := range pts { // 251 inversions, once

		generatorPowers[i] = pts[i].affine()
	}
}

// mulGeneratorFromMinusShift is mimic_ec_mult_air(z, EC_GEN, MINUS_SHIFT_POINT)
// with the doublings of the generator precomputed.
func mulGeneratorFromMinusShift(z felt.Felt) (jac, bool) {
	if z.IsZero() || !below2to251(z) {
		return jac{}, false
	}
	generatorPowersOnce.Do(initGeneratorPowers)
	bits := z.Bits()
	sum := toJac(Neg(ShiftPoint))
	for i := range ElementBitsECDSA {
		g := &generatorPowers[i]
		same, u2 := sameXAffine(&sum, g)
		if same {
			return jac{}, false
		}
		if bits[i/64]>>(i%64)&1 == 1 {
			sum.addAffineU(g, &u2)
		}
		// 2^i * G never has y = 0 (the group has odd order).
	}
	return sum, true
}
