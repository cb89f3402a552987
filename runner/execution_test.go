package runner

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/cairn-vm/cairn/program"
	"github.com/cairn-vm/cairn/stark/testvectors"
	"github.com/cairn-vm/cairn/trace"
)

// TestExecutionMatchesFiles: the in-process Execution of the plain Stone
// vector equals the files cairo-run wrote for it.
func TestExecutionMatchesFiles(t *testing.T) {
	dir := testvectors.Path(t, "plain-stone")
	data, err := os.ReadFile(filepath.Join(dir, "program.json"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := program.Load(data)
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(p, Config{Layout: "plain", ProofMode: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Run(); err != nil {
		t.Fatal(r.FormatError(err))
	}
	ex, err := r.Execution()
	if err != nil {
		t.Fatal(err)
	}
	var tb bytes.Buffer
	if err := trace.WriteTrace(&tb, ex.Trace); err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile(filepath.Join(dir, "trace.bin"))
	if !bytes.Equal(tb.Bytes(), want) {
		t.Fatal("trace differs from trace.bin")
	}
	wantMem, _ := os.ReadFile(filepath.Join(dir, "memory.bin"))
	cells, err := trace.ReadMemory(wantMem)
	if err != nil {
		t.Fatal(err)
	}
	got := map[uint64]string{}
	for _, c := range ex.Memory {
		got[c.Addr] = c.Value.String()
	}
	if len(got) != len(cells) {
		t.Fatalf("%d cells, memory.bin has %d", len(got), len(cells))
	}
	for _, c := range cells {
		if got[c.Addr] != c.Value.String() {
			t.Fatalf("cell %d differs", c.Addr)
		}
	}
	if ex.PublicInput.NSteps != uint64(len(ex.Trace)) || ex.Layout != "plain" {
		t.Fatalf("public input %+v", ex.PublicInput)
	}
}
