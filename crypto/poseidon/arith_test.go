package poseidon

import (
	"math/rand/v2"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"
)

// edgeElement draws elements biased towards 0 and q-1, where the reductions
// in arith.go change branch.
func edgeElement(rng *rand.Rand) fp.Element {
	var e fp.Element
	switch rng.IntN(4) {
	case 0:
		e.SetUint64(rng.Uint64N(4))
	case 1:
		var d fp.Element
		d.SetUint64(rng.Uint64N(4) + 1)
		e.Neg(&d)
	default:
		e = fp.Element{rng.Uint64(), rng.Uint64(), rng.Uint64(), rng.Uint64() >> 4}
		if e[3] > q3 || (e[3] == q3 && (e[0] != 0 || e[1] != 0 || e[2] != 0)) {
			e[3] = rng.Uint64N(q3)
		}
	}
	return e
}

func TestFastArithmetic(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200000 {
		x, y := edgeElement(rng), edgeElement(rng)
		var got, want fp.Element
		addMod(&got, &x, &y)
		want.Add(&x, &y)
		if got != want {
			t.Fatalf("addMod(%s, %s) = %s, want %s", x.String(), y.String(), got.String(), want.String())
		}
		s := [3]fp.Element{x, y, edgeElement(rng)}
		r := s
		mdsFast(&s)
		mds(&r)
		if s != r {
			t.Fatalf("mdsFast differs from mds on %v", r)
		}
	}
}
