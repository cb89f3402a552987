package fri

import (
	"errors"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	pchannel "github.com/cairn-vm/cairn/prover/channel"
	vchannel "github.com/cairn-vm/cairn/stark/channel"
	"github.com/cairn-vm/cairn/stark/commitment"
	vfri "github.com/cairn-vm/cairn/stark/fri"
	"github.com/cairn-vm/cairn/stark/hash"
)

// lowDegree evaluates a random polynomial of degree < deg on the FRI
// domain of size 2^logSize (bit-reversed order).
func lowDegree(r *rand.Rand, logSize int, deg int) []fp.Element {
	c := make([]fp.Element, deg)
	for i := range c {
		c[i].SetUint64(r.Uint64())
		c[i].Square(&c[i])
	}
	d := vfri.NewDomain(logSize)
	out := make([]fp.Element, 1<<logSize)
	for i := range out {
		x := d.At(0, uint64(i))
		out[i] = vfri.EvalLastLayer(c, &x)
	}
	return out
}

// TestProofAcceptedByVerifier makes FRI proofs for low-degree inputs and
// runs the verifier's FRI (stark/fri) on them: it must accept, read every
// byte and write the same annotation lines.
func TestProofAcceptedByVerifier(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	h := hash.Keccak256Masked160MSB
	for _, tc := range []struct {
		steps []int
		last  uint64
	}{{[]int{0, 2, 2}, 4}, {[]int{2, 3, 1}, 1}, {[]int{0, 4}, 4}, {[]int{1, 1, 1, 1, 1, 1}, 1}, {[]int{0}, 64}} {
		const logSize, logDeg = 10, 6
		first := lowDegree(r, logSize, 1<<logDeg)
		p := Params{StepList: tc.steps, LastLayerDegreeBound: tc.last, NQueries: 7, ProofOfWorkBits: 5, Bottom: h}
		var seed hash.Digest
		seed[3] = 1
		pc := pchannel.NewProver(seed)
		pc.SetAnnotator(vchannel.NewAnnotator("t"))
		f, err := Commit(pc, p, first)
		if err != nil {
			t.Fatalf("%v: %v", tc.steps, err)
		}
		if _, err := f.ChooseQueries(pc); err != nil {
			t.Fatal(err)
		}
		if err := f.Decommit(pc, func([]uint64) error { return nil }); err != nil {
			t.Fatal(err)
		}

		vc := vchannel.NewVerifier(seed, pc.Proof())
		ann := vchannel.NewAnnotator("t")
		vc.SetAnnotator(ann)
		vp := vfri.Params{StepList: tc.steps, LastLayerDegreeBound: tc.last, NQueries: 7, ProofOfWorkBits: 5, LogDomainSize: logSize,
			NewTable: func(rows uint64, cols int) (*commitment.Table, error) {
				return commitment.NewTable(rows, cols, h, nil, 0)
			}}
		v := vfri.NewVerifier(vp)
		if err := v.Commit(vc); err != nil {
			t.Fatal(err)
		}
		qs, err := v.ChooseQueries(vc)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(qs, f.queries) {
			t.Fatal("queries differ")
		}
		err = v.Decommit(vc, func(q []uint64) ([]fp.Element, error) {
			out := make([]fp.Element, len(q))
			for i, k := range q {
				out[i] = first[k]
			}
			return out, nil
		})
		if err != nil {
			t.Fatalf("%v: verifier rejects: %v", tc.steps, err)
		}
		if !vc.Done() {
			t.Fatalf("%v: %d bytes unread", tc.steps, len(pc.Proof())-vc.Offset())
		}
		if !slices.Equal(ann.Lines, pc.Annotator().Lines) {
			t.Fatalf("%v: annotations differ:\n%q\n%q", tc.steps, ann.Lines, pc.Annotator().Lines)
		}
	}
}

