package prover

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cairn-vm/cairn/stark/proof"
	"github.com/cairn-vm/cairn/verifier"
)

// TestPlainStoneWholeProof proves plain-stone from cairo-run's outputs and
// compares the whole transcript, line for line, and the proof bytes with
// Stone's proof.
func TestPlainStoneWholeProof(t *testing.T) {
	if testing.Short() {
		t.Skip("the proof of work takes seconds")
	}
	p, dir := loadVector(t, "plain-stone")
	e, err := ReadExecution(dir+"/trace.bin", dir+"/memory.bin", dir+"/air_public_input.json")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Prove(e, &p.Parameters, Options{Annotate: true})
	if err != nil {
		t.Fatal(err)
	}
	compareWithStone(t, s, p, dir)
}

// TestPlainCairoVerifierWholeProof proves plain-cairo-verifier (poseidon3
// channel, blake256/poseidon3 commitments, 30 bits of blake256 proof of
// work) and compares everything with Stone's proof. The smallest-nonce
// search from 0 takes ~3.5·10^8 hashes (about 11 s on two cores with
// AVX-512), so the search starts 2^24 nonces below Stone's nonce: finding
// exactly Stone's nonce from there shows the search returns the first
// valid nonce of its range, and that the nonce is valid for our
// transcript. prover/channel's BenchmarkPoWPlainCairoVerifier runs the
// whole search and checks it ends at Stone's nonce.
func TestPlainCairoVerifierWholeProof(t *testing.T) {
	if testing.Short() {
		t.Skip("proves a whole vector")
	}
	p, dir := loadVector(t, "plain-cairo-verifier")
	e, err := ReadExecution(dir+"/trace.bin", dir+"/memory.bin", dir+"/air_public_input.json")
	if err != nil {
		t.Fatal(err)
	}
	nonce := stoneNonce(t, p)
	const below = 1 << 24
	s, err := Prove(e, &p.Parameters, Options{Annotate: true, PoWStartNonce: nonce - below})
	if err != nil {
		t.Fatal(err)
	}
	compareWithStone(t, s, p, dir)
}

// stoneNonce is the PoW nonce in the proof's annotations.
func stoneNonce(t *testing.T, p *proof.Proof) uint64 {
	t.Helper()
	for _, l := range p.Annotations {
		if i := strings.Index(l, "/Proof of Work: POW: Data(0x"); i >= 0 {
			v := strings.TrimSuffix(l[i+len("/Proof of Work: POW: Data(0x"):], ")")
			n, err := strconv.ParseUint(v, 16, 64)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
	}
	t.Fatal("no proof of work in the annotations")
	return 0
}

// compareWithStone checks the session's transcript lines, proof bytes
// and whole annotations list against Stone's proof; then writes the proof
// out with the vector's input files (in dir), which must equal Stone's
// proof.json as JSON, and cairn's verifier must accept it.
func compareWithStone(t *testing.T, s *Session, p *proof.Proof, dir string) {
	t.Helper()
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

	var in Inputs
	var err error
	for _, f := range []struct {
		name string
		dst  *json.RawMessage
	}{{"air_private_input.json", &in.PrivateInput}, {"air_public_input.json", &in.PublicInput},
		{"cpu_air_params.json", &in.Parameters}, {"cpu_air_prover_config.json", &in.ProverConfig}} {
		if *f.dst, err = os.ReadFile(filepath.Join(dir, f.name)); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := s.WriteProof(&buf, in); err != nil {
		t.Fatal(err)
	}
	stone, err := os.ReadFile(filepath.Join(dir, "proof.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g, w map[string]any
	if err := json.Unmarshal(buf.Bytes(), &g); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(stone, &w); err != nil {
		t.Fatal(err)
	}
	for k := range w {
		if !reflect.DeepEqual(g[k], w[k]) {
			t.Errorf("proof.json key %q differs from Stone's", k)
		}
	}
	if len(g) != len(w) {
		t.Errorf("%d keys, Stone %d", len(g), len(w))
	}
	if rep, err := verifier.VerifyJSON(buf.Bytes(), verifier.Options{}); err != nil {
		t.Fatalf("verifier rejects the proof: %v (checks passed: %v)", err, rep.Run)
	}
}

// proveCairoVerifierVector proves a cairo-verifier-preset vector from its
// inputs, the proof-of-work search starting 2^24 nonces below Stone's
// (see TestPlainCairoVerifierWholeProof), and compares everything with
// Stone's proof.
func proveCairoVerifierVector(t *testing.T, name string) {
	if testing.Short() {
		t.Skip("proves a whole vector")
	}
	p, dir := loadVector(t, name)
	e := readVectorExecution(t, dir)
	nonce := stoneNonce(t, p)
	s, err := Prove(e, &p.Parameters, Options{Annotate: true, PoWStartNonce: nonce - min(nonce, 1<<24)})
	if err != nil {
		t.Fatal(err)
	}
	compareWithStone(t, s, p, dir)
}

func TestSmallCairoVerifierWholeProof(t *testing.T) {
	proveCairoVerifierVector(t, "small-cairo-verifier")
}

// TestDexCairoVerifierWholeProof passed (1819 lines, 67872 bytes equal to
// Stone's; 48 s at load ~10); dex's trace is small's without ecdsa, so it
// runs with CAIRN_LONG_PROOFS=1 only.
func TestDexCairoVerifierWholeProof(t *testing.T) {
	longProofs(t)
	proveCairoVerifierVector(t, "dex-cairo-verifier")
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

// TestRecursiveCairoVerifierWholeProof (2^18 trace rows) took 362 s at
// load ~9 on the shared 2-core machine and passed (2335 transcript lines,
// 82080 proof bytes equal to Stone's); it runs only with
// CAIRN_LONG_PROOFS=1 so that go test ./... stays short.
func TestRecursiveCairoVerifierWholeProof(t *testing.T) {
	longProofs(t)
	proveCairoVerifierVector(t, "recursive-cairo-verifier")
}
