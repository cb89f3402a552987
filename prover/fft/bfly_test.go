package fft

import (
	"math/rand/v2"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"
)

// edgeElements are 0, 1, 2, p-1, p-2 and values with all limbs high.
func edgeElements() []fp.Element {
	var out []fp.Element
	for _, v := range []int64{0, 1, 2, -1, -2, 1 << 62, -(1 << 62)} {
		var e fp.Element
		if v < 0 {
			e.SetUint64(uint64(-v))
			e.Neg(&e)
		} else {
			e.SetUint64(uint64(v))
		}
		out = append(out, e)
	}
	// canonical elements with large limbs (Montgomery form is not the value)
	var m fp.Element
	m.SetOne()
	m.Neg(&m)
	out = append(out, fp.Element{^uint64(0), ^uint64(0), ^uint64(0), m[3] >> 1})
	return out
}

// TestBflyIFMAEqualsScalar checks both kernels against fp's scalar
// arithmetic on random elements and every pairing of the edge values,
// x, y and t each running over them.
func TestBflyIFMAEqualsScalar(t *testing.T) {
	if !haveIFMA {
		t.Skip("no AVX-512 IFMA")
	}
	r := rand.New(rand.NewPCG(21, 22))
	edge := edgeElements()
	var xs, ys, ts []fp.Element
	for _, a := range edge {
		for _, b := range edge {
			for _, c := range edge {
				xs, ys, ts = append(xs, a), append(ys, b), append(ts, c)
			}
		}
	}
	xs, ys, ts = append(xs, randVec(r, 4096)...), append(ys, randVec(r, 4096)...), append(ts, randVec(r, 4096)...)
	n := len(xs) / 8 * 8
	xs, ys, ts = xs[:n], ys[:n], ts[:n]
	wantX, wantY := make([]fp.Element, n), make([]fp.Element, n)
	for i := range n {
		wantX[i].Add(&xs[i], &ys[i])
		wantY[i].Sub(&xs[i], &ys[i])
		wantY[i].Mul(&wantY[i], &ts[i])
	}
	gx, gy := append([]fp.Element(nil), xs...), append([]fp.Element(nil), ys...)
	bflyIFMA(&gx[0], &gy[0], &ts[0], uint64(n/8))
	for i := range n {
		if gx[i] != wantX[i] || gy[i] != wantY[i] {
			t.Fatalf("element %d (x %v, y %v, t %v): got (%v, %v), want (%v, %v)", i,
				xs[i].String(), ys[i].String(), ts[i].String(), gx[i].String(), gy[i].String(), wantX[i].String(), wantY[i].String())
		}
	}
	for _, c := range append(edge, ts[len(ts)-1]) {
		gx, gy := append([]fp.Element(nil), xs...), append([]fp.Element(nil), ys...)
		bflyIFMAConst(&gx[0], &gy[0], &c, uint64(n/8))
		for i := range n {
			var w fp.Element
			w.Sub(&xs[i], &ys[i])
			w.Mul(&w, &c)
			if gx[i] != wantX[i] || gy[i] != w {
				t.Fatalf("constant twiddle %v, element %d: got (%v, %v), want (%v, %v)", c.String(), i, gx[i].String(), gy[i].String(), wantX[i].String(), w.String())
			}
		}
	}
}

func BenchmarkButterfly256(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	x, y, t := randVec(r, 256), randVec(r, 256), randVec(r, 256)
	tmp := make([]fp.Element, vecChunk)
	b.Run("vector", func(b *testing.B) {
		for b.Loop() {
			for lo := 0; lo < 256; lo += vecChunk {
				d := fp.Vector(tmp[:256])
				xs, ys := fp.Vector(x), fp.Vector(y)
				d.Sub(xs, ys)
				xs.Add(xs, ys)
				ys.Mul(d, fp.Vector(t))
			}
		}
	})
	if !haveIFMA {
		return
	}
	b.Run("ifma", func(b *testing.B) {
		for b.Loop() {
			bflyIFMA(&x[0], &y[0], &t[0], 32)
		}
	})
	b.Run("ifmaConst", func(b *testing.B) {
		for b.Loop() {
			bflyIFMAConst(&x[0], &y[0], &t[0], 32)
		}
	})
}

