package prover

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cairn-vm/cairn/runner"
)

// readVectorExecution loads a vector's cairo-run outputs with the private
// input, as cairn prove reads them.
func readVectorExecution(t *testing.T, dir string) *runner.Execution {
	t.Helper()
	e, err := ReadExecution(filepath.Join(dir, "trace.bin"), filepath.Join(dir, "memory.bin"), filepath.Join(dir, "air_public_input.json"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "air_private_input.json"))
	if err != nil {
		t.Fatal(err)
	}
	if e.PrivateInput, err = DecodePrivateInput(b); err != nil {
		t.Fatal(err)
	}
	return e
}

// proveVector proves a stone-preset vector from its inputs and compares
// the whole transcript, line for line, the proof bytes and the whole
// annotations list with Stone's proof.json.
func proveVector(t *testing.T, name string) {
	if testing.Short() {
		t.Skip("the proof of work takes seconds")
	}
	p, dir := loadVector(t, name)
	e := readVectorExecution(t, dir)
	s, err := Prove(e, &p.Parameters, Options{Annotate: true})
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
	if all := s.Annotations(); !slices.Equal(all, p.Annotations) {
		t.Fatalf("annotations list differs (%d lines, Stone %d)", len(all), len(p.Annotations))
	}
	t.Logf("all %d transcript lines and %d proof bytes equal Stone's", len(got), len(p.ProofBytes))
}

func TestSmallStoneWholeProof(t *testing.T)     { proveVector(t, "small-stone") }
func TestDexStoneWholeProof(t *testing.T)       { proveVector(t, "dex-stone") }
func TestRecursiveStoneWholeProof(t *testing.T) { proveVector(t, "recursive-stone") }

// startVector runs the main and interaction commitments of a vector and
// compares their transcript (the first 6 lines: both roots, the
// interaction elements, the composition random element) with Stone's.
func startVector(t *testing.T, name string) {
	p, dir := loadVector(t, name)
	e := readVectorExecution(t, dir)
	s, err := Start(e, &p.Parameters, Options{Annotate: true})
	if err != nil {
		t.Fatal(err)
	}
	got := s.Channel.Annotator().Lines
	want := p.Annotations[2 : 2+len(got)]
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("line %d:\n got  %s\n want %s", i, got[i], want[i])
		}
	}
	t.Logf("the first %d transcript lines equal Stone's", len(got))
}

func TestRecursiveWithPoseidonStoneStart(t *testing.T) {
	startVector(t, "recursive_with_poseidon-stone")
}
func TestStarknetStoneStart(t *testing.T) { startVector(t, "starknet-stone") }
func TestStarknetWithKeccakStoneStart(t *testing.T) { startVector(t, "starknet_with_keccak-stone") }
