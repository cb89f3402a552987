package prover

import (
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/stark/air"
)

// TestFastCompositionMatchesAIR: for plain-stone, the prover's
// precomputed evaluation of the constraint program equals stark/air's
// CompositionAt at arbitrary points (and is available at all, so the
// proof does not silently take the slow path).
func TestFastCompositionMatchesAIR(t *testing.T) {
	s, _ := startPlainStone(t)
	f := s.newFastComposition()
	if f == nil {
		t.Fatal("no fast composition for plain")
	}
	for i := uint64(1); i <= 5; i++ {
		var z fp.Element
		z.SetUint64(1000003 * i)
		mask, err := s.MaskValues(z, s.Layout.Mask)
		if err != nil {
			t.Fatal(err)
		}
		want, err := s.Layout.CompositionAt(&air.Point{Public: s.Public, Interaction: s.InteractionElements[:], Alpha: s.CompositionRandom, Z: z, Mask: mask})
		if err != nil {
			t.Fatal(err)
		}
		pp := []fp.Element{z}
		for _, e := range f.exps {
			var x fp.Element
			x.Exp(z, new(big.Int).SetUint64(e))
			pp = append(pp, x)
		}
		got, err := f.at(mask, pp, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Equal(&want) {
			t.Fatalf("point %d: fast %s, AIR %s", i, got.Text(16), want.Text(16))
		}
	}
}
