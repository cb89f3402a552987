package air

import (
	"fmt"
	"math/big"
	"sync"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"
)

// curve is the STARK curve as the constraints use it (Stone's
// kPrimeFieldEc0).
type curve struct {
	alpha, beta fp.Element
	points      [][2]fp.Element // k_points
}

var (
	curveOnce sync.Once
	curveVal  *curve
	curveErr  error
)

func curveConsts() (*curve, error) {
	curveOnce.Do(func() {
		c := &curve{}
		parse := func(s string) fp.Element {
			var e fp.Element
			v, ok := new(big.Int).SetString(s, 0)
			if !ok || v.Cmp(fp.Modulus()) >= 0 {
				curveErr = fmt.Errorf("%w: curve constant %q", ErrEval, s)
				return e
			}
			e.SetBigInt(v)
			return e
		}
		c.alpha, c.beta = parse(curveAlpha), parse(curveBeta)
		for _, p := range curvePoints {
			c.points = append(c.points, [2]fp.Element{parse(p[0]), parse(p[1])})
		}
		curveVal = c
	})
	return curveVal, curveErr
}

// double returns 2·(x, y) on the curve (y ≠ 0 for every point used here).
func (c *curve) double(p [2]fp.Element) [2]fp.Element {
	var num, den, l, x, y, t fp.Element
	num.Square(&p[0])
	t.Double(&num)
	num.Add(&num, &t)
	num.Add(&num, &c.alpha)
	den.Double(&p[1])
	den.Inverse(&den)
	l.Mul(&num, &den)
	x.Square(&l)
	t.Double(&p[0])
	x.Sub(&x, &t)
	y.Sub(&p[0], &x)
	y.Mul(&y, &l)
	y.Sub(&y, &p[1])
	return [2]fp.Element{x, y}
}
