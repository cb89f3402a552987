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

// LDE is the extension of a set of columns.
type LDE struct {
	LogN, LogCosets int
	Trace           *fft.Domain
	// Coeffs[k] are the natural-order coefficients of column k.
	Coeffs [][]fp.Element
	// Evals[k][i] is column k at row i of the evaluation domain.
	Evals [][]fp.Element
}

// New interpolates columns (each of the same power-of-two length) and
// evaluates them on 2^logCosets cosets.
func New(columns [][]fp.Element, logCosets int) (*LDE, error) {
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
	d, err := fft.NewDomain(logN)
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
	return extend(d, coeffs, logCosets)
}

// FromCoefficients is New for columns given by their natural-order
// coefficients (each of the same power-of-two length); it keeps them.
func FromCoefficients(coeffs [][]fp.Element, logCosets int) (*LDE, error) {
	if len(coeffs) == 0 {
		return nil, fmt.Errorf("%w: no columns", ErrShape)
	}
	n := len(coeffs[0])
	if n == 0 || n&(n-1) != 0 {
		return nil, fmt.Errorf("%w: %d coefficients, want a power of two", ErrShape, n)
	}
	for k, c := range coeffs {
		if len(c) != n {
			return nil, fmt.Errorf("%w: column %d has %d coefficients, column 0 has %d", ErrShape, k, len(c), n)
		}
	}
	logN := 0
	for 1<<logN < n {
		logN++
	}
	if logCosets < 0 || logN+logCosets > fft.MaxLogSize {
		return nil, fmt.Errorf("%w: 2^%d cosets of 2^%d rows", ErrShape, logCosets, logN)
	}
	d, err := fft.NewDomain(logN)
	if err != nil {
		return nil, err
	}
	return extend(d, coeffs, logCosets)
}

func extend(d *fft.Domain, coeffs [][]fp.Element, logCosets int) (*LDE, error) {
	n := d.N
	l := &LDE{LogN: d.LogN, LogCosets: logCosets, Trace: d, Coeffs: coeffs, Evals: make([][]fp.Element, len(coeffs))}
	nc := 1 << logCosets
	offsets := CosetOffsets(d.LogN, logCosets)
	errs := make([]error, len(coeffs))
	for k := range coeffs {
		l.Evals[k] = make([]fp.Element, n*nc)
	}
	// One coset at a time, so the offset's powers are computed once and
	// shared by the columns.
	for c := range nc {
		pw := fft.Powers(offsets[c], n)
		run(len(coeffs), func(k int) {
			errs[k] = d.EvaluateCosetPowers(l.Coeffs[k], pw, l.Evals[k][c*n:(c+1)*n], true)
		})
		if err := errors.Join(errs...); err != nil {
			return nil, err
		}
	}
	return l, nil
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
