package verifier

import (
	"errors"
	"strconv"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/stark/air"
	"github.com/cairn-vm/cairn/stark/commitment"
	"github.com/cairn-vm/cairn/stark/fri"
)

// deepComposition is the first FRI layer: Stone's OODS boundary AIR
// evaluated at the queried points. With mask items (offset_k, column_k)
// and OODS values y_k, and broken composition columns B_i with values y'_i,
//
//	f(x) = Σ_k α^k (column_k(x) − y_k)/(x − z·g^offset_k)
//	     + Σ_i α^(K+i) (B_i(x) − y'_i)/(x − z^D)
//
// where g generates the trace domain, D is the constraint degree and K the
// mask size; x runs over the evaluation domain 3·Domain.
type deepComposition struct {
	layout *air.Layout
	dom    *fri.Domain
	logCos int
	z      fp.Element
	values []fp.Element
	alpha  fp.Element
	traces []*commitment.Table // main, interaction, composition
}

// eval decommits the traces at the queried rows (scope "Virtual Oracle",
// one "Trace i" scope each) and returns f at each query.
func (d *deepComposition) eval(ch Channel, queries []uint64) ([]fp.Element, error) {
	ch.Enter("Virtual Oracle")
	defer ch.Exit()
	rows := make([][]fp.Element, len(queries)) // all columns of each query row
	for i := range rows {
		rows[i] = make([]fp.Element, 0, d.layout.Width()+d.layout.ConstraintDegree)
	}
	for ti, t := range d.traces {
		ch.Enter("Trace " + strconv.Itoa(ti))
		var data []commitment.RowCol
		for _, q := range queries {
			for c := 0; c < t.NColumns(); c++ {
				data = append(data, commitment.RowCol{Row: q, Col: c})
			}
		}
		cells, err := t.Query(ch, data, nil)
		if err == nil {
			err = t.Verify(ch, cells)
		}
		ch.Exit()
		if err != nil {
			if errors.Is(err, commitment.ErrDecommitment) {
				return nil, reject(CheckTraceDecommitment, err)
			}
			return nil, err
		}
		for i, q := range queries {
			for c := 0; c < t.NColumns(); c++ {
				rows[i] = append(rows[i], cells[commitment.RowCol{Row: q, Col: c}])
			}
		}
	}

	// The points x_k of the boundary constraints, and their coefficients.
	traceGen := d.dom.Generator(d.logCos)
	mask := d.layout.Mask
	nb := d.layout.ConstraintDegree
	type constraint struct {
		col   int
		point int // index into points
	}
	var points []fp.Element
	pointIdx := map[int]int{} // row offset -> index in points
	cons := make([]constraint, 0, len(mask)+nb)
	for _, m := range mask {
		pi, ok := pointIdx[m.RowOffset]
		if !ok {
			var g, x fp.Element
			g.Exp(traceGen, bigInt(int64(m.RowOffset)))
			x.Mul(&d.z, &g)
			pi = len(points)
			points = append(points, x)
			pointIdx[m.RowOffset] = pi
		}
		cons = append(cons, constraint{col: m.Column, point: pi})
	}
	var zD fp.Element
	zD.Exp(d.z, bigInt(int64(nb)))
	zdIdx := len(points)
	points = append(points, zD)
	for i := 0; i < nb; i++ {
		cons = append(cons, constraint{col: d.layout.Width() + i, point: zdIdx})
	}
	coeffs := make([]fp.Element, len(cons))
	coeffs[0].SetOne()
	for k := 1; k < len(coeffs); k++ {
		coeffs[k].Mul(&coeffs[k-1], &d.alpha)
	}

	var three fp.Element
	three.SetUint64(3)
	out := make([]fp.Element, len(queries))
	denoms := make([]fp.Element, len(points))
	sums := make([]fp.Element, len(points))
	for i, q := range queries {
		x := d.dom.At(0, q)
		x.Mul(&x, &three)
		for j := range points {
			denoms[j].Sub(&x, &points[j])
			sums[j].SetZero()
		}
		inv := fp.BatchInvert(denoms)
		for k, c := range cons {
			var t fp.Element
			t.Sub(&rows[i][c.col], &d.values[k])
			t.Mul(&t, &coeffs[k])
			sums[c.point].Add(&sums[c.point], &t)
		}
		var acc fp.Element
		for j := range points {
			var t fp.Element
			t.Mul(&sums[j], &inv[j])
			acc.Add(&acc, &t)
		}
		out[i] = acc
	}
	return out, nil
}
