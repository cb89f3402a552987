package fft

import (
	"errors"
	"fmt"
	"math/big"
	"math/bits"
	"runtime"
	"sync"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"
)

// MaxLogSize is the largest subgroup order (as a power of two) a Domain
// may have: 2-adicity of p-1 is 192, but a table of 2^40 elements is
// already beyond any machine this runs on.
const MaxLogSize = 40

// ErrSize reports a transform input whose length does not fit the domain.
var ErrSize = errors.New("fft: bad size")

// Generator returns G_k = 3^((p-1)/2^k), the generator of the order-2^k
// subgroup Stone uses for its domains. k must be in [0, 192].
func Generator(k int) fp.Element {
	e := new(big.Int).Sub(fp.Modulus(), big.NewInt(1))
	e.Rsh(e, uint(k))
	var three, g fp.Element
	three.SetUint64(3)
	g.Exp(three, e)
	return g
}

// Domain is the subgroup of order N = 2^LogN with generator G_LogN, with
// the twiddle tables its transforms need.
type Domain struct {
	LogN   int
	N      int
	Gen    fp.Element
	GenInv fp.Element
	// tw[k][j] = r_k^j for j < 2^(k-1), r_k = Gen^(N/2^k) the root of
	// order 2^k: one contiguous table per transform size, so the deep
	// stages read their twiddles sequentially instead of with a stride.
	tw    [][]fp.Element
	twInv [][]fp.Element
	nInv  fp.Element
}

// NewDomain builds the domain of order 2^logN.
func NewDomain(logN int) (*Domain, error) {
	if logN < 0 || logN > MaxLogSize {
		return nil, fmt.Errorf("%w: log size %d not in [0, %d]", ErrSize, logN, MaxLogSize)
	}
	d := &Domain{LogN: logN, N: 1 << logN, Gen: Generator(logN)}
	d.GenInv.Inverse(&d.Gen)
	d.tw = levels(powers(d.Gen, d.N/2), logN)
	d.twInv = levels(powers(d.GenInv, d.N/2), logN)
	d.nInv.SetUint64(uint64(d.N))
	d.nInv.Inverse(&d.nInv)
	return d, nil
}

// powersRun is the run powers fills one multiplication at a time; the
// runs after it are the run before times x^powersRun, one vector
// operation each.
const powersRun = 256

// powers returns x^0 .. x^(n-1), filled in parallel chunks for large n.
func powers(x fp.Element, n int) []fp.Element {
	out := make([]fp.Element, n)
	parallelRange(n, 1<<12, func(lo, hi int) {
		var p fp.Element
		p.Exp(x, big.NewInt(int64(lo)))
		first := min(hi, lo+powersRun)
		for i := lo; i < first; i++ {
			out[i] = p
			p.Mul(&p, &x)
		}
		var step fp.Element
		step.Exp(x, big.NewInt(powersRun))
		for i := first; i < hi; i += powersRun {
			m := min(powersRun, hi-i)
			ScalarMul(out[i:i+m], out[i-powersRun:i-powersRun+m], &step)
		}
	})
	return out
}

// levels splits the powers of the order-2^logN root into the per-size
// tables: level k is every 2^(logN-k)-th power, first 2^(k-1) of them.
func levels(full []fp.Element, logN int) [][]fp.Element {
	out := make([][]fp.Element, logN+1)
	out[logN] = full
	for k := logN - 1; k >= 1; k-- {
		prev := out[k+1]
		cur := make([]fp.Element, len(prev)/2)
		for j := range cur {
			cur[j] = prev[2*j]
		}
		out[k] = cur
	}
	return out
}

