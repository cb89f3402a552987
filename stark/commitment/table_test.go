package commitment_test

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/cairn-vm/cairn/stark/channel"
	"github.com/cairn-vm/cairn/stark/commitment"
	"github.com/cairn-vm/cairn/stark/hash"
	"github.com/cairn-vm/cairn/stark/proof"
	vectors "github.com/cairn-vm/cairn/stark/testvectors"
)

func load(t *testing.T, name string) *proof.Proof {
	t.Helper()
	data, err := os.ReadFile(vectors.Path(t, name, "proof.json"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := proof.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// traceCase describes the decommitment of one trace of a vector, read off
// its annotations.
type traceCase struct {
	root       hash.Digest
	nRows      uint64
	nColumns   int
	rows       []uint64
	start, end int // proof bytes of the decommitment
}

func traceCases(t *testing.T, p *proof.Proof) []traceCase {
	anns, err := p.TranscriptAnnotations()
	if err != nil {
		t.Fatal(err)
	}
	fri := p.Parameters.Stark.Fri
	logRows := 0
	for _, s := range fri.FriStepList {
		logRows += int(s)
	}
	for d := fri.LastLayerDegreeBound; d > 1; d >>= 1 {
		logRows++
	}
	nRows := uint64(1) << (logRows + int(p.Parameters.Stark.LogNCosets))
	var roots []hash.Digest
	for _, a := range anns {
		if strings.HasSuffix(a.Scope, "/Commit on Trace") {
			var d hash.Digest
			copy(d[:], p.ProofBytes[a.Start:a.End])
			roots = append(roots, d)
		}
	}
	var out []traceCase
	for i, root := range roots {
		scope := "/Virtual Oracle/Trace " + strconv.Itoa(i)
		tc := traceCase{root: root, nRows: nRows, start: -1}
		cols := map[string]bool{}
		seen := map[uint64]bool{}
		for _, a := range anns {
			if !strings.HasSuffix(a.Scope, scope) {
				continue
			}
			if tc.start < 0 {
				tc.start = a.Start
			}
			tc.end = a.End
			if strings.HasPrefix(a.Label, "Row ") {
				r, c, _ := strings.Cut(strings.TrimPrefix(a.Label, "Row "), ", Column ")
				row, _ := strconv.ParseUint(r, 10, 64)
				if !seen[row] {
					seen[row] = true
					tc.rows = append(tc.rows, row)
				}
				cols[c] = true
			}
		}
		tc.nColumns = len(cols)
		out = append(out, tc)
	}
	if len(out) != 3 && len(out) != 2 {
		t.Fatalf("%d traces", len(out))
	}
	return out
}

func verifyTrace(tc traceCase, proofBytes []byte) (int, error) {
	tab, err := commitment.NewTable(tc.nRows, tc.nColumns, hash.Keccak256Masked160MSB, nil, 0)
	if err != nil {
		return 0, err
	}
	// The root is read through a channel over the root bytes alone; the
	// decommitment is read in the query phase, where the channel state
	// does not matter.
	if err := tab.ReadCommitment(channel.NewVerifier(hash.Digest{}, tc.root[:])); err != nil {
		return 0, err
	}
	ch := channel.NewVerifier(hash.Digest{}, proofBytes[tc.start:])
	ch.BeginQueryPhase()
	var data []commitment.RowCol
	for _, r := range tc.rows {
		for c := 0; c < tc.nColumns; c++ {
			data = append(data, commitment.RowCol{Row: r, Col: c})
		}
	}
	cells, err := tab.Query(ch, data, nil)
	if err != nil {
		return 0, err
	}
	if err := tab.Verify(ch, cells); err != nil {
		return 0, err
	}
	return tc.start + ch.Offset(), nil
}

// TestTraceDecommitments checks, for every stone-preset vector, the
// decommitment of each trace (main, interaction, composition) against its
// commitment, reading exactly the bytes Stone annotated. dex and starknet
// have a one-column interaction trace, whose rows are packed in pairs.
func TestTraceDecommitments(t *testing.T) {
	for _, name := range vectors.StoneVectors {
		t.Run(name, func(t *testing.T) {
			p := load(t, name)
			for i, tc := range traceCases(t, p) {
				end, err := verifyTrace(tc, p.ProofBytes)
				if err != nil {
					t.Fatalf("trace %d: %v", i, err)
				}
				if end != tc.end {
					t.Fatalf("trace %d: read up to %d, want %d", i, end, tc.end)
				}
			}
		})
	}
}

func TestTamperedDecommitment(t *testing.T) {
	p := load(t, "dex-stone")
	for i, tc := range traceCases(t, p) {
		// Flip a bit in a value, in a package completion or an
		// authentication node: a bit of every 32-byte word but the top
		// byte (which could leave a value not below p: a format error).
		for off := tc.start + 31; off < tc.end; off += 32 * 7 {
			bad := append([]byte(nil), p.ProofBytes...)
			bad[off] ^= 1
			_, err := verifyTrace(tc, bad)
			if !errors.Is(err, commitment.ErrDecommitment) {
				t.Fatalf("trace %d, byte %d flipped: %v", i, off, err)
			}
		}
		bad := tc
		bad.root[0] ^= 1
		if _, err := verifyTrace(bad, p.ProofBytes); !errors.Is(err, commitment.ErrDecommitment) {
			t.Fatalf("trace %d, root flipped: %v", i, err)
		}
	}
}

func TestBadQueries(t *testing.T) {
	tab, err := commitment.NewTable(8, 2, hash.Keccak256Masked160MSB, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	ch := channel.NewVerifier(hash.Digest{}, make([]byte, 1024))
	if err := tab.ReadCommitment(ch); err != nil {
		t.Fatal(err)
	}
	if _, err := tab.Query(ch, []commitment.RowCol{{Row: 8}}, nil); !errors.Is(err, commitment.ErrQuery) {
		t.Errorf("row out of range: %v", err)
	}
	if _, err := tab.Query(ch, []commitment.RowCol{{Col: 2}}, nil); !errors.Is(err, commitment.ErrQuery) {
		t.Errorf("column out of range: %v", err)
	}
	q := []commitment.RowCol{{Row: 1}}
	if _, err := tab.Query(ch, q, q); !errors.Is(err, commitment.ErrQuery) {
		t.Errorf("overlapping queries: %v", err)
	}
	if err := tab.Verify(ch, nil); !errors.Is(err, commitment.ErrQuery) {
		t.Errorf("empty verify: %v", err)
	}
	for _, shape := range [][2]uint64{{0, 1}, {3, 1}, {8, 0}} {
		if _, err := commitment.NewTable(shape[0], int(shape[1]), hash.Keccak256Masked160MSB, nil, 0); !errors.Is(err, commitment.ErrShape) {
			t.Errorf("shape %v: %v", shape, err)
		}
	}
}
