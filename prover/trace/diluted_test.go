package trace

import (
	"testing"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"
)

// TestExpectedFinalCumulative checks the closed form against the
// recursion r_{j+1} = r_j·(1 + z·u_j) + α·u_j² over every diluted value,
// u_j the step between consecutive diluted values.
func TestExpectedFinalCumulative(t *testing.T) {
	var z, alpha fp.Element
	z.SetUint64(987654321)
	alpha.SetUint64(123456789)
	for _, c := range []struct{ spacing, bits uint64 }{{4, 16}, {2, 5}, {3, 7}} {
		r := fp.One()
		one := fp.One()
		for j := uint64(1); j < 1<<c.bits; j++ {
			var u, a, b fp.Element
			u.SetUint64(dilute(j, c.spacing, c.bits) - dilute(j-1, c.spacing, c.bits))
			a.Mul(&z, &u)
			a.Add(&a, &one)
			r.Mul(&r, &a)
			b.Square(&u)
			b.Mul(&b, &alpha)
			r.Add(&r, &b)
		}
		if got := expectedFinalCumulative(c.spacing, c.bits, z, alpha); !got.Equal(&r) {
			t.Errorf("spacing %d, %d bits: closed form differs from the recursion", c.spacing, c.bits)
		}
	}
}

func TestDiluteRoundTrip(t *testing.T) {
	for x := uint64(0); x < 1<<16; x += 97 {
		d := dilute(x, 4, 16)
		if undilute(d, 4, 16) != x || d&^0x1111111111111111 != 0 {
			t.Fatalf("%#x: diluted %#x", x, d)
		}
	}
}
