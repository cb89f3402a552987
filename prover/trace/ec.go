package trace

import (
	"fmt"
	"math/big"

	starkcurve "github.com/consensys/gnark-crypto/ecc/stark-curve"
	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/crypto/ecdsa"
	"github.com/cairn-vm/cairn/crypto/pedersen"
	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/stark/air"
)

// point is an affine point of the STARK curve (never the point at
// infinity: Stone's trace components refuse it).
type point struct{ x, y fp.Element }

var curveAlpha = fp.Element(ecdsa.Alpha)

func fromFelt(x, y felt.Felt) point { return point{fp.Element(x), fp.Element(y)} }

var (
	shiftPoint     = fromFelt(pedersen.ShiftPoint.X, pedersen.ShiftPoint.Y)
	generatorPoint = fromFelt(ecdsa.Generator.X, ecdsa.Generator.Y)
)

func (p point) neg() point {
	var y fp.Element
	y.Neg(&p.y)
	return point{p.x, y}
}

// errSameX is Stone's "Adding a point to itself or to its inverse point".
func errSameX(what string) error {
	return fmt.Errorf("%w: %s: adding a point to itself or to its inverse", ErrExecution, what)
}

// slope is GetSlope: the chord's slope through p and q (p.x ≠ q.x).
func slope(p, q point) (fp.Element, bool) {
	var num, den fp.Element
	if p.x.Equal(&q.x) {
		return num, false
	}
	num.Sub(&p.y, &q.y)
	den.Sub(&p.x, &q.x)
	den.Inverse(&den)
	num.Mul(&num, &den)
	return num, true
}

// addGivenSlope is AddPointsGivenSlope.
func addGivenSlope(p, q point, l fp.Element) point {
	var x, y fp.Element
	x.Square(&l)
	x.Sub(&x, &p.x)
	x.Sub(&x, &q.x)
	y.Sub(&p.x, &x)
	y.Mul(&y, &l)
	y.Sub(&y, &p.y)
	return point{x, y}
}

func add(p, q point) (point, bool) {
	l, ok := slope(p, q)
	if !ok {
		return point{}, false
	}
	return addGivenSlope(p, q, l), true
}

// twosPowers is TwosPowersOfPoint: base·2^i for i < n, and the n-1
// doubling slopes (3x² + α)/(2y).
func twosPowers(base point, n int) ([]point, []fp.Element, error) {
	pts := make([]point, n)
	slopes := make([]fp.Element, max(n-1, 0))
	pts[0] = base
	for i := 1; i < n; i++ {
		p := pts[i-1]
		if p.y.IsZero() {
			return nil, nil, fmt.Errorf("%w: doubling a point of order 2", ErrExecution)
		}
		var num, den fp.Element
		num.Square(&p.x)
		var three fp.Element
		three.SetUint64(3)
		num.Mul(&num, &three)
		num.Add(&num, &curveAlpha)
		den.Double(&p.y)
		den.Inverse(&den)
		num.Mul(&num, &den)
		slopes[i-1] = num
		pts[i] = addGivenSlope(p, p, num)
	}
	return pts, slopes, nil
}

// mul is k·p; ok is false at infinity.
func mul(p point, k *big.Int) (point, bool) {
	a := starkcurve.G1Affine{X: p.x, Y: p.y}
	var r starkcurve.G1Affine
	r.ScalarMultiplication(&a, k)
	if r.X.IsZero() && r.Y.IsZero() {
		return point{}, false
	}
	return point{r.X, r.Y}, true
}

func bigOf(e *fp.Element) *big.Int { return e.BigInt(new(big.Int)) }

// subsetSum is Stone's EcSubsetSumComponent: a partial sum that adds
// points[j] where bit j of the selector is set, one row per bit.
type subsetSum struct {
	name                 string
	psx, psy, slope, sel air.VirtualColumn
	xDiffInv             *air.VirtualColumn
	height, nPoints      uint64
	unpack               *bitUnpacking
}

