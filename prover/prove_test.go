package prover

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"
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
