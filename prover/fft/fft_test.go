package fft

import (
	"errors"
	"math/big"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"
)

func randVec(r *rand.Rand, n int) []fp.Element {
	v := make([]fp.Element, n)
	for i := range v {
		v[i].SetUint64(r.Uint64())
		var hi fp.Element
		hi.SetUint64(r.Uint64())
		v[i].Mul(&v[i], &hi)
		v[i].Add(&v[i], &hi)
	}
	return v
}

// horner evaluates sum c_i x^i directly.
func horner(c []fp.Element, x fp.Element) fp.Element {
	var r fp.Element
	for i := len(c) - 1; i >= 0; i-- {
		r.Mul(&r, &x)
		r.Add(&r, &c[i])
	}
	return r
}

func bitrev(i, logN int) int {
	r := 0
	for k := 0; k < logN; k++ {
		r = r<<1 | (i>>k)&1
	}
	return r
}

func TestGeneratorOrder(t *testing.T) {
	minusOne := fp.One()
	minusOne.Neg(&minusOne)
	for _, k := range []int{1, 2, 14, 20, 63, 64, 65, 100, 192} {
		g := Generator(k)
		x := g
		for i := 1; i < k; i++ {
			x.Square(&x)
		}
		// x = g^(2^(k-1)) must be -1: g has order exactly 2^k.
		if !x.Equal(&minusOne) {
			t.Fatalf("G_%d^(2^%d) != -1", k, k-1)
		}
	}
	// Stone's generator is 3^((p-1)/2^k) by definition; check one directly.
	e := new(big.Int).Sub(fp.Modulus(), big.NewInt(1))
	e.Rsh(e, 4)
	var three, want fp.Element
	three.SetUint64(3)
	want.Exp(three, e)
	if g := Generator(4); !g.Equal(&want) {
		t.Fatal("G_4 differs from 3^((p-1)/16)")
	}
}

func TestFFTAgainstNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for logN := 0; logN <= 9; logN++ {
		d, err := NewDomain(logN)
		if err != nil {
			t.Fatal(err)
		}
		c := randVec(r, d.N)
		a := append([]fp.Element(nil), c...)
		if err := d.FFT(a); err != nil {
			t.Fatal(err)
		}
		nat := append([]fp.Element(nil), c...)
		if err := d.FFTNatural(nat); err != nil {
			t.Fatal(err)
		}
		var off fp.Element
		off.SetUint64(3)
		cos := make([]fp.Element, d.N)
		if err := d.EvaluateCoset(c, off, cos, true); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < d.N; i++ {
			x := d.At(uint64(bitrev(i, logN)))
			if want := horner(c, x); !a[i].Equal(&want) {
				t.Fatalf("N=%d: FFT[%d] wrong", d.N, i)
			}
			x = d.At(uint64(i))
			if want := horner(c, x); !nat[i].Equal(&want) {
				t.Fatalf("N=%d: FFTNatural[%d] wrong", d.N, i)
			}
			x = d.At(uint64(bitrev(i, logN)))
			x.Mul(&x, &off)
			if want := horner(c, x); !cos[i].Equal(&want) {
				t.Fatalf("N=%d: coset[%d] wrong", d.N, i)
			}
		}
	}
}

func TestInterpolateRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	// 2^15 passes through the recursive and the parallel paths.
	for _, logN := range []int{0, 1, 5, 11, 12, 15} {
		d, err := NewDomain(logN)
		if err != nil {
			t.Fatal(err)
		}
		c := randVec(r, d.N)
		a := append([]fp.Element(nil), c...)
		if err := d.FFTNatural(a); err != nil {
			t.Fatal(err)
		}
		// Spot-check the evaluations of the big sizes directly.
		for _, i := range []int{0, d.N / 3, d.N - 1} {
			if want := horner(c, d.At(uint64(i))); !a[i].Equal(&want) {
				t.Fatalf("N=%d: value %d wrong", d.N, i)
			}
		}
		if err := d.Interpolate(a); err != nil {
			t.Fatal(err)
		}
		for i := range c {
			if !a[i].Equal(&c[i]) {
				t.Fatalf("N=%d: coefficient %d not recovered", d.N, i)
			}
		}
		b := append([]fp.Element(nil), c...)
		if err := d.FFT(b); err != nil {
			t.Fatal(err)
		}
		if err := d.InterpolateBitReversed(b); err != nil {
			t.Fatal(err)
		}
		for i := range c {
			if !b[i].Equal(&c[i]) {
				t.Fatalf("N=%d: bit-reversed: coefficient %d not recovered", d.N, i)
			}
		}
	}
}

