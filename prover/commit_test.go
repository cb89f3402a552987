package prover

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cairn-vm/cairn/stark/hash"
	"github.com/cairn-vm/cairn/stark/proof"
	"github.com/cairn-vm/cairn/stark/testvectors"
)

func loadVector(t testing.TB, name string) (*proof.Proof, string) {
	t.Helper()
	dir := filepath.Join(testvectors.Require(t), name)
	b, err := os.ReadFile(filepath.Join(dir, "proof.json"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := proof.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	return p, dir
}

// TestPlainStoneTraceCommitment builds plain-stone's main trace from the
// vector's cairo-run outputs, extends and commits to it, and compares with
// Stone's proof: the first transcript line (the root) and every
// decommitted trace cell.
func TestPlainStoneTraceCommitment(t *testing.T) {
	p, dir := loadVector(t, "plain-stone")
	e, err := ReadExecution(filepath.Join(dir, "trace.bin"), filepath.Join(dir, "memory.bin"), filepath.Join(dir, "air_public_input.json"))
	if err != nil {
		t.Fatal(err)
	}
	_, cols, err := MainColumns(e)
	if err != nil {
		t.Fatal(err)
	}
	ct, err := CommitTrace(cols, &p.Parameters)
	if err != nil {
		t.Fatal(err)
	}
	anns, err := p.TranscriptAnnotations()
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, a := range anns {
		if !strings.HasSuffix(a.Scope, "/Virtual Oracle/Trace 0") || a.Kind != "Field Element" {
			continue
		}
		var row uint64
		var col int
		rs, cs, ok := strings.Cut(a.Label, ", Column ")
		if !ok || !strings.HasPrefix(rs, "Row ") {
			continue
		}
		row, _ = strconv.ParseUint(rs[4:], 10, 64)
		col, _ = strconv.Atoi(cs)
		v := ct.LDE.Row(row)[col]
		if got := hash.HexNoLeadingZeros(bytesBE(v.Bytes())); got != a.Value {
			t.Errorf("row %d column %d: got %s, Stone %s", row, col, got, a.Value)
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no decommitted trace cells found")
	}
	first := anns[0]
	if first.Scope != "/cpu air/STARK/Original/Commit on Trace" || first.Kind != "Hash" {
		t.Fatalf("first annotation is %v", first)
	}
	root := ct.Table.Root()
	if got := hash.Format(ct.Table.RootHasher(), root); got != first.Value {
		t.Fatalf("trace root %s, Stone %s", got, first.Value)
	}
	t.Logf("root %s matches; %d decommitted cells match", first.Value, checked)
}

func bytesBE(b [32]byte) []byte { return b[:] }

// TestPlainStoneTranscriptPrefix runs the implemented prover phases on
// plain-stone's inputs and compares every transcript line and proof byte
// they produce with Stone's proof.
func TestPlainStoneTranscriptPrefix(t *testing.T) {
	p, dir := loadVector(t, "plain-stone")
	e, err := ReadExecution(filepath.Join(dir, "trace.bin"), filepath.Join(dir, "memory.bin"), filepath.Join(dir, "air_public_input.json"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Start(e, &p.Parameters, Options{Annotate: true})
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
	if len(got) < 6 {
		t.Fatalf("only %d lines", len(got))
	}
	for i, l := range got {
		if i >= len(want) || l != want[i] {
			t.Fatalf("line %d:\n got  %s\n want %s", i, l, want[min(i, len(want)-1)])
		}
	}
	pb := s.Channel.Proof()
	if string(pb) != string(p.ProofBytes[:len(pb)]) {
		t.Fatal("proof bytes differ")
	}
	t.Logf("%d transcript lines and %d proof bytes equal Stone's", len(got), len(pb))
}