func (t *Trace) newSubsetSum(name string, height, nPoints uint64, xDiffInv, unpack bool) (*subsetSum, error) {
	s := &subsetSum{name: name, height: height, nPoints: nPoints}
	var err error
	for _, f := range []struct {
		dst *air.VirtualColumn
		n   string
	}{{&s.psx, "/partial_sum/x"}, {&s.psy, "/partial_sum/y"}, {&s.slope, "/slope"}, {&s.sel, "/selector"}} {
		if *f.dst, err = t.vc(name + f.n); err != nil {
			return nil, err
		}
	}
	if xDiffInv {
		v, err := t.vc(name + "/x_diff_inv")
		if err != nil {
			return nil, err
		}
		s.xDiffInv = &v
	}
	if unpack {
		if s.unpack, err = t.newBitUnpacking(name + "/bit_unpacking"); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// write fills instance idx and returns the final sum.
func (s *subsetSum) write(t *Trace, shift point, points []point, selector fp.Element, idx uint64) (point, error) {
	sel := bigOf(&selector)
	if sel.BitLen() > int(s.nPoints) {
		return point{}, fmt.Errorf("%w: %s instance %d: selector too big", ErrExecution, s.name, idx)
	}
	if s.unpack != nil {
		if err := s.unpack.write(t, idx, sel); err != nil {
			return point{}, err
		}
	}
	row := idx * s.height
	ps := shift
	cur := new(big.Int).Set(sel)
	for j := uint64(0); j < s.height-1; j++ {
		pi := j
		if pi >= uint64(len(points)) {
			pi = s.nPoints - 1
		}
		pt := points[pi]
		if ps.x.Equal(&pt.x) {
			return point{}, errSameX(fmt.Sprintf("%s instance %d row %d", s.name, idx, j))
		}
		t.set(s.psx, row+j, ps.x)
		t.set(s.psy, row+j, ps.y)
		if s.xDiffInv != nil {
			var d fp.Element
			d.Sub(&ps.x, &pt.x)
			d.Inverse(&d)
			t.set(*s.xDiffInv, row+j, d)
		}
		var sv fp.Element
		sv.SetBigInt(cur)
		t.set(s.sel, row+j, sv)
		if sel.Bit(int(j)) == 1 {
			l, _ := slope(ps, pt)
			t.set(s.slope, row+j, l)
			ps = addGivenSlope(ps, pt, l)
		} else {
			t.set(s.slope, row+j, fp.Element{})
		}
		cur.Rsh(cur, 1)
	}
	last := row + s.height - 1
	t.set(s.sel, last, fp.Element{})
	t.set(s.psx, last, ps.x)
	t.set(s.psy, last, ps.y)
	return ps, nil
}

// bitUnpacking is Stone's BitUnpackingComponent: the running products of
// the selector's bits at the limit's one bits.
type bitUnpacking struct {
	name  string
	limit *big.Int
	bits  []uint64
	cols  []air.VirtualColumn
}

func (t *Trace) newBitUnpacking(name string) (*bitUnpacking, error) {
	b := &bitUnpacking{name: name}
	for _, o := range t.Layout.Trace.Objects {
		switch o.Name {
		case name + "/limit":
			v, ok := new(big.Int).SetString(o.Value, 0)
			if !ok {
				return nil, fmt.Errorf("%w: %s: limit %q", ErrExecution, name, o.Value)
			}
			b.limit = v
		case name + "/ones_indices":
			b.bits = o.Indices
		}
	}
	if b.limit == nil || len(b.bits) == 0 {
		return nil, fmt.Errorf("%w: layout %s has no %s objects", ErrExecution, t.Layout.Name, name)
	}
	for _, k := range b.bits[1:] {
		v, err := t.vc(fmt.Sprintf("%s/prod_ones%d", name, k))
		if err != nil {
			return nil, err
		}
		b.cols = append(b.cols, v)
	}
	return b, nil
}

func (b *bitUnpacking) write(t *Trace, idx uint64, num *big.Int) error {
	if num.Cmp(b.limit) >= 0 {
		return fmt.Errorf("%w: %s instance %d: value not below the limit", ErrExecution, b.name, idx)
	}
	prod := num.Bit(int(b.bits[0]))
	for i, k := range b.bits[1:] {
		prod *= num.Bit(int(k))
		var v fp.Element
		v.SetUint64(uint64(prod))
		t.set(b.cols[i], idx, v)
	}
	return nil
}
