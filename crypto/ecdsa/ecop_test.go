package ecdsa

import (
	"errors"
	"strings"
	"testing"

	"github.com/cairn-vm/cairn/crypto/internal/vectors"
	"github.com/cairn-vm/cairn/felt"
)

type ecopFile struct {
	CairoLang string `json:"cairo_lang"`
	ECOp      []struct {
		Kind  string
		P, Q  []string
		M     string
		Out   []string
		Error *string
	} `json:"ec_op"`
}

func TestECOpVectors(t *testing.T) {
	var v ecopFile
	vectors.Load(t, "testdata/ec_op.json", &v)
	fails := 0
	for i, tc := range v.ECOp {
		p, q, m := point(t, tc.P), point(t, tc.Q), vectors.Felt(t, tc.M)
		got, err := ECOp(p, q, m)
		if tc.Error != nil {
			fails++
			want := map[string]error{"same_x": ErrSameX, "zero_y": ErrZeroY}[*tc.Error]
			var opErr *ECOpError
			if want == nil || !errors.Is(err, want) || !errors.As(err, &opErr) {
				t.Errorf("vector %d (%s): ECOp = %v, %v; cairo-lang fails with %s", i, tc.Kind, got, err, *tc.Error)
			}
			continue
		}
		if err != nil {
			t.Errorf("vector %d (%s): ECOp failed: %v", i, tc.Kind, err)
			continue
		}
		if want := point(t, tc.Out); got != want {
			t.Errorf("vector %d (%s): ECOp = %v, want %v", i, tc.Kind, got, want)
		}
	}
	t.Logf("%d ec_op_impl vectors (%d failing) from cairo-lang %s", len(v.ECOp), fails, v.CairoLang)
}

func TestECOpErrorMessage(t *testing.T) {
	_, err := ECOp(Generator, Generator, felt.FromUint64(5))
	var e *ECOpError
	if !errors.As(err, &e) || e.Round != 0 {
		t.Fatalf("err = %v", err)
	}
	if !strings.HasPrefix(err.Error(), "Cannot apply EC operation: computation reached two points with the same x coordinate.") {
		t.Errorf("message %q", err.Error())
	}
}

// For points on the curve, a successful ECOp is the group law's p + m*q.
func TestECOpMatchesGroupLaw(t *testing.T) {
	q := Generator
	p, _ := Double(Generator)
	p, _ = Double(p) // 4G
	m := felt.FromUint64(1<<40 + 12345)
	got, err := ECOp(p, q, m)
	if err != nil {
		t.Fatal(err)
	}
	mq, err := SafeMul(m.BigInt(), q)
	if err != nil {
		t.Fatal(err)
	}
	want, err := SafeAdd(p, mq)
	if err != nil || got != want {
		t.Errorf("ECOp = %v, want %v (%v)", got, want, err)
	}
}

func BenchmarkECOp(b *testing.B) {
	p, _ := Double(Generator)
	m, _ := felt.SetString("0x7123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde")
	for b.Loop() {
		if _, err := ECOp(p, ShiftPoint, m); err != nil {
			b.Fatal(err)
		}
	}
}