// parallelRange runs f over [0,n) split into GOMAXPROCS pieces, or inline
// when n is below minPar.
func parallelRange(n, minPar int, f func(lo, hi int)) {
	w := runtime.GOMAXPROCS(0)
	if n < minPar || w < 2 {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	chunk := (n + w - 1) / w
	for lo := 0; lo < n; lo += chunk {
		hi := min(lo+chunk, n)
		wg.Add(1)
		go func() { defer wg.Done(); f(lo, hi) }()
	}
	wg.Wait()
}

// At returns Gen^i.
func (d *Domain) At(i uint64) fp.Element {
	var r fp.Element
	r.Exp(d.Gen, new(big.Int).SetUint64(i%uint64(d.N)))
	return r
}

func (d *Domain) check(a []fp.Element) error {
	if len(a) != d.N {
		return fmt.Errorf("%w: %d values for a domain of %d", ErrSize, len(a), d.N)
	}
	return nil
}

// FFT evaluates, in place, the polynomial with natural-order coefficients
// a on the domain and leaves a[i] = f(Gen^bitrev(i)): the bit-reversed
// order Stone's LDE and commitments use, which the decimation-in-frequency
// transform produces without a permutation.
func (d *Domain) FFT(a []fp.Element) error {
	if err := d.check(a); err != nil {
		return err
	}
	d.dif(a, d.tw)
	return nil
}

// FFTNatural is FFT followed by a bit-reversal: a[i] = f(Gen^i).
func (d *Domain) FFTNatural(a []fp.Element) error {
	if err := d.FFT(a); err != nil {
		return err
	}
	BitReverse(a)
	return nil
}

// Interpolate turns, in place, the values a[i] = f(Gen^i) (natural order)
// into the natural-order coefficients of f (degree < N).
func (d *Domain) Interpolate(a []fp.Element) error {
	if err := d.check(a); err != nil {
		return err
	}
	d.dif(a, d.twInv)
	BitReverse(a)
	scale(a, d.nInv)
	return nil
}

// InterpolateBitReversed is Interpolate for values in bit-reversed order,
// a[i] = f(Gen^bitrev(i)).
func (d *Domain) InterpolateBitReversed(a []fp.Element) error {
	if err := d.check(a); err != nil {
		return err
	}
	BitReverse(a)
	return d.Interpolate(a)
}

// EvaluateCoset writes f(offset·Gen^bitrev(i)) to out[i] for the
// natural-order coefficients coeffs (bitReversed), or f(offset·Gen^i)
// (natural). coeffs is left untouched; out may alias it.
func (d *Domain) EvaluateCoset(coeffs []fp.Element, offset fp.Element, out []fp.Element, bitReversed bool) error {
	return d.EvaluateCosetPowers(coeffs, Powers(offset, d.N), out, bitReversed)
}

// EvaluateCosetPowers is EvaluateCoset with the offset given by its
// powers (offsetPowers[i] = offset^i, from Powers), so that columns
// evaluated on the same coset share them.
func (d *Domain) EvaluateCosetPowers(coeffs, offsetPowers, out []fp.Element, bitReversed bool) error {
	for _, v := range [][]fp.Element{coeffs, offsetPowers, out} {
		if err := d.check(v); err != nil {
			return err
		}
	}
	// f(offset·x) has coefficients c_i·offset^i.
	parallelRange(d.N, 1<<14, func(lo, hi int) {
		Mul(out[lo:hi], coeffs[lo:hi], offsetPowers[lo:hi])
	})
	d.dif(out, d.tw)
	if !bitReversed {
		BitReverse(out)
	}
	return nil
}

// Powers returns x^0, ..., x^(n-1).
func Powers(x fp.Element, n int) []fp.Element { return powers(x, n) }

func scale(a []fp.Element, s fp.Element) {
	parallelRange(len(a), 1<<14, func(lo, hi int) {
		ScalarMul(a[lo:hi], a[lo:hi], &s)
	})
}

// BitReverse permutes a (of power-of-two length) by index bit reversal.
func BitReverse(a []fp.Element) {
	n := len(a)
	if n <= 2 {
		return
	}
	shift := 64 - uint(bits.TrailingZeros(uint(n)))
	for i := 0; i < n; i++ {
		j := int(bits.Reverse64(uint64(i)) >> shift)
		if i < j {
			a[i], a[j] = a[j], a[i]
		}
	}
}

// Sizes below parSize are transformed on one goroutine; up to leafSize
// the transform works on the block in cache (leafStages), above it
// recursively so each half is finished while it is still cached.
const (
	parSize  = 1 << 14
	leafSize = 1 << 11
)

// dif is the decimation-in-frequency transform with the per-size twiddle
// tables tw; the output is in bit-reversed order.
func (d *Domain) dif(a []fp.Element, tw [][]fp.Element) {
	depth := 0
	for w := runtime.GOMAXPROCS(0); w > 1; w = (w + 1) / 2 {
		depth++
	}
	difRec(a, tw, d.LogN, depth)
}

// difRec transforms a, of size 2^logN; par is how many more levels may
// fork goroutines.
func difRec(a []fp.Element, tw [][]fp.Element, logN int, par int) {
	n := len(a)
	if n <= leafSize {
		s := scratchPool.Get().(*scratch)
		difLeaf(a, tw, logN, s)
		scratchPool.Put(s)
		return
	}
	h := n / 2
	t := tw[logN]
	if par > 0 && n >= parSize {
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := scratchPool.Get().(*scratch)
			butterflies(a[h/2:h], a[h+h/2:], t[h/2:h], s.tmp[:])
			scratchPool.Put(s)
		}()
		s := scratchPool.Get().(*scratch)
		butterflies(a[:h/2], a[h:h+h/2], t[:h/2], s.tmp[:])
		scratchPool.Put(s)
		wg.Wait()
		wg.Add(1)
		go func() { defer wg.Done(); difRec(a[:h], tw, logN-1, par-1) }()
		difRec(a[h:], tw, logN-1, par-1)
		wg.Wait()
		return
	}
	s := scratchPool.Get().(*scratch)
	butterflies(a[:h], a[h:], t[:h], s.tmp[:])
	scratchPool.Put(s)
	difRec(a[:h], tw, logN-1, 0)
	difRec(a[h:], tw, logN-1, 0)
}

// vecChunk is the length of the vector operations butterflies uses;
// vecMin the run length from which they beat scalar code.
const (
	vecChunk = 256
	vecMin   = 8
)

