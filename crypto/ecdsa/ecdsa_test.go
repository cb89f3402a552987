package ecdsa

import (
	"errors"
	"testing"

	"github.com/cairn-vm/cairn/crypto/internal/vectors"
	"github.com/cairn-vm/cairn/felt"
)

type verifyFile struct {
	CairoLang string `json:"cairo_lang"`
	Verify    []struct {
		Kind          string
		Msg, R, S     string
		PubX          string `json:"pub_x"`
		Valid, Raises bool
	} `json:"verify"`
	Mimic []struct {
		Kind         string
		M            string
		Point, Shift []string
		Out          []string
		Error        *string
	} `json:"mimic_ec_mult_air"`
}

func point(tb testing.TB, xy []string) Point {
	tb.Helper()
	if len(xy) != 2 {
		tb.Fatalf("bad point %v", xy)
	}
	return Point{vectors.Felt(tb, xy[0]), vectors.Felt(tb, xy[1])}
}

func TestVerifyVectors(t *testing.T) {
	var v verifyFile
	vectors.Load(t, "testdata/verify.json", &v)
	kinds := map[string]int{}
	for i, tc := range v.Verify {
		msg, r, s, pub := vectors.Felt(t, tc.Msg), vectors.Felt(t, tc.R), vectors.Felt(t, tc.S), vectors.Felt(t, tc.PubX)
		ok, err := VerifyChecked(msg, r, s, pub)
		if tc.Raises {
			if !errors.Is(err, ErrOutOfRange) {
				t.Errorf("vector %d (%s): VerifyChecked = %v, %v; cairo-lang raises", i, tc.Kind, ok, err)
			}
		} else if err != nil || ok != tc.Valid {
			t.Errorf("vector %d (%s): VerifyChecked = %v, %v; cairo-lang returns %v", i, tc.Kind, ok, err, tc.Valid)
		}
		if got := Verify(msg, r, s, pub); got != (tc.Valid && !tc.Raises) {
			t.Errorf("vector %d (%s): Verify = %v", i, tc.Kind, got)
		}
		kinds[tc.Kind]++
	}
	t.Logf("%d verify vectors from cairo-lang %s: %v", len(v.Verify), v.CairoLang, kinds)
}

func TestVerifyPoint(t *testing.T) {
	var v verifyFile
	vectors.Load(t, "testdata/verify.json", &v)
	n := 0
	for i, tc := range v.Verify {
		if tc.Kind != "valid" || n == 20 {
			continue
		}
		n++
		msg, r, s, x := vectors.Felt(t, tc.Msg), vectors.Felt(t, tc.R), vectors.Felt(t, tc.S), vectors.Felt(t, tc.PubX)
		y, err := RecoverY(x)
		if err != nil {
			t.Fatal(err)
		}
		a, err1 := VerifyPoint(msg, r, s, Point{x, y})
		b, err2 := VerifyPoint(msg, r, s, Point{x, y.Neg()})
		if err1 != nil || err2 != nil || a == b {
			t.Errorf("vector %d: exactly one of the two key points must verify: %v %v %v %v", i, a, err1, b, err2)
		}
		if _, err := VerifyPoint(msg, r, s, Point{x, y.Add(felt.One())}); !errors.Is(err, ErrNotOnCurve) {
			t.Errorf("off-curve key point: err = %v", err)
		}
	}
}

func TestMimicVectors(t *testing.T) {
	var v verifyFile
	vectors.Load(t, "testdata/verify.json", &v)
	for i, tc := range v.Mimic {
		got, ok := mimicMul(vectors.Felt(t, tc.M), toJac(point(t, tc.Point)), toJac(point(t, tc.Shift)))
		if tc.Error != nil {
			if ok {
				t.Errorf("mimic vector %d (%s): succeeded, cairo-lang asserts", i, tc.Kind)
			}
			continue
		}
		if !ok {
			t.Errorf("mimic vector %d (%s): failed, cairo-lang succeeds", i, tc.Kind)
			continue
		}
		if a := got.affine(); a != point(t, tc.Out) {
			t.Errorf("mimic vector %d (%s): got %v, want %v", i, tc.Kind, a, tc.Out)
		}
	}
	// The precomputed-generator variant agrees with the generic one.
	for i, tc := range v.Mimic {
		if tc.Kind != "random" {
			continue
		}
		m := vectors.Felt(t, tc.M)
		a, ok1 := mulGeneratorFromMinusShift(m)
		b, ok2 := mimicMul(m, toJac(Generator), toJac(Neg(ShiftPoint)))
		if ok1 != ok2 || a.affine() != b.affine() {
			t.Errorf("vector %d: z*G paths disagree", i)
		}
	}
	t.Logf("%d mimic_ec_mult_air vectors", len(v.Mimic))
}

func BenchmarkVerify(b *testing.B) {
	var v verifyFile
	vectors.Load(b, "testdata/verify.json", &v)
	tc := v.Verify[0]
	msg, r, s, pub := vectors.Felt(b, tc.Msg), vectors.Felt(b, tc.R), vectors.Felt(b, tc.S), vectors.Felt(b, tc.PubX)
	if !Verify(msg, r, s, pub) {
		b.Fatal("vector 0 does not verify")
	}
	for b.Loop() {
		Verify(msg, r, s, pub)
	}
}

// An invalid signature tries both y coordinates: the worst case.
func BenchmarkVerifyInvalid(b *testing.B) {
	var v verifyFile
	vectors.Load(b, "testdata/verify.json", &v)
	tc := v.Verify[0]
	msg, r, s, pub := vectors.Felt(b, tc.Msg), vectors.Felt(b, tc.R), vectors.Felt(b, tc.S), vectors.Felt(b, tc.PubX)
	msg = msg.Add(felt.One())
	for b.Loop() {
		Verify(msg, r, s, pub)
	}
}
