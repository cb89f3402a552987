package lde

import (
	"errors"
	"fmt"
	"math/big"
	"runtime"
	"sync"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/prover/fft"
	"github.com/cairn-vm/cairn/stark/fri"
)

// ErrShape reports columns that cannot be extended.
var ErrShape = errors.New("lde: bad column shape")

// CosetOffset is the offset of Stone's evaluation domain (the field's
// generator 3).
const CosetOffset = 3

// LDE is the extension of a set of columns, held as their coefficients.
type LDE struct {
	LogN, LogCosets int
	Trace           *fft.Domain
	// Coeffs[k] are the natural-order coefficients of column k.
	Coeffs  [][]fp.Element
	offsets []fp.Element
}

// New interpolates columns (each of the same power-of-two length) for an
// extension to 2^logCosets cosets.
func New(columns [][]fp.Element, logCosets int) (*LDE, error) {
	d, err := check(columns, logCosets)
	if err != nil {
		return nil, err
	}
	coeffs := make([][]fp.Element, len(columns))
	errs := make([]error, len(columns))
	run(len(columns), func(k int) {
		c := append([]fp.Element(nil), columns[k]...)
		errs[k] = d.Interpolate(c)
		coeffs[k] = c
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &LDE{LogN: d.LogN, LogCosets: logCosets, Trace: d, Coeffs: coeffs, offsets: CosetOffsets(d.LogN, logCosets)}, nil
}

// FromCoefficients is New for columns given by their natural-order
// coefficients (each of the same power-of-two length); it keeps them.
func FromCoefficients(coeffs [][]fp.Element, logCosets int) (*LDE, error) {
	d, err := check(coeffs, logCosets)
	if err != nil {
		return nil, err
	}
	return &LDE{LogN: d.LogN, LogCosets: logCosets, Trace: d, Coeffs: coeffs, offsets: CosetOffsets(d.LogN, logCosets)}, nil
}

func check(columns [][]fp.Element, logCosets int) (*fft.Domain, error) {
	if len(columns) == 0 {
		return nil, fmt.Errorf("%w: no columns", ErrShape)
	}
	n := len(columns[0])
	if n == 0 || n&(n-1) != 0 {
		return nil, fmt.Errorf("%w: %d rows, want a power of two", ErrShape, n)
	}
	for k, c := range columns {
		if len(c) != n {
			return nil, fmt.Errorf("%w: column %d has %d rows, column 0 has %d", ErrShape, k, len(c), n)
		}
	}
	logN := 0
	for 1<<logN < n {
		logN++
	}
	if logCosets < 0 || logN+logCosets > fft.MaxLogSize {
		return nil, fmt.Errorf("%w: 2^%d cosets of 2^%d rows", ErrShape, logCosets, logN)
	}
	return fft.NewDomain(logN)
}

// N is the number of rows per coset (the trace length).
func (l *LDE) N() int { return l.Trace.N }

// NCosets is the number of cosets.
func (l *LDE) NCosets() int { return 1 << l.LogCosets }

// NRows is the number of rows of the extension.
func (l *LDE) NRows() uint64 { return uint64(l.N()) << l.LogCosets }

// NewBuffer returns room for one coset of every column.
func (l *LDE) NewBuffer() [][]fp.Element {
	b := make([][]fp.Element, len(l.Coeffs))
	for k := range b {
		b[k] = make([]fp.Element, l.N())
	}
	return b
}

// Coset writes coset c of every column to out (NewBuffer): out[k][j] is
// column k at row c·N + j.
func (l *LDE) Coset(c int, out [][]fp.Element) error {
	if c < 0 || c >= l.NCosets() || len(out) != len(l.Coeffs) {
		return fmt.Errorf("%w: coset %d of %d into %d columns", ErrShape, c, l.NCosets(), len(out))
	}
	pw := fft.Powers(l.offsets[c], l.N())
	errs := make([]error, len(l.Coeffs))
	run(len(l.Coeffs), func(k int) {
		errs[k] = l.Trace.EvaluateCosetPowers(l.Coeffs[k], pw, out[k], true)
	})
	return errors.Join(errs...)
}

// Point returns the evaluation-domain point of row r: 3·w^bitrev(r).
func (l *LDE) Point(r uint64) fp.Element {
	c, j := r>>l.LogN, r&(uint64(l.N())-1)
	x := l.Trace.At(fri.BitReverse(j, l.LogN))
	x.Mul(&x, &l.offsets[c])
	return x
}

// Row evaluates every column at row r directly (for decommitments, which
// need a few rows only).
func (l *LDE) Row(r uint64) []fp.Element {
	x := l.Point(r)
	out := make([]fp.Element, len(l.Coeffs))
	run(len(l.Coeffs), func(k int) {
		c := l.Coeffs[k]
		var acc fp.Element
		for i := len(c) - 1; i >= 0; i-- {
			acc.Mul(&acc, &x)
			acc.Add(&acc, &c[i])
		}
		out[k] = acc
	})
	return out
}

// Rows evaluates every column at the rows rs (for decommitments): one
// pass over each column's coefficients for all the points at once, the
// points as a vector (Horner's rule, vectorized across the points).
func (l *LDE) Rows(rs []uint64) [][]fp.Element {
	m := len(rs)
	xs := make(fp.Vector, m)
	for i, r := range rs {
		xs[i] = l.Point(r)
	}
	vals := make([]fp.Vector, len(l.Coeffs))
	run(len(l.Coeffs), func(k int) {
		c := l.Coeffs[k]
		acc := make(fp.Vector, m)
		for i := len(c) - 1; i >= 0; i-- {
			acc.Mul(acc, xs)
			for j := range acc {
				acc[j].Add(&acc[j], &c[i])
			}
		}
		vals[k] = acc
	})
	out := make([][]fp.Element, m)
	for i := range out {
		out[i] = make([]fp.Element, len(l.Coeffs))
		for k := range vals {
			out[i][k] = vals[k][i]
		}
	}
	return out
}

// CosetOffsets returns the offset of each coset c: 3·w^bitrev(c), w of
// order 2^(logN+logCosets).
func CosetOffsets(logN, logCosets int) []fp.Element {
	w := fft.Generator(logN + logCosets)
	out := make([]fp.Element, 1<<logCosets)
	var three fp.Element
	three.SetUint64(CosetOffset)
	for c := range out {
		e := fri.BitReverse(uint64(c), logCosets)
		var p fp.Element
		p.Exp(w, new(big.Int).SetUint64(e))
		out[c].Mul(&three, &p)
	}
	return out
}

// run calls f(0..n-1) on GOMAXPROCS workers.
func run(n int, f func(int)) {
	w := min(runtime.GOMAXPROCS(0), n)
	var wg sync.WaitGroup
	next := make(chan int, n)
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	for range w {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	wg.Wait()
}
