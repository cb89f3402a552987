package pedersen

import (
	"errors"
	"math/big"
	"math/rand/v2"
	"testing"

	starkcurve "github.com/consensys/gnark-crypto/ecc/stark-curve"
	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"
	gnarkpedersen "github.com/consensys/gnark-crypto/ecc/stark-curve/pedersen-hash"

	"github.com/cairn-vm/cairn/crypto/internal/vectors"
	"github.com/cairn-vm/cairn/felt"
)

type vectorFile struct {
	CairoLang string `json:"cairo_lang"`
	Points    []struct {
		Name, X, Y string
	} `json:"points"`
	Hash []struct {
		A, B, Out string
	} `json:"hash"`
	HashOnElements []struct {
		In               []string `json:"in"`
		Out              string   `json:"out"`
		OutWithoutLength string   `json:"out_without_length"`
	} `json:"hash_on_elements"`
	HashChain []struct {
		In  []string `json:"in"`
		Out string   `json:"out"`
	} `json:"hash_chain"`
}

func loadVectors(t *testing.T) *vectorFile {
	var v vectorFile
	vectors.Load(t, "testdata/vectors.json", &v)
	if len(v.Hash) == 0 || len(v.HashOnElements) == 0 || len(v.HashChain) == 0 || len(v.Points) != 5 {
		t.Fatal("incomplete vector file")
	}
	return &v
}

func TestConstantPoints(t *testing.T) {
	v := loadVectors(t)
	ours := map[string]Point{"shift": ShiftPoint, "p0": P0, "p1": P1, "p2": P2, "p3": P3}
	for _, p := range v.Points {
		want := Point{vectors.Felt(t, p.X), vectors.Felt(t, p.Y)}
		if got, ok := ours[p.Name]; !ok || got != want {
			t.Errorf("constant point %s = %v, want %v (pedersen_params.json)", p.Name, got, want)
		}
		a := affine(want)
		if !a.IsOnCurve() {
			t.Errorf("constant point %s is not on the curve", p.Name)
		}
	}
}

func TestHashVectors(t *testing.T) {
	v := loadVectors(t)
	for i, tc := range v.Hash {
		a, b := vectors.Felt(t, tc.A), vectors.Felt(t, tc.B)
		if got, want := Hash(a, b), vectors.Felt(t, tc.Out); got != want {
			t.Fatalf("vector %d: Hash(%s, %s) = %s, want %s", i, tc.A, tc.B, got.Hex(), want.Hex())
		}
	}
	t.Logf("%d pedersen_hash vectors from cairo-lang %s", len(v.Hash), v.CairoLang)
}

func TestHashOnElementsVectors(t *testing.T) {
	v := loadVectors(t)
	for i, tc := range v.HashOnElements {
		in := vectors.Felts(t, tc.In)
		if got, want := HashOnElements(in), vectors.Felt(t, tc.Out); got != want {
			t.Fatalf("vector %d (len %d): HashOnElements = %s, want %s", i, len(in), got.Hex(), want.Hex())
		}
		if got, want := HashOnElementsWithoutLength(in), vectors.Felt(t, tc.OutWithoutLength); got != want {
			t.Fatalf("vector %d (len %d): HashOnElementsWithoutLength = %s, want %s", i, len(in), got.Hex(), want.Hex())
		}
	}
	for i, tc := range v.HashChain {
		in := vectors.Felts(t, tc.In)
		got, err := HashChain(in)
		if err != nil {
			t.Fatal(err)
		}
		if want := vectors.Felt(t, tc.Out); got != want {
			t.Fatalf("chain vector %d (len %d): HashChain = %s, want %s", i, len(in), got.Hex(), want.Hex())
		}
	}
	if _, err := HashChain(nil); !errors.Is(err, ErrEmptyChain) {
		t.Errorf("HashChain(nil) error = %v, want ErrEmptyChain", err)
	}
	t.Logf("%d compute_hash_on_elements and %d compute_hash_chain vectors", len(v.HashOnElements), len(v.HashChain))
}

// slowHash is the definition with plain scalar multiplications.
func slowHash(a, b felt.Felt) felt.Felt {
	mask := new(big.Int).Lsh(big.NewInt(1), LowPartBits)
	mask.Sub(mask, big.NewInt(1))
	var acc starkcurve.G1Jac
	s := affine(ShiftPoint)
	acc.FromAffine(&s)
	for k, e := range []felt.Felt{a, b} {
		v := e.BigInt()
		low := new(big.Int).And(v, mask)
		high := new(big.Int).Rsh(v, LowPartBits)
		for j, m := range []*big.Int{low, high} {
			base := affine([]Point{P0, P1, P2, P3}[2*k+j])
			var q starkcurve.G1Jac
			q.FromAffine(&base)
			q.ScalarMultiplication(&q, m)
			acc.AddAssign(&q)
		}
	}
	var r starkcurve.G1Affine
	r.FromJacobian(&acc)
	return felt.Felt(r.X)
}

func randomFelt(rng *rand.Rand) felt.Felt {
	switch rng.IntN(5) {
	case 0:
		return felt.FromUint64(rng.Uint64N(300))
	case 1:
		return felt.FromInt64(-1 - rng.Int64N(300))
	default:
		var e fp.Element
		e.SetUint64(rng.Uint64())
		var f fp.Element
		f.SetUint64(rng.Uint64() | 1)
		e.Mul(&e, &f).Mul(&e, &f).Mul(&e, &f)
		return felt.Felt(e)
	}
}

// Differential checks against the plain definition and gnark-crypto's
// pedersen-hash package.
func TestHashMatchesDefinitionAndGnark(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range 300 {
		a, b := randomFelt(rng), randomFelt(rng)
		got := Hash(a, b)
		ea, eb := fp.Element(a), fp.Element(b)
		if g := gnarkpedersen.Pedersen(&ea, &eb); felt.Felt(g) != got {
			t.Fatalf("Hash(%s, %s) = %s, gnark says %s", a.Hex(), b.Hex(), got.Hex(), felt.Felt(g).Hex())
		}
		if i < 50 {
			if want := slowHash(a, b); got != want {
				t.Fatalf("Hash(%s, %s) = %s, definition says %s", a.Hex(), b.Hex(), got.Hex(), want.Hex())
			}
		}
	}
}

// Hash(0, 0) is the shift point's x, and Hash(1, 0) is x(shift + P0).
func TestHashSmall(t *testing.T) {
	if got := Hash(felt.Felt{}, felt.Felt{}); got != ShiftPoint.X {
		t.Errorf("Hash(0, 0) = %s, want shift x %s", got.Hex(), ShiftPoint.X.Hex())
	}
	var s, p starkcurve.G1Affine
	s, p = affine(ShiftPoint), affine(P0)
	s.Add(&s, &p)
	if got := Hash(felt.One(), felt.Felt{}); got != felt.Felt(s.X) {
		t.Errorf("Hash(1, 0) = %s, want %s", got.Hex(), felt.Felt(s.X).Hex())
	}
}

func TestHashDoesNotAllocate(t *testing.T) {
	a, b := felt.FromUint64(1), felt.FromUint64(2)
	Hash(a, b)
	if n := testing.AllocsPerRun(100, func() { Hash(a, b) }); n != 0 {
		t.Errorf("Hash allocates %v times per call", n)
	}
}

func BenchmarkHash(b *testing.B) {
	x := felt.FromInt64(-12345)
	y := felt.FromInt64(-67890)
	Hash(x, y)
	for b.Loop() {
		x = Hash(x, y)
	}
}

func BenchmarkBuildTables(b *testing.B) {
	for b.Loop() {
		buildTables()
	}
}
