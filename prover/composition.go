package prover

import (
	"errors"
	"fmt"
	"math/big"
	"math/bits"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/prover/fft"
	"github.com/cairn-vm/cairn/prover/lde"
	"github.com/cairn-vm/cairn/stark/air"
	vfri "github.com/cairn-vm/cairn/stark/fri"
)

// blockRows is the block size of the column-wise composition evaluator:
// large enough to amortise the per-node dispatch, small enough that the
// live node buffers stay in cache.
const blockRows = 512

// cosets evaluates coset c of each extension into bufs (one NewBuffer
// per extension) and returns all their columns in order.
func cosets(c int, ls []*lde.LDE, bufs [][][]fp.Element) ([][]fp.Element, error) {
	var cols [][]fp.Element
	for i, l := range ls {
		if err := l.Coset(c, bufs[i]); err != nil {
			return nil, err
		}
		cols = append(cols, bufs[i]...)
	}
	return cols, nil
}

func buffers(ls []*lde.LDE) [][][]fp.Element {
	out := make([][][]fp.Element, len(ls))
	for i, l := range ls {
		out[i] = l.NewBuffer()
	}
	return out
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
	var cols [][]fp.Element // the current coset, every trace column
	gather := func(j uint64, mask []fp.Element) {
		for k, m := range l.Mask {
			jj := (j + uint64(m.RowOffset)) % n
			mask[k] = cols[m.Column][vfri.BitReverse(jj, logN)]
		}
	}
	cosetOffset := func(c int) fp.Element {
		var x fp.Element
		x.Exp(zeta, new(big.Int).SetUint64(vfri.BitReverse(uint64(c), logD)))
		x.Mul(&x, &three)
		return x
	}
	slow := func(c int, j uint64, mask []fp.Element) (fp.Element, error) {
		gather(j, mask)
		x := cosetOffset(c)
		x.Mul(&x, &gPow[j])
		v, err := l.CompositionAt(&air.Point{Public: s.Public, Interaction: s.InteractionElements[:], Alpha: s.CompositionRandom, Z: x, Mask: mask})
		if err != nil {
			return v, fmt.Errorf("composition at coset %d row %d: %w", c, j, err)
		}
		return v, nil
	}
	traces := []*lde.LDE{s.Main.LDE, s.Interaction.LDE}
	if got := len(s.Main.LDE.Coeffs) + len(s.Interaction.LDE.Coeffs); width != got {
		return nil, fmt.Errorf("%w: layout %s has %d columns, the trace %d", ErrParams, l.Name, width, got)
	}
	fast := s.newFastComposition()
	var blk *blockComposition
	bufs := buffers(traces)
	w := uint64(runtime.GOMAXPROCS(0))
	errs := make([]error, w)
	for c := range D {
		var err error
		if cols, err = cosets(c, traces, bufs); err != nil {
			return nil, err
		}
		r := vfri.BitReverse(uint64(c), logD)
		// The AIR's own evaluation first (it also initializes its tables);
		// the fast path must agree with it.
		mask0 := make([]fp.Element, len(l.Mask))
		v0, err := slow(c, 0, mask0)
		if err != nil {
			return nil, err
		}
		vals[r] = v0
		off := cosetOffset(c)
		if fast == nil && c == 0 {
			fast = s.fastFromAIR(off, mask0)
		}
		var per0 []fp.Element
		if fast != nil && fast.nPer > 0 {
			if per0, err = l.PeriodicAt(n, off); err != nil {
				return nil, err
			}
		}
		if fast != nil {
			pp := make([]fp.Element, 1+len(fast.exps))
			pp[0] = off
			for i, e := range fast.exps {
				pp[1+i].Exp(off, new(big.Int).SetUint64(e))
			}
			if v, err := fast.at(mask0, pp, per0); err != nil || !v.Equal(&v0) {
				fast = nil
			}
		}
		if fast == nil {
			blk = nil
		} else if blk == nil {
			if blk, err = newBlockComposition(fast, l.Mask); err != nil {
				return nil, err
			}
		}
		if blk != nil {
			// Rows in blocks, the blocks spread over the cores.
			size := int(min(n, blockRows))
			period, err := l.PeriodicPeriod(n)
			if err != nil {
				return nil, err
			}
			cb, err := blk.newCoset(cols, logN, off, gPow[1%n], func(x fp.Element) ([]fp.Element, error) { return l.PeriodicAt(n, x) }, period)
			if err != nil {
				return nil, err
			}
			scr := make([]*blockScratch, w)
			outs := make([][]fp.Element, w)
			parallelChunks(int(n)/size, 1, func(k, lo, _ int) {
				if errs[k] != nil {
					return
				}
				if scr[k] == nil {
					scr[k], outs[k] = blk.newScratch(size), make([]fp.Element, size)
				}
				j0 := uint64(lo * size)
				if err := blk.eval(cb, scr[k], j0, outs[k]); err != nil {
					errs[k] = fmt.Errorf("composition at coset %d: %w", c, err)
					return
				}
				for i, v := range outs[k] {
					vals[uint64(D)*(j0+uint64(i))+r] = v
				}
			})
			if errors.Join(errs...) == nil && !vals[r].Equal(&v0) {
				// Never trusted unchecked: the interpreter redoes the coset.
				vals[r] = v0
				blk, fast = nil, nil
			}
		}
		var wg sync.WaitGroup
		for k := range w {
			if blk != nil {
				break
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				mask := make([]fp.Element, len(l.Mask))
				j0 := 1 + k
				// Only when the block evaluator is off (it disagreed with the
				// interpreter, or the layout has no fast form): blk == nil
				// implies fast == nil, so the interpreter does every row.
				for j := j0; j < n; j += w {
					v, err := slow(c, j, mask)
					if err != nil {
						errs[k] = err
						return
					}
					vals[uint64(D)*j+r] = v
				}
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				return nil, err
			}
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
	zDs := make([]fp.Element, len(s.Composition.LDE.Coeffs))
	for i := range zDs {
		zDs[i] = zD
	}
	vals = append(vals, evalPolys(s.Composition.LDE.Coeffs, zDs)...)
	// Stone's SendElementsToChannel: one message with verifier-friendly
	// channel updates, else one per value.
	if s.Params.VerifierFriendlyChannelUpdates {
		ch.SendFelts("", vals)
	} else {
		for k := range vals {
			ch.SendFelt(strconv.Itoa(k), vals[k])
		}
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
// Grouped by point, f = Σ_j (N_j(x) − N_j(p_j))/(x − p_j) with N_j the
// α-weighted sum of the columns sampled at p_j: the y_k are those
// columns' values at p_j, so each term is a polynomial (N_j divided by
// x − p_j, remainder N_j(p_j)), f has degree < N, and it is built in
// coefficient form and extended like a trace column: one transform per
// coset instead of one per column and coset. Stone computes the same
// values point by point.
func (s *Session) deep(alpha fp.Element) ([]fp.Element, error) {
	l := s.Layout
	logN := s.Main.LDE.LogN
	n := s.Main.LDE.N()
	g := fft.Generator(logN)
	width := l.Width()
	coeffsOf := func(col int) []fp.Element {
		main, inter := s.Main.LDE.Coeffs, s.Interaction.LDE.Coeffs
		switch {
		case col < len(main):
			return main[col]
		case col < width:
			return inter[col-len(main)]
		}
		return s.Composition.LDE.Coeffs[col-width]
	}
	coefs := fft.Powers(alpha, len(l.Mask)+len(s.Composition.LDE.Coeffs))
	if len(coefs) != len(s.OODSValues) {
		return nil, fmt.Errorf("%w: %d DEEP terms for %d OODS values", ErrParams, len(coefs), len(s.OODSValues))
	}
	type group struct {
		point fp.Element
		terms []int // indices k into the mask, then the composition columns
		cols  []int
	}
	var groups []*group
	byOffset := map[int]*group{}
	for k, m := range l.Mask {
		gr, ok := byOffset[m.RowOffset]
		if !ok {
			gr = &group{}
			gr.point.Exp(g, big.NewInt(int64(m.RowOffset)))
			gr.point.Mul(&gr.point, &s.OODSPoint)
			byOffset[m.RowOffset] = gr
			groups = append(groups, gr)
		}
		gr.terms, gr.cols = append(gr.terms, k), append(gr.cols, m.Column)
	}
	comp := &group{}
	comp.point.Exp(s.OODSPoint, big.NewInt(int64(l.ConstraintDegree)))
	for i := range s.Composition.LDE.Coeffs {
		comp.terms, comp.cols = append(comp.terms, len(l.Mask)+i), append(comp.cols, width+i)
	}
	groups = append(groups, comp)

	// One accumulator and scratch per worker, not one quotient per group:
	// starknet's mask has hundreds of row offsets, and a quotient of 2^21
	// rows is 64 MB.
	type scratch struct{ f, num, tmp fp.Vector }
	work := make([]*scratch, runtime.GOMAXPROCS(0))
	errs := make([]error, len(groups))
	parallelChunks(len(groups), 1, func(worker, lo, _ int) {
		gr := groups[lo]
		sc := work[worker]
		if sc == nil {
			sc = &scratch{make(fp.Vector, n), make(fp.Vector, n), make(fp.Vector, n)}
			work[worker] = sc
		}
		num, tmp := sc.num, sc.tmp
		clear(num)
		var want fp.Element // Σ α^k y_k, which must be N_j(p_j)
		for i, k := range gr.terms {
			tmp.ScalarMul(fp.Vector(coeffsOf(gr.cols[i])), &coefs[k])
			num.Add(num, tmp)
			var t fp.Element
			t.Mul(&coefs[k], &s.OODSValues[k])
			want.Add(&want, &t)
		}
		// Synthetic division by (x − p): q_{i-1} = a_i + p·q_i.
		q := tmp
		var acc fp.Element
		for i := n - 1; i >= 0; i-- {
			q[i] = acc
			acc.Mul(&acc, &gr.point)
			acc.Add(&acc, &num[i])
		}
		// acc is now N_j(p_j), q the quotient (q[i] multiplies x^i).
		if !acc.Equal(&want) {
			errs[lo] = fmt.Errorf("%w: DEEP remainder differs from the OODS values", ErrParams)
		}
		sc.f.Add(sc.f, q)
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	var f fp.Vector
	for _, sc := range work {
		switch {
		case sc == nil:
		case f == nil:
			f = sc.f
		default:
			f.Add(f, sc.f)
		}
	}
	ext, err := lde.FromCoefficients([][]fp.Element{f}, s.Main.LDE.LogCosets)
	if err != nil {
		return nil, err
	}
	out := make([]fp.Element, ext.NRows())
	for c := range ext.NCosets() {
		if err := ext.Coset(c, [][]fp.Element{out[c*n : (c+1)*n]}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// parallelChunks runs f over [0, n) in chunks of at most size, spread
// over GOMAXPROCS goroutines; f learns its worker number (for scratch).
func parallelChunks(n, size int, f func(worker, lo, hi int)) {
	w := runtime.GOMAXPROCS(0)
	var next atomic.Int64
	var wg sync.WaitGroup
	for k := range w {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				lo := int(next.Add(int64(size))) - size
				if lo >= n {
					return
				}
				f(k, lo, min(lo+size, n))
			}
		}()
	}
	wg.Wait()
}
