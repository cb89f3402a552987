// Package ecdsa implements STARK-curve ECDSA signature verification and the
// elliptic-curve helpers the ec_op builtin and EC hints need, with cairo-lang
// 0.14's exact semantics, including where cairo-lang fails.
//
// The curve is y^2 = x^3 + Alpha*x + Beta over the Cairo field, with prime
// order Order and generator Generator (starkware/crypto/signature).
//
// Verify is starkware/crypto/signature/signature.py verify with the public
// key given by its x coordinate: s must be in [1, Order), r, w = s^-1 mod
// Order and the message hash in [1, 2^251) resp. [0, 2^251); both candidate y
// coordinates are tried; and the check
//
//	x(w*(z*G + r*Q)) == r
//
// is evaluated step by step like the AIR (mimic_ec_mult_air): every scalar
// multiplication starts from a shift point and fails (making the signature
// invalid) as soon as the running sum and the doubled point have the same x,
// and a zero message hash makes it fail too. VerifyChecked reports the cases
// where cairo-lang raises instead of returning False.
//
// ECOp is the ec_op builtin's ec_op_impl: P + m*Q by 256 rounds of
// double-and-add from P, failing if at any round (whether or not m's bit is
// set) the partial sum and the doubled point share an x coordinate, or a
// doubled point has y = 0.
//
// Add, Double, SafeAdd, SafeMul, RecoverY and RandomPoint are the affine
// helpers of starkware/python/math_utils.py (ec_add, ec_double,
// ec_safe_add, ec_safe_mult, recover_y, random_ec_point) for this curve.
//
// Internally the long computations use Jacobian coordinates; the formulas are
// the affine ones rewritten (they never use the curve equation), so they
// return exactly the affine results, and the failure conditions are tested in
// projective form (X1*Z2^2 == X2*Z1^2, Y == 0).
package ecdsa