// scratch is one goroutine's working room: the butterflies' difference
// buffer and a leaf block's transpose. Pooled, because a fresh array per
// call is zeroed per call (8 KiB per butterfly run was most of the cost
// of the short runs).
type scratch struct {
	tmp  [vecChunk]fp.Element
	tile [leafSize]fp.Element
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// butterflies does (x_j, y_j) -> (x_j + y_j, (x_j - y_j)·t_j). Runs of
// vecMin or more go through gnark-crypto's vector operations, whose
// multiplication uses AVX-512 IFMA where the CPU has it (several times
// faster than one multiplication at a time). tmp holds vecChunk elements.
func butterflies(x, y, t []fp.Element, tmp []fp.Element) {
	n := len(x)
	if haveIFMA && n >= 8 {
		// the fused kernel: about twice the speed of the three vector
		// operations (one pass, no conversions in between, p's sparse
		// limbs in the reduction)
		k := n / 8
		bflyIFMA(&x[0], &y[0], &t[0], uint64(k))
		if 8*k == n {
			return
		}
		x, y, t, n = x[8*k:], y[8*k:], t[8*k:n], n-8*k
	}
	if n < vecMin {
		var u fp.Element
		for j := range n {
			u = x[j]
			x[j].Add(&u, &y[j])
			y[j].Sub(&u, &y[j])
			y[j].Mul(&y[j], &t[j])
		}
		return
	}
	for lo := 0; lo < n; lo += vecChunk {
		hi := min(lo+vecChunk, n)
		d := fp.Vector(tmp[:hi-lo])
		xs, ys := fp.Vector(x[lo:hi]), fp.Vector(y[lo:hi])
		d.Sub(xs, ys)
		xs.Add(xs, ys)
		ys.Mul(d, fp.Vector(t[lo:hi]))
	}
}

// butterfliesBy is butterflies with one twiddle t for every j (one is
// t = 1, which needs no multiplication).
func butterfliesBy(x, y []fp.Element, t *fp.Element, one bool, tmp []fp.Element) {
	n := len(x)
	if haveIFMA && n >= 8 {
		k := n / 8
		if one {
			addSubIFMA(&x[0], &y[0], uint64(k))
		} else {
			bflyIFMAConst(&x[0], &y[0], t, uint64(k))
		}
		if 8*k == n {
			return
		}
		x, y, n = x[8*k:], y[8*k:], n-8*k
	}
	for lo := 0; lo < n; lo += vecChunk {
		hi := min(lo+vecChunk, n)
		d := fp.Vector(tmp[:hi-lo])
		xs, ys := fp.Vector(x[lo:hi]), fp.Vector(y[lo:hi])
		d.Sub(xs, ys)
		xs.Add(xs, ys)
		if one {
			copy(ys, d)
		} else {
			ys.ScalarMul(d, t)
		}
	}
}

// difLeaf transforms a block of 2^logN <= leafSize elements. The stages
// of span 2^lo and more pair runs of at least 2^lo consecutive elements
// and go through butterflies. The last lo stages are the same size-2^lo
// transform on each of the 2^(logN-lo) sub-blocks: a stage of span h
// pairs elements h apart inside a sub-block, runs too short for vector
// operations. Transposed (sub-block index fastest), each such pair of
// elements becomes a pair of rows of 2^(logN-lo) elements that all take
// the same twiddle, so every stage is long vector operations again, and
// the twiddle-1 rows (the first of each group: all of the last stage,
// half of the one before, ...) skip the multiplication.
func difLeaf(a []fp.Element, tw [][]fp.Element, logN int, s *scratch) {
	n := len(a)
	if logN < 4 {
		difScalar(a, tw, logN)
		return
	}
	lo := logN / 2
	for k := logN; k > lo; k-- {
		h := 1 << (k - 1)
		for b := 0; b < n; b += 2 * h {
			butterflies(a[b:b+h], a[b+h:b+2*h], tw[k][:h], s.tmp[:])
		}
	}
	cols := 1 << lo // sub-block length
	rows := n >> lo // sub-blocks, the run length once transposed
	t := s.tile[:n]
	for r := range rows {
		for c := range cols {
			t[c*rows+r] = a[r*cols+c]
		}
	}
	for k := lo; k >= 1; k-- {
		h := 1 << (k - 1)
		for b := 0; b < cols; b += 2 * h {
			for j := range h {
				x, y := b+j, b+j+h
				butterfliesBy(t[x*rows:(x+1)*rows], t[y*rows:(y+1)*rows], &tw[k][j], j == 0, s.tmp[:])
			}
		}
	}
	for r := range rows {
		for c := range cols {
			a[r*cols+c] = t[c*rows+r]
		}
	}
}

// difScalar is the plain iterative transform, for blocks too small for
// vector operations.
func difScalar(a []fp.Element, tw [][]fp.Element, logN int) {
	n := len(a)
	var u fp.Element
	for k, h := logN, n/2; h >= 1; k, h = k-1, h/2 {
		for b := 0; b < n; b += 2 * h {
			for j := range h {
				x, y := &a[b+j], &a[b+j+h]
				u = *x
				x.Add(&u, y)
				y.Sub(&u, y)
				if j > 0 {
					y.Mul(y, &tw[k][j])
				}
			}
		}
	}
}