func TestParallelEqualsSequential(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	d, err := NewDomain(16)
	if err != nil {
		t.Fatal(err)
	}
	c := randVec(r, d.N)
	par := append([]fp.Element(nil), c...)
	prev := runtime.GOMAXPROCS(4)
	err = d.FFT(par)
	runtime.GOMAXPROCS(1)
	seq := append([]fp.Element(nil), c...)
	err2 := d.FFT(seq)
	runtime.GOMAXPROCS(prev)
	if err != nil || err2 != nil {
		t.Fatal(err, err2)
	}
	for i := range par {
		if !par[i].Equal(&seq[i]) {
			t.Fatalf("index %d differs", i)
		}
	}
	if want := horner(c, d.At(uint64(bitrev(12345, 16)))); !par[12345].Equal(&want) {
		t.Fatal("value 12345 wrong")
	}
}

func TestSizeErrors(t *testing.T) {
	if _, err := NewDomain(-1); !errors.Is(err, ErrSize) {
		t.Fatalf("got %v", err)
	}
	if _, err := NewDomain(MaxLogSize + 1); !errors.Is(err, ErrSize) {
		t.Fatalf("got %v", err)
	}
	d, _ := NewDomain(3)
	if err := d.FFT(make([]fp.Element, 4)); !errors.Is(err, ErrSize) {
		t.Fatalf("got %v", err)
	}
	if err := d.EvaluateCoset(make([]fp.Element, 8), fp.One(), make([]fp.Element, 7), true); !errors.Is(err, ErrSize) {
		t.Fatalf("got %v", err)
	}
}

func benchFFT(b *testing.B, logN int) {
	d, err := NewDomain(logN)
	if err != nil {
		b.Fatal(err)
	}
	a := randVec(rand.New(rand.NewPCG(7, 8)), d.N)
	b.SetBytes(int64(32 * d.N))
	b.ResetTimer()
	for b.Loop() {
		if err := d.FFT(a); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFFT16(b *testing.B) { benchFFT(b, 16) }
func BenchmarkFFT18(b *testing.B) { benchFFT(b, 18) }
func BenchmarkFFT20(b *testing.B) { benchFFT(b, 20) }

func BenchmarkCoset16(b *testing.B) {
	d, _ := NewDomain(16)
	c := randVec(rand.New(rand.NewPCG(9, 10)), d.N)
	out := make([]fp.Element, d.N)
	var off fp.Element
	off.SetUint64(3)
	for b.Loop() {
		if err := d.EvaluateCoset(c, off, out, true); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLeafEqualsScalar checks the transform (leaf blocks with their
// transposed last stages, recursion, parallel halves) against the plain
// iterative one for every size up to 2^16, and spot-checks the values.
func TestLeafEqualsScalar(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for logN := 0; logN <= 16; logN++ {
		d, err := NewDomain(logN)
		if err != nil {
			t.Fatal(err)
		}
		c := randVec(r, d.N)
		got := append([]fp.Element(nil), c...)
		if err := d.FFT(got); err != nil {
			t.Fatal(err)
		}
		want := append([]fp.Element(nil), c...)
		difScalar(want, d.tw, logN)
		for i := range want {
			if !got[i].Equal(&want[i]) {
				t.Fatalf("N=2^%d: value %d differs from the scalar transform", logN, i)
			}
		}
		for _, i := range []int{0, 1, d.N / 2, d.N - 1} {
			if i >= d.N {
				continue
			}
			if w := horner(c, d.At(uint64(bitrev(i, logN)))); !got[i].Equal(&w) {
				t.Fatalf("N=2^%d: value %d wrong", logN, i)
			}
		}
	}
}

// BenchmarkLeaf11 is one leaf block (2^11, the in-cache part of every
// large transform).
func BenchmarkLeaf11(b *testing.B) {
	d, _ := NewDomain(11)
	a := randVec(rand.New(rand.NewPCG(7, 8)), d.N)
	s := new(scratch)
	for b.Loop() {
		difLeaf(a, d.tw, 11, s)
	}
}

// TestPowers checks Powers against repeated multiplication for lengths
// around its run length and the parallel threshold.
func TestPowers(t *testing.T) {
	var x fp.Element
	x.SetUint64(0x1234567)
	for _, n := range []int{0, 1, 255, 256, 257, 600, 1 << 12, 1<<12 + 3, 1 << 15} {
		got := Powers(x, n)
		want := fp.One()
		for i := range n {
			if !got[i].Equal(&want) {
				t.Fatalf("n=%d: power %d wrong", n, i)
			}
			want.Mul(&want, &x)
		}
	}
}
