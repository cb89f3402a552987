package prover

import (
	"fmt"
	"math/big"
	"math/bits"
	"runtime"
	"strconv"
	"sync"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/prover/fft"
	"github.com/cairn-vm/cairn/prover/lde"
	"github.com/cairn-vm/cairn/stark/air"
	vfri "github.com/cairn-vm/cairn/stark/fri"
)

// traceValue returns mask column c at LDE row r (interaction columns
// numbered after the main ones).
func (s *Session) traceValue(c int, r uint64) *fp.Element {
	main := len(s.Main.LDE.Evals)
	if c < main {
		return &s.Main.LDE.Evals[c][r]
	}
	return &s.Interaction.LDE.Evals[c-main][r]
}

// compose evaluates the composition polynomial C (degree < D·N, D the
// constraint degree) on the first D cosets of the evaluation domain, whose
// union is 3·<ζ> with ζ of order D·N, interpolates it and breaks it into
// D columns of degree < N: C(x) = Σ_i x^i·B_i(x^D), so B_i's coefficients
// are C's of index ≡ i mod D (Stone's PolynomialBreak). C is unique, so
// which points it is computed on does not show in the proof.
func (s *Session) compose() ([][]fp.Element, error) {
	l := s.Layout
	D := l.ConstraintDegree
	logD := bits.TrailingZeros(uint(D))
	if D < 1 || 1<<logD != D || logD > s.Main.LDE.LogCosets {
		return nil, fmt.Errorf("%w: constraint degree %d", ErrParams, D)
	}
	logN := s.Main.LDE.LogN
	n := uint64(1) << logN
	width := l.Width()
	zeta := fft.Generator(logN + logD)
	gPow := fft.Powers(fft.Generator(logN), int(n))
	var three fp.Element
	three.SetUint64(lde.CosetOffset)
	// Natural order on 3·<ζ>: value t = D·j + bitrev(c) is coset c, index j.
	vals := make([]fp.Element, uint64(D)*n)
	eval := func(c int, j uint64, mask []fp.Element) error {
		base := uint64(c) * n
		for k, m := range l.Mask {
			jj := (j + uint64(m.RowOffset)) % n
			mask[k] = *s.traceValue(m.Column, base+vfri.BitReverse(jj, logN))
		}
		r := vfri.BitReverse(uint64(c), logD)
		var x fp.Element
		x.Exp(zeta, new(big.Int).SetUint64(r))
		x.Mul(&x, &three)
		x.Mul(&x, &gPow[j])
		v, err := l.CompositionAt(&air.Point{Public: s.Public, Interaction: s.InteractionElements[:], Alpha: s.CompositionRandom, Z: x, Mask: mask})
		if err != nil {
			return fmt.Errorf("composition at coset %d row %d: %w", c, j, err)
		}
		vals[uint64(D)*j+r] = v
		return nil
	}
	if width != len(s.Main.LDE.Evals)+len(s.Interaction.LDE.Evals) {
		return nil, fmt.Errorf("%w: layout %s has %d columns, the trace %d", ErrParams, l.Name, width, len(s.Main.LDE.Evals)+len(s.Interaction.LDE.Evals))
	}
	// One evaluation first: the AIR initializes its tables lazily.
	if err := eval(0, 0, make([]fp.Element, len(l.Mask))); err != nil {
		return nil, err
	}
	total := uint64(D) * n
	w := uint64(runtime.GOMAXPROCS(0))
	errs := make([]error, w)
	var wg sync.WaitGroup
	for k := range w {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mask := make([]fp.Element, len(l.Mask))
			for t := 1 + k; t < total; t += w {
				if err := eval(int(t/n), t%n, mask); err != nil {
					errs[k] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	// Interpolate C(3y) on <ζ>, then undo the 3: C_i = a_i / 3^i.
	dom, err := fft.NewDomain(logN + logD)
	if err != nil {
		return nil, err
	}
	if err := dom.Interpolate(vals); err != nil {
		return nil, err
	}
	var threeInv fp.Element
	threeInv.Inverse(&three)
	p := fp.One()
	for i := range vals {
		vals[i].Mul(&vals[i], &p)
		p.Mul(&p, &threeInv)
	}
	broken := make([][]fp.Element, D)
	for i := range broken {
		broken[i] = make([]fp.Element, n)
		for k := range n {
			broken[i][k] = vals[uint64(D)*k+uint64(i)]
		}
	}
	return broken, nil
}

// oods draws the OODS point z, sends the mask values at it and the broken
// columns at z^D (scope "OODS values"), and draws the DEEP coefficient.
func (s *Session) oods() error {
	ch := s.Channel
	ch.Enter("OODS values")
	defer ch.Exit()
	z, err := ch.RandomFelt("Evaluation point")
	if err != nil {
		return err
	}
	s.OODSPoint = z
	vals, err := s.MaskValues(z, s.Layout.Mask)
	if err != nil {
		return err
	}
	var zD fp.Element
	zD.Exp(z, big.NewInt(int64(s.Layout.ConstraintDegree)))
	for _, c := range s.Composition.LDE.Coeffs {
		vals = append(vals, horner(c, &zD))
	}
	for k := range vals {
		ch.SendFelt(strconv.Itoa(k), vals[k])
	}
	s.OODSValues = vals
	return nil
}

// deep computes the first FRI layer on every row of the evaluation
// domain (x = 3·w^bitrev(i)):
//
//	f(x) = Σ_k α^k (column_k(x) − y_k)/(x − z·g^offset_k)
//	     + Σ_i α^(K+i) (B_i(x) − y'_i)/(x − z^D)
//
// grouping the terms by their point so each row needs one inverse per
// distinct point (all rows batch-inverted together).
func (s *Session) deep(alpha fp.Element) ([]fp.Element, error) {
	l := s.Layout
	logN, logC := s.Main.LDE.LogN, s.Main.LDE.LogCosets
	n := uint64(1) << logN
	rows := n << logC
	g := fft.Generator(logN)
	type term struct {
		col   func(r uint64) *fp.Element
		point int
	}
	var points []fp.Element
	pointIdx := map[int]int{}
	var terms []term
	for _, m := range l.Mask {
		pi, ok := pointIdx[m.RowOffset]
		if !ok {
			var x fp.Element
			x.Exp(g, big.NewInt(int64(m.RowOffset)))
			x.Mul(&x, &s.OODSPoint)
			pi = len(points)
			points = append(points, x)
			pointIdx[m.RowOffset] = pi
		}
		col := m.Column
		terms = append(terms, term{func(r uint64) *fp.Element { return s.traceValue(col, r) }, pi})
	}
	var zD fp.Element
	zD.Exp(s.OODSPoint, big.NewInt(int64(l.ConstraintDegree)))
	points = append(points, zD)
	for i := range s.Composition.LDE.Evals {
		ev := s.Composition.LDE.Evals[i]
		terms = append(terms, term{func(r uint64) *fp.Element { return &ev[r] }, len(points) - 1})
	}
	if len(terms) != len(s.OODSValues) {
		return nil, fmt.Errorf("%w: %d DEEP terms for %d OODS values", ErrParams, len(terms), len(s.OODSValues))
	}
	coefs := fft.Powers(alpha, len(terms))

	// x for every row: coset offset times g^bitrev(j).
	offsets := lde.CosetOffsets(logN, logC)
	gBit := fft.Powers(g, int(n))
	fft.BitReverse(gBit)
	out := make([]fp.Element, rows)
	w := uint64(runtime.GOMAXPROCS(0))
	chunk := (rows + w - 1) / w
	var wg sync.WaitGroup
	for lo := uint64(0); lo < rows; lo += chunk {
		hi := min(lo+chunk, rows)
		wg.Add(1)
		go func() {
			defer wg.Done()
			m := hi - lo
			inv := make([][]fp.Element, len(points))
			den := make([]fp.Element, m)
			for pi := range points {
				for r := lo; r < hi; r++ {
					var x fp.Element
					x.Mul(&offsets[r/n], &gBit[r%n])
					den[r-lo].Sub(&x, &points[pi])
				}
				inv[pi] = fp.BatchInvert(den)
			}
			sums := make([]fp.Element, len(points))
			for r := lo; r < hi; r++ {
				for i := range sums {
					sums[i].SetZero()
				}
				for k, t := range terms {
					var d fp.Element
					d.Sub(t.col(r), &s.OODSValues[k])
					d.Mul(&d, &coefs[k])
					sums[t.point].Add(&sums[t.point], &d)
				}
				var acc fp.Element
				for i := range sums {
					var d fp.Element
					d.Mul(&sums[i], &inv[i][r-lo])
					acc.Add(&acc, &d)
				}
				out[r] = acc
			}
		}()
	}
	wg.Wait()
	return out, nil
}