func TestRejectsHighDegree(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	first := lowDegree(r, 10, 65)
	p := Params{StepList: []int{0, 2, 2}, LastLayerDegreeBound: 4, NQueries: 3, Bottom: hash.Keccak256Masked160MSB}
	if _, err := Commit(pchannel.NewProver(hash.Digest{}), p, first); !errors.Is(err, ErrDegree) {
		t.Fatalf("got %v", err)
	}
	for _, bad := range []Params{{StepList: nil, LastLayerDegreeBound: 4}, {StepList: []int{0, 20}, LastLayerDegreeBound: 1}, {StepList: []int{0, 2}, LastLayerDegreeBound: 0}} {
		bad.Bottom = hash.Keccak256Masked160MSB
		if _, err := Commit(pchannel.NewProver(hash.Digest{}), bad, first); !errors.Is(err, ErrParams) {
			t.Fatalf("%v: got %v", bad.StepList, err)
		}
	}
}

// foldReference is one FRI round pair by pair: v_{2m} + v_{2m+1} +
// (v_{2m} − v_{2m+1})·e/x_m with x_m = w_b^bitrev(m) over one bit fewer.
func foldReference(dom *vfri.Domain, logSize int, cur []fp.Element, b int, e fp.Element) []fp.Element {
	half := len(cur) / 2
	g := dom.Generator(b)
	var gInv fp.Element
	gInv.Inverse(&g)
	logHalf := logSize - b - 1
	next := make([]fp.Element, half)
	for m := range half {
		var xInv fp.Element
		xInv.Exp(gInv, new(big.Int).SetUint64(vfri.BitReverse(uint64(m), logHalf)))
		var sum, diff fp.Element
		sum.Add(&cur[2*m], &cur[2*m+1])
		diff.Sub(&cur[2*m], &cur[2*m+1])
		diff.Mul(&diff, &xInv)
		diff.Mul(&diff, &e)
		next[m].Add(&sum, &diff)
	}
	return next
}

// TestFoldEqualsReference checks the vectorized fold on every layer of
// domains up to 2^15 (the parallel path from 2^14) with random values.
func TestFoldEqualsReference(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, logSize := range []int{1, 2, 3, 5, 9, 10, 14, 15} {
		f := &Prover{logSize: logSize, dom: vfri.NewDomain(logSize)}
		for b := 0; b < logSize; b++ {
			cur := make([]fp.Element, 1<<(logSize-b))
			for i := range cur {
				cur[i].SetUint64(r.Uint64())
				cur[i].Square(&cur[i])
			}
			var e fp.Element
			e.SetUint64(r.Uint64())
			e.Square(&e)
			got := f.fold(cur, b, e)
			want := foldReference(f.dom, logSize, cur, b, e)
			for i := range want {
				if !got[i].Equal(&want[i]) {
					t.Fatalf("2^%d, layer %d: value %d differs", logSize, b, i)
				}
			}
			if b > 4 && logSize > 10 {
				break // the reference's Exp per pair is slow; the large layers suffice
			}
		}
	}
}

func BenchmarkFold2p22(b *testing.B) {
	r := rand.New(rand.NewPCG(7, 8))
	const logSize = 22
	f := &Prover{logSize: logSize, dom: vfri.NewDomain(logSize)}
	cur := make([]fp.Element, 1<<logSize)
	for i := range cur {
		cur[i].SetUint64(r.Uint64())
	}
	var e fp.Element
	e.SetUint64(12345)
	for b.Loop() {
		f.fold(cur, 0, e)
	}
}

// TestFoldPairsInPlace checks foldPairs writing over its input's first
// half against the pair-by-pair formula, lengths around the chunk size.
func TestFoldPairsInPlace(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for _, n := range []int{1, 3, 255, 256, 257, 1000} {
		in := make([]fp.Element, 2*n)
		w := make([]fp.Element, n)
		for i := range in {
			in[i].SetUint64(r.Uint64())
		}
		for i := range w {
			w[i].SetUint64(r.Uint64())
		}
		want := make([]fp.Element, n)
		for i := range want {
			var d fp.Element
			want[i].Add(&in[2*i], &in[2*i+1])
			d.Sub(&in[2*i], &in[2*i+1])
			d.Mul(&d, &w[i])
			want[i].Add(&want[i], &d)
		}
		foldPairs(in, w, in[:n])
		for i := range want {
			if !in[i].Equal(&want[i]) {
				t.Fatalf("%d pairs: value %d differs", n, i)
			}
		}
	}
}
