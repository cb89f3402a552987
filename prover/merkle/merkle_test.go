package merkle_test

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	pchannel "github.com/cairn-vm/cairn/prover/channel"
	"github.com/cairn-vm/cairn/prover/merkle"
	vchannel "github.com/cairn-vm/cairn/stark/channel"
	"github.com/cairn-vm/cairn/stark/commitment"
	"github.com/cairn-vm/cairn/stark/hash"
)

func randColumns(r *rand.Rand, nCols, nRows int) [][]fp.Element {
	cols := make([][]fp.Element, nCols)
	for c := range cols {
		cols[c] = make([]fp.Element, nRows)
		for i := range cols[c] {
			cols[c][i].SetUint64(r.Uint64())
			cols[c][i].Square(&cols[c][i])
		}
	}
	return cols
}

// naiveRoot hashes the table recursively, straight from the definition.
func naiveRoot(h hash.Hasher, cols [][]fp.Element, perLeaf, lo, hi uint64) hash.Digest {
	if hi-lo == perLeaf {
		var buf []byte
		for r := lo; r < hi; r++ {
			for c := range cols {
				var b [32]byte
				vchannel.MontgomeryBytes(&cols[c][r], b[:])
				buf = append(buf, b[:]...)
			}
		}
		return h.HashBytes(buf)
	}
	mid := (lo + hi) / 2
	return h.HashPair(naiveRoot(h, cols, perLeaf, lo, mid), naiveRoot(h, cols, perLeaf, mid, hi))
}

// TestDecommitAcceptedByVerifier commits and decommits as a prover and
// checks the result with the verifier's table (stark/commitment), which
// must read every byte and produce the same annotation lines.
func TestDecommitAcceptedByVerifier(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct{ cols, rows int }{{6, 1024}, {3, 64}, {1, 64}, {2, 2}, {1, 2}, {1, 4}} {
		h := hash.Keccak256Masked160MSB
		cols := randColumns(r, tc.cols, tc.rows)
		tab, err := merkle.Commit(cols, h, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		if want := naiveRoot(h, cols, tab.PerLeaf, 0, uint64(tc.rows)); tab.Root() != want {
			t.Fatalf("%v: root differs from the naive tree", tc)
		}
		queries := []uint64{uint64(tc.rows - 1), 0, 0}
		for range 5 {
			queries = append(queries, r.Uint64N(uint64(tc.rows)))
		}
		var seed hash.Digest
		seed[0] = 7
		pc := pchannel.NewProver(seed)
		pc.SetAnnotator(vchannel.NewAnnotator("t"))
		pc.SendHash("Commitment", tab.RootHasher(), tab.Root())
		if err := tab.Decommit(pc, merkle.ColumnRows(cols), queries, nil); err != nil {
			t.Fatal(err)
		}

		vc := vchannel.NewVerifier(seed, pc.Proof())
		ann := vchannel.NewAnnotator("t")
		vc.SetAnnotator(ann)
		vt, err := commitment.NewTable(uint64(tc.rows), tc.cols, h, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := vt.ReadCommitment(vc); err != nil {
			t.Fatal(err)
		}
		var data []commitment.RowCol
		for _, q := range queries {
			for c := range tc.cols {
				data = append(data, commitment.RowCol{Row: q, Col: c})
			}
		}
		slices.SortFunc(data, func(a, b commitment.RowCol) int {
			if a.Row != b.Row {
				return int(a.Row) - int(b.Row)
			}
			return a.Col - b.Col
		})
		data = slices.Compact(data)
		cells, err := vt.Query(vc, data, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := vt.Verify(vc, cells); err != nil {
			t.Fatalf("%v: verifier rejects: %v", tc, err)
		}
		if !vc.Done() {
			t.Fatalf("%v: verifier left %d bytes unread", tc, len(pc.Proof())-vc.Offset())
		}
		if !slices.Equal(ann.Lines, pc.Annotator().Lines) {
			t.Fatalf("%v: annotations differ:\n%q\n%q", tc, ann.Lines, pc.Annotator().Lines)
		}
	}
}

func TestShapeErrors(t *testing.T) {
	h := hash.Keccak256Masked160MSB
	for _, cols := range [][][]fp.Element{nil, {make([]fp.Element, 3)}, {make([]fp.Element, 4), make([]fp.Element, 2)}, {make([]fp.Element, 1)}} {
		if _, err := merkle.Commit(cols, h, nil, 0); !errors.Is(err, merkle.ErrShape) {
			t.Fatalf("got %v", err)
		}
	}
	cols := [][]fp.Element{make([]fp.Element, 4), make([]fp.Element, 4)}
	tab, err := merkle.Commit(cols, h, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	pc := pchannel.NewProver(hash.Digest{})
	if err := tab.Decommit(pc, merkle.ColumnRows(cols), []uint64{4}, nil); !errors.Is(err, merkle.ErrShape) {
		t.Fatalf("got %v", err)
	}
	if err := tab.Decommit(pc, merkle.ColumnRows(cols[:1]), []uint64{0}, nil); !errors.Is(err, merkle.ErrShape) {
		t.Fatalf("got %v", err)
	}
	// Committing block by block gives the same tree.
	big := randColumns(rand.New(rand.NewPCG(5, 6)), 3, 64)
	whole, _ := merkle.Commit(big, h, nil, 0)
	blocks, err := merkle.CommitBlocks(64, 3, 16, func(b int, out [][]fp.Element) error {
		for c := range out {
			copy(out[c], big[c][16*b:])
		}
		return nil
	}, h, nil, 0)
	if err != nil || blocks.Root() != whole.Root() {
		t.Fatalf("block commitment differs: %v", err)
	}
	if _, err := merkle.CommitBlocks(64, 3, 24, nil, h, nil, 0); !errors.Is(err, merkle.ErrShape) {
		t.Fatalf("got %v", err)
	}
}

// TestFastHashers: the reusable-state hashing gives stark/hash's digests
// for every hash it covers, for leaves and for node pairs.
func TestFastHashers(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	for _, h := range []hash.Hasher{hash.Keccak256Hasher, hash.Keccak256Masked160MSB, hash.Keccak256Masked160LSB,
		hash.Blake256Hasher, hash.Blake256Masked160LSB, hash.Blake256Masked248LSB, hash.Poseidon3Hasher} {
		bh := merkle.NewByteHasherForTest(h)
		for _, n := range []int{0, 32, 64, 136, 192, 500} {
			b := make([]byte, n)
			for i := range b {
				b[i] = byte(r.Uint32())
			}
			if n%32 == 0 || h != hash.Poseidon3Hasher {
				if got, want := bh.Bytes(b), h.HashBytes(b); got != want {
					t.Fatalf("%s: %d bytes differ", h.Name(), n)
				}
			}
		}
		x, y := h.HashBytes([]byte{1}), h.HashBytes([]byte{2})
		if got, want := bh.Pair(&x, &y), h.HashPair(x, y); got != want {
			t.Fatalf("%s: pair differs", h.Name())
		}
	}
}
