package fri

import (
	"errors"
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
