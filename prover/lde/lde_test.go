package lde

import (
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/stark/fri"
)

func horner(c []fp.Element, x fp.Element) fp.Element {
	var r fp.Element
	for i := len(c) - 1; i >= 0; i-- {
		r.Mul(&r, &x)
		r.Add(&r, &c[i])
	}
	return r
}

// TestEvaluationDomain checks every extended value against the direct
// evaluation at the point the verifier assigns to that row: 3 times
// element i of the bit-reversed domain of order N·n_cosets (stark/fri).
func TestEvaluationDomain(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct{ logN, logCosets, cols int }{{4, 2, 3}, {6, 4, 1}, {0, 1, 1}, {3, 0, 2}} {
		n := 1 << tc.logN
		cols := make([][]fp.Element, tc.cols)
		for c := range cols {
			cols[c] = make([]fp.Element, n)
			for i := range cols[c] {
				cols[c][i].SetUint64(r.Uint64())
			}
		}
		l, err := New(cols, tc.logCosets)
		if err != nil {
			t.Fatal(err)
		}
		dom := fri.NewDomain(tc.logN + tc.logCosets)
		trace := fri.NewDomain(tc.logN)
		var three fp.Element
		three.SetUint64(3)
		for c := range cols {
			for i := 0; i < n; i++ {
				// The coefficients interpolate the column on <g>, natural order.
				x := trace.At(0, fri.BitReverse(uint64(i), tc.logN))
				if got := horner(l.Coeffs[c], x); !got.Equal(&cols[c][i]) {
					t.Fatalf("%v: column %d row %d not interpolated", tc, c, i)
				}
			}
		}
		buf := l.NewBuffer()
		for co := 0; co < l.NCosets(); co++ {
			if err := l.Coset(co, buf); err != nil {
				t.Fatal(err)
			}
			for c := range cols {
				for j := range buf[c] {
					i := uint64(co*n + j)
					x := dom.At(0, i)
					x.Mul(&x, &three)
					if want := horner(l.Coeffs[c], x); !buf[c][j].Equal(&want) {
						t.Fatalf("%v: column %d LDE row %d wrong", tc, c, i)
					}
					if p := l.Point(i); !p.Equal(&x) {
						t.Fatalf("%v: point of row %d wrong", tc, i)
					}
					if i%7 == 0 {
						if r := l.Row(i); !r[c].Equal(&buf[c][j]) {
							t.Fatalf("%v: Row(%d) wrong", tc, i)
						}
					}
				}
			}
		}
	}
}

// TestRows: the batched evaluation equals the one-row evaluation.
func TestRows(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	cols := make([][]fp.Element, 3)
	for c := range cols {
		cols[c] = make([]fp.Element, 64)
		for i := range cols[c] {
			cols[c][i].SetUint64(r.Uint64())
		}
	}
	l, err := New(cols, 3)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []int{1, 5, 8, 19} {
		rs := make([]uint64, m)
		for i := range rs {
			rs[i] = r.Uint64N(l.NRows())
		}
		got := l.Rows(rs)
		for i, row := range rs {
			want := l.Row(row)
			for c := range want {
				if !got[i][c].Equal(&want[c]) {
					t.Fatalf("%d points: row %d column %d differs", m, row, c)
				}
			}
		}
	}
}

func TestShapeErrors(t *testing.T) {
	for _, cols := range [][][]fp.Element{nil, {make([]fp.Element, 3)}, {make([]fp.Element, 4), make([]fp.Element, 2)}} {
		if _, err := New(cols, 1); !errors.Is(err, ErrShape) {
			t.Fatalf("got %v", err)
		}
	}
	if _, err := New([][]fp.Element{make([]fp.Element, 4)}, -1); !errors.Is(err, ErrShape) {
		t.Fatal("negative cosets accepted")
	}
}
