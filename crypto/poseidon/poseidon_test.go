package poseidon

import (
	"math/rand/v2"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/crypto/internal/vectors"
	"github.com/cairn-vm/cairn/felt"
)

type vectorFile struct {
	CairoLang string `json:"cairo_lang"`
	Permute   []struct {
		In  []string `json:"in"`
		Out []string `json:"out"`
	} `json:"permute"`
	Hash []struct {
		X, Y, Out string
	} `json:"hash"`
	HashSingle []struct {
		X, Out string
	} `json:"hash_single"`
	HashMany []struct {
		In  []string `json:"in"`
		Out string   `json:"out"`
	} `json:"hash_many"`
}

func loadVectors(t *testing.T) *vectorFile {
	var v vectorFile
	vectors.Load(t, "testdata/vectors.json", &v)
	if len(v.Permute) == 0 || len(v.Hash) == 0 || len(v.HashSingle) == 0 || len(v.HashMany) == 0 {
		t.Fatal("empty vector file")
	}
	return &v
}

// referencePermute is hades_permutation written the way cairo-lang writes it:
// every round adds all three constants, with no constant folding.
func referencePermute(s *[3]fp.Element) {
	for r := range Rounds {
		for j := range 3 {
			s[j].Add(&s[j], &roundConstants[r][j])
		}
		if r < halfFull || r >= halfFull+PartialRounds {
			for j := range 3 {
				s[j].Cube(&s[j])
			}
		} else {
			s[2].Cube(&s[2])
		}
		// Straight matrix product with the MDS coefficients.
		var three, two fp.Element
		three.SetUint64(3)
		two.SetUint64(2)
		var n0, n1, n2, t fp.Element
		n0.Mul(&s[0], &three)
		n0.Add(&n0, &s[1])
		n0.Add(&n0, &s[2])
		n1.Sub(&s[0], &s[1])
		n1.Add(&n1, &s[2])
		t.Mul(&s[2], &two)
		n2.Add(&s[0], &s[1])
		n2.Sub(&n2, &t)
		s[0], s[1], s[2] = n0, n1, n2
	}
}

func TestPermuteVectors(t *testing.T) {
	v := loadVectors(t)
	for i, tc := range v.Permute {
		in := vectors.Felts(t, tc.In)
		want := vectors.Felts(t, tc.Out)
		s := [3]felt.Felt{in[0], in[1], in[2]}
		Permute(&s)
		if s != [3]felt.Felt{want[0], want[1], want[2]} {
			t.Fatalf("permute vector %d (%v): got %v, want %v", i, tc.In, s, want)
		}
	}
	t.Logf("%d permutation vectors from cairo-lang %s", len(v.Permute), v.CairoLang)
}

func TestHashVectors(t *testing.T) {
	v := loadVectors(t)
	for i, tc := range v.Hash {
		got := Hash(vectors.Felt(t, tc.X), vectors.Felt(t, tc.Y))
		if want := vectors.Felt(t, tc.Out); got != want {
			t.Fatalf("hash vector %d: Hash(%s, %s) = %s, want %s", i, tc.X, tc.Y, got.Hex(), want.Hex())
		}
	}
	for i, tc := range v.HashSingle {
		got := HashSingle(vectors.Felt(t, tc.X))
		if want := vectors.Felt(t, tc.Out); got != want {
			t.Fatalf("hash_single vector %d: HashSingle(%s) = %s, want %s", i, tc.X, got.Hex(), want.Hex())
		}
	}
	t.Logf("%d hash and %d hash_single vectors", len(v.Hash), len(v.HashSingle))
}

func TestHashManyVectors(t *testing.T) {
	v := loadVectors(t)
	lengths := map[int]bool{}
	for i, tc := range v.HashMany {
		in := vectors.Felts(t, tc.In)
		lengths[len(in)] = true
		got := HashMany(in)
		if want := vectors.Felt(t, tc.Out); got != want {
			t.Fatalf("hash_many vector %d (len %d) = %s, want %s", i, len(in), got.Hex(), want.Hex())
		}
	}
	for n := 0; n <= 50; n++ {
		if !lengths[n] {
			t.Errorf("no hash_many vector of length %d", n)
		}
	}
	t.Logf("%d hash_many vectors", len(v.HashMany))
}

// The folded constant schedule must agree with the textbook permutation on
// arbitrary states, not only on the golden ones.
func TestPermuteMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var a, b [3]fp.Element
		for j := range 3 {
			a[j].SetUint64(rng.Uint64())
			var hi fp.Element
			hi.SetUint64(rng.Uint64())
			a[j].Mul(&a[j], &hi)
			a[j].Add(&a[j], &roundConstants[rng.IntN(Rounds)][j])
		}
		b = a
		permute(&a)
		referencePermute(&b)
		if a != b {
			t.Fatalf("optimized permutation differs from the reference")
		}
	}
}

func TestHashManyDefinition(t *testing.T) {
	// poseidon_hash_many([]) = perm(1, 0, 0)[0]; ([x]) = perm(x, 1, 0)[0];
	// ([x, y]) = perm(perm(x, y, 0) + (1, 0, 0))[0].
	x, y := felt.FromUint64(7), felt.FromUint64(11)
	s := [3]felt.Felt{felt.One(), {}, {}}
	Permute(&s)
	if got := HashMany(nil); got != s[0] {
		t.Errorf("HashMany(nil) = %s, want %s", got.Hex(), s[0].Hex())
	}
	s = [3]felt.Felt{x, felt.One(), {}}
	Permute(&s)
	if got := HashMany([]felt.Felt{x}); got != s[0] {
		t.Errorf("HashMany([x]) = %s, want %s", got.Hex(), s[0].Hex())
	}
	s = [3]felt.Felt{x, y, {}}
	Permute(&s)
	s[0] = s[0].Add(felt.One())
	Permute(&s)
	if got := HashMany([]felt.Felt{x, y}); got != s[0] {
		t.Errorf("HashMany([x, y]) = %s, want %s", got.Hex(), s[0].Hex())
	}
}

func TestPermuteDoesNotAllocate(t *testing.T) {
	s := [3]felt.Felt{felt.FromUint64(1), felt.FromUint64(2), felt.FromUint64(3)}
	if n := testing.AllocsPerRun(100, func() { Permute(&s) }); n != 0 {
		t.Errorf("Permute allocates %v times per call", n)
	}
	in := make([]felt.Felt, 9)
	if n := testing.AllocsPerRun(100, func() { HashMany(in) }); n != 0 {
		t.Errorf("HashMany allocates %v times per call", n)
	}
}

func BenchmarkPermute(b *testing.B) {
	s := [3]felt.Felt{felt.FromUint64(1), felt.FromUint64(2), felt.FromUint64(3)}
	for b.Loop() {
		Permute(&s)
	}
}

func BenchmarkPermuteReference(b *testing.B) {
	var s [3]fp.Element
	s[0].SetUint64(1)
	for b.Loop() {
		referencePermute(&s)
	}
}

func BenchmarkHash(b *testing.B) {
	x, y := felt.FromUint64(1), felt.FromUint64(2)
	for b.Loop() {
		x = Hash(x, y)
	}
}

func BenchmarkHashMany100(b *testing.B) {
	in := make([]felt.Felt, 100)
	for i := range in {
		in[i] = felt.FromUint64(uint64(i))
	}
	for b.Loop() {
		HashMany(in)
	}
}
