package prover

import (
	"bytes"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cairn-vm/cairn/stark/proof"
)

// TestPlainStoneWholeProof proves plain-stone from cairo-run's outputs and
// compares the whole transcript, line for line, and the proof bytes with
// Stone's proof.
func TestPlainStoneWholeProof(t *testing.T) {
	if testing.Short() {
		t.Skip("the proof of work takes seconds")
	}
	wholeProof(t, "plain-stone", false)
}

// TestPlainCairoVerifierWholeProof is the same for the cairo-verifier
// preset (poseidon3 channel, blake256 Merkle leaves under 9 poseidon3
// layers, blake256 proof of work). Its 30-bit proof of work took Stone
// 2^28 hashes, so the test gives the prover Stone's nonce (checked, not
// searched; the search itself is tested on the keccak vectors).
func TestPlainCairoVerifierWholeProof(t *testing.T) {
	wholeProof(t, "plain-cairo-verifier", true)
}

func wholeProof(t *testing.T, vector string, stoneNonce bool) {
	p, dir := loadVector(t, vector)
	e, err := ReadExecution(dir+"/trace.bin", dir+"/memory.bin", dir+"/air_public_input.json")
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Annotate: true}
	if stoneNonce {
		for _, l := range p.Annotations {
			if _, v, ok := strings.Cut(l, "/Proof of Work: POW: Data("); ok {
				n, err := strconv.ParseUint(strings.TrimSuffix(strings.TrimPrefix(v, "0x"), ")"), 16, 64)
				if err != nil {
					t.Fatal(err)
				}
				opts.Nonce = &n
			}
		}
		if opts.Nonce == nil {
			t.Fatal("no nonce in the annotations")
		}
	}
	s, err := Prove(e, &p.Parameters, opts)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, l := range p.Annotations {
		if strings.HasPrefix(l, "P->V") || strings.HasPrefix(l, "V->P") {
			want = append(want, l)
		}
	}
	got := s.Channel.Annotator().Lines
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			t.Fatalf("line %d:\n got  %s\n want %s", i, got[i], want[i])
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%d lines, Stone has %d", len(got), len(want))
	}
	if !bytes.Equal(s.Channel.Proof(), p.ProofBytes) {
		t.Fatal("proof bytes differ")
	}
	// With the title and the proof statistics: the whole annotations list.
	all := s.Annotations()
	if !slices.Equal(all, p.Annotations) {
		t.Fatalf("annotations list differs (%d lines, Stone %d): last %q", len(all), len(p.Annotations), all[len(all)-5:])
	}
	t.Logf("all %d transcript lines and %d proof bytes equal Stone's", len(got), len(p.ProofBytes))
}

// TestBadParameters: parameters Stone would refuse are refused up front
// with ErrParams, before any proving work.
func TestBadParameters(t *testing.T) {
	p, dir := loadVector(t, "plain-stone")
	e, err := ReadExecution(dir+"/trace.bin", dir+"/memory.bin", dir+"/air_public_input.json")
	if err != nil {
		t.Fatal(err)
	}
	for name, mut := range map[string]func(q *proof.Parameters){
		"step sum":        func(q *proof.Parameters) { q.Stark.Fri.FriStepList = []uint64{0, 4, 3} },
		"last layer":      func(q *proof.Parameters) { q.Stark.Fri.LastLayerDegreeBound = 63 },
		"no queries":      func(q *proof.Parameters) { q.Stark.Fri.NQueries = 0 },
		"pow bits":        func(q *proof.Parameters) { q.Stark.Fri.ProofOfWorkBits = 65 },
		"no cosets":       func(q *proof.Parameters) { q.Stark.LogNCosets = 0 },
		"huge cosets":     func(q *proof.Parameters) { q.Stark.LogNCosets = 1 << 40 },
		"empty steps":     func(q *proof.Parameters) { q.Stark.Fri.FriStepList = nil },
		"field":           func(q *proof.Parameters) { q.Field = "PrimeField1" },
		"channel":         func(q *proof.Parameters) { q.ChannelHash = "sha256" },
		"commitment":      func(q *proof.Parameters) { q.CommitmentHash = "md5" },
		"extension":       func(q *proof.Parameters) { q.UseExtensionField = true },
		"huge step":       func(q *proof.Parameters) { q.Stark.Fri.FriStepList = []uint64{0, 1 << 62} },
		"poseidon, bytes": func(q *proof.Parameters) { q.ChannelHash = "poseidon3" },
	} {
		q := p.Parameters
		q.Stark.Fri.FriStepList = slices.Clone(q.Stark.Fri.FriStepList)
		mut(&q)
		s, err := Start(e, &q, Options{})
		if err == nil {
			err = s.Finish()
		}
		if !errors.Is(err, ErrParams) {
			t.Errorf("%s: got %v", name, err)
		}
	}
}