// TestAddSubAndMulIFMAEqualScalar checks the twiddle-1 butterfly and the
// multiplication kernel against fp on random and edge values, the
// multiplication also in place.
func TestAddSubAndMulIFMAEqualScalar(t *testing.T) {
	if !haveIFMA {
		t.Skip("no AVX-512 IFMA")
	}
	r := rand.New(rand.NewPCG(23, 24))
	edge := edgeElements()
	var xs, ys []fp.Element
	for _, a := range edge {
		for _, b := range edge {
			xs, ys = append(xs, a), append(ys, b)
		}
	}
	xs, ys = append(xs, randVec(r, 4096)...), append(ys, randVec(r, 4096)...)
	n := len(xs) / 8 * 8
	xs, ys = xs[:n], ys[:n]
	gx, gy := append([]fp.Element(nil), xs...), append([]fp.Element(nil), ys...)
	addSubIFMA(&gx[0], &gy[0], uint64(n/8))
	prod := make([]fp.Element, n)
	mulIFMA(&prod[0], &xs[0], &ys[0], uint64(n/8))
	inPlace := append([]fp.Element(nil), xs...)
	mulIFMA(&inPlace[0], &inPlace[0], &ys[0], uint64(n/8))
	for _, c := range append(edge, ys[n-1]) {
		got := append([]fp.Element(nil), xs...)
		mulIFMAConst(&got[0], &got[0], &c, uint64(n/8))
		for i := range n {
			var p fp.Element
			p.Mul(&xs[i], &c)
			if got[i] != p {
				t.Fatalf("mul by constant %v, %d (%v): got %v, want %v", c.String(), i, xs[i].String(), got[i].String(), p.String())
			}
		}
	}
	for i := range n {
		var s, d, p fp.Element
		s.Add(&xs[i], &ys[i])
		d.Sub(&xs[i], &ys[i])
		p.Mul(&xs[i], &ys[i])
		if gx[i] != s || gy[i] != d {
			t.Fatalf("add/sub %d (%v, %v): got (%v, %v)", i, xs[i].String(), ys[i].String(), gx[i].String(), gy[i].String())
		}
		if prod[i] != p || inPlace[i] != p {
			t.Fatalf("mul %d (%v, %v): got %v / %v, want %v", i, xs[i].String(), ys[i].String(), prod[i].String(), inPlace[i].String(), p.String())
		}
	}
}

func BenchmarkMul256(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	x, y := randVec(r, 256), randVec(r, 256)
	b.Run("gnark", func(b *testing.B) {
		for b.Loop() {
			v := fp.Vector(x)
			v.Mul(v, y)
		}
	})
	if !haveIFMA {
		return
	}
	b.Run("ifma", func(b *testing.B) {
		for b.Loop() {
			mulIFMA(&x[0], &x[0], &y[0], 32)
		}
	})
}

// TestMulAndScalarMul checks the exported products (kernel plus scalar
// tail) against fp for every length up to 40.
func TestMulAndScalarMul(t *testing.T) {
	r := rand.New(rand.NewPCG(25, 26))
	for n := 0; n <= 40; n++ {
		a, b := randVec(r, n), randVec(r, n)
		c := randVec(r, 1)[0]
		got, gotS := make([]fp.Element, n), append([]fp.Element(nil), a...)
		Mul(got, a, b)
		ScalarMul(gotS, gotS, &c)
		for i := range n {
			var w, ws fp.Element
			w.Mul(&a[i], &b[i])
			ws.Mul(&a[i], &c)
			if got[i] != w || gotS[i] != ws {
				t.Fatalf("n=%d: element %d differs", n, i)
			}
		}
	}
}
