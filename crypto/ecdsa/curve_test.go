package ecdsa

import (
	"encoding/hex"
	"errors"
	"math/big"
	"testing"

	starkcurve "github.com/consensys/gnark-crypto/ecc/stark-curve"
	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"
	"github.com/consensys/gnark-crypto/ecc/stark-curve/fr"

	"github.com/cairn-vm/cairn/crypto/internal/vectors"
	"github.com/cairn-vm/cairn/felt"
)

type mathUtilsFile struct {
	ECAdd []struct {
		P, Q, Out []string
		Error     *string
	} `json:"ec_add"`
	ECDouble []struct {
		P, Out []string
		Error  *string
	} `json:"ec_double"`
	ECSafeAdd []struct {
		P, Q, Out []string // nil = EC_INFINITY
	} `json:"ec_safe_add"`
	ECSafeMult []struct {
		M      string
		P, Out []string
	} `json:"ec_safe_mult"`
	RecoverY []struct {
		X string
		Y *string
	} `json:"recover_y"`
	RandomECPoint []struct {
		Seed string
		XRaw string `json:"x_raw"`
		Y    string
	} `json:"random_ec_point"`
}

func pointOrInf(tb testing.TB, xy []string) Point {
	if xy == nil {
		return Infinity
	}
	return point(tb, xy)
}

func TestCurveConstants(t *testing.T) {
	if Alpha != felt.One() {
		t.Fatal("the Jacobian doubling assumes Alpha = 1")
	}
	a, b := starkcurve.CurveCoefficients()
	if felt.Felt(a) != Alpha || felt.Felt(b) != Beta {
		t.Error("curve coefficients differ from gnark-crypto's stark curve")
	}
	_, g := starkcurve.Generators()
	if (Point{felt.Felt(g.X), felt.Felt(g.Y)}) != Generator {
		t.Error("generator differs from gnark-crypto's")
	}
	if Order().Cmp(fr.Modulus()) != 0 {
		t.Error("order differs from gnark-crypto's fr modulus")
	}
	for _, p := range []Point{Generator, ShiftPoint} {
		if !IsOnCurve(p) {
			t.Errorf("%v is not on the curve", p)
		}
	}
	if IsOnCurve(Infinity) {
		t.Error("(0, 0) must not be on the curve")
	}
	if got := orderLimbs; new(big.Int).SetBits([]big.Word{big.Word(got[0]), big.Word(got[1]), big.Word(got[2]), big.Word(got[3])}).Cmp(Order()) != 0 {
		t.Error("orderLimbs")
	}
}

func TestMathUtilsVectors(t *testing.T) {
	var v mathUtilsFile
	vectors.Load(t, "testdata/math_utils.json", &v)
	for i, tc := range v.ECAdd {
		got, err := Add(point(t, tc.P), point(t, tc.Q))
		if tc.Error != nil {
			if !errors.Is(err, ErrSameX) {
				t.Errorf("ec_add %d: %v, %v; want ErrSameX", i, got, err)
			}
		} else if err != nil || got != point(t, tc.Out) {
			t.Errorf("ec_add %d: %v, %v; want %v", i, got, err, tc.Out)
		}
	}
	for i, tc := range v.ECDouble {
		got, err := Double(point(t, tc.P))
		if tc.Error != nil {
			if !errors.Is(err, ErrZeroY) {
				t.Errorf("ec_double %d: %v, %v; want ErrZeroY", i, got, err)
			}
		} else if err != nil || got != point(t, tc.Out) {
			t.Errorf("ec_double %d: %v, %v; want %v", i, got, err, tc.Out)
		}
	}
	for i, tc := range v.ECSafeAdd {
		got, err := SafeAdd(pointOrInf(t, tc.P), pointOrInf(t, tc.Q))
		if err != nil || got != pointOrInf(t, tc.Out) {
			t.Errorf("ec_safe_add %d: %v, %v; want %v", i, got, err, tc.Out)
		}
	}
	for i, tc := range v.ECSafeMult {
		got, err := SafeMul(vectors.Big(t, tc.M), point(t, tc.P))
		if err != nil || got != pointOrInf(t, tc.Out) {
			t.Errorf("ec_safe_mult %d (m = %s): %v, %v; want %v", i, tc.M, got, err, tc.Out)
		}
	}
	for i, tc := range v.RecoverY {
		y, err := RecoverY(vectors.Felt(t, tc.X))
		if tc.Y == nil {
			if !errors.Is(err, ErrNotOnCurve) {
				t.Errorf("recover_y %d: %v, %v; want ErrNotOnCurve", i, y, err)
			}
		} else if err != nil || y != vectors.Felt(t, *tc.Y) {
			t.Errorf("recover_y %d: %v, %v; want %s", i, y, err, *tc.Y)
		}
	}
	for i, tc := range v.RandomECPoint {
		seed, err := hex.DecodeString(tc.Seed)
		if err != nil {
			t.Fatal(err)
		}
		got, err := RandomPoint(seed)
		want := Point{felt.FromBigInt(vectors.Big(t, tc.XRaw)), vectors.Felt(t, tc.Y)}
		if err != nil || got != want {
			t.Errorf("random_ec_point %d: %v, %v; want %v", i, got, err, want)
		}
	}
	t.Logf("ec_add %d, ec_double %d, ec_safe_add %d, ec_safe_mult %d, recover_y %d, random_ec_point %d vectors",
		len(v.ECAdd), len(v.ECDouble), len(v.ECSafeAdd), len(v.ECSafeMult), len(v.RecoverY), len(v.RandomECPoint))
}

// The Jacobian formulas give the affine ones' results, on and off the curve.
func TestJacobianMatchesAffine(t *testing.T) {
	pts := []Point{Generator, ShiftPoint, {felt.FromUint64(5), felt.FromUint64(7)}, {felt.FromInt64(-3), felt.FromUint64(11)}}
	for _, a := range pts {
		for _, b := range pts {
			if a.X == b.X {
				continue
			}
			ja, jb := toJac(a), toJac(b)
			ja.double() // exercise Z != 1
			jb.double()
			jb.double()
			aa, _ := Double(a)
			bb, _ := Double(b)
			bb, _ = Double(bb)
			want, err := Add(aa, bb)
			same, u1, u2 := sameX(&ja, &jb)
			if (err != nil) != same {
				t.Fatalf("sameX disagrees")
			}
			if err != nil {
				continue
			}
			ja.addU(&jb, &u1, &u2)
			if got := ja.affine(); got != want {
				t.Errorf("addU: %v, want %v", got, want)
			}
			jc := toJac(aa)
			jc.double()
			a4, _ := Double(aa)
			s, u := sameXAffine(&jc, &b)
			if s != (a4.X == b.X) {
				t.Fatal("sameXAffine disagrees")
			}
			if !s {
				jc.addAffineU(&b, &u)
				w, _ := Add(a4, b)
				if got := jc.affine(); got != w {
					t.Errorf("addAffineU: %v, want %v", got, w)
				}
			}
		}
	}
	_ = fp.Element{}
}
