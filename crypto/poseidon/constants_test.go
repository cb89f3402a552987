package poseidon

import (
	"crypto/sha256"
	"fmt"
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/felt"
)

// cairo-lang derives ark[i][j] as int(sha256(f"Hades{3*i+j}")) mod p
// (poseidon_utils.generate_round_constant). Recompute every generated
// constant that way.
func TestRoundConstantsDerivation(t *testing.T) {
	p := fp.Modulus()
	for i := range Rounds {
		for j := range 3 {
			d := sha256.Sum256(fmt.Appendf(nil, "Hades%d", Width*i+j))
			v := new(big.Int).SetBytes(d[:])
			v.Mod(v, p)
			var want fp.Element
			want.SetBigInt(v)
			if roundConstants[i][j] != want {
				t.Fatalf("ark[%d][%d] = %s, want %s", i, j, roundConstants[i][j].Text(16), want.Text(16))
			}
		}
	}
}

// A few constants spelled out, as printed by cairo-lang
// (PoseidonParams.get_default_poseidon_params().ark).
func TestRoundConstantsSpotCheck(t *testing.T) {
	for _, tc := range []struct {
		i, j int
		hex  string
	}{
		{0, 0, "6861759ea556a2339dd92f9562a30b9e58e2ad98109ae4780b7fd8eac77fe6f"},
		{0, 1, "3827681995d5af9ffc8397a3d00425a3da43f76abf28a64e4ab1a22f27508c4"},
		{0, 2, "3a3956d2fad44d0e7f760a2277dc7cb2cac75dc279b2d687a0dbe17704a8309"},
		{1, 0, "626c47a7d421fe1f13c4282214aa759291c78f926a2d1c6882031afe67ef4cd"},
		{45, 1, "d1b8cb1561eed32319638ccab9033dfec47596f8a6f4ce6594e19fddd59254"},
		{90, 2, "61fc552b8eb75e17ad0fb7aaa4ca528f415e14f0d9cdbed861a8db0bfff0c5b"},
	} {
		var want fp.Element
		if _, err := want.SetString("0x" + tc.hex); err != nil {
			t.Fatal(err)
		}
		if got := roundConstants[tc.i][tc.j]; got != want {
			t.Errorf("ark[%d][%d] = 0x%s, want 0x%s", tc.i, tc.j, got.Text(16), tc.hex)
		}
	}
}

// TestRoundsMatchPermute replays the unoptimized Hades rounds with
// RoundConstants and MixLayer and compares with Permute.
func TestRoundsMatchPermute(t *testing.T) {
	ark := RoundConstants()
	var s [Width]fp.Element
	for i := range s {
		s[i].SetUint64(uint64(i + 1))
	}
	in := [Width]felt.Felt{felt.Felt(s[0]), felt.Felt(s[1]), felt.Felt(s[2])}
	for r := range Rounds {
		for j := range s {
			s[j].Add(&s[j], &ark[r][j])
		}
		full := r < FullRounds/2 || r >= FullRounds/2+PartialRounds
		for j := range s {
			if full || j == Width-1 {
				var c fp.Element
				c.Square(&s[j])
				s[j].Mul(&s[j], &c)
			}
		}
		MixLayer(&s)
	}
	Permute(&in)
	for j := range s {
		if fp.Element(in[j]) != s[j] {
			t.Fatalf("word %d differs", j)
		}
	}
}
