package prover

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/cairn-vm/cairn/program"
	"github.com/cairn-vm/cairn/runner"
)

// TestRunnerExecutionProves runs plain-stone's program.json in proof mode
// in-process (no files) and checks that the prover's phases give the same
// transcript as from cairo-run's files: Stone's first 6 lines.
func TestRunnerExecutionProves(t *testing.T) {
	p, dir := loadVector(t, "plain-stone")
	data, err := os.ReadFile(filepath.Join(dir, "program.json"))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := program.Load(data)
	if err != nil {
		t.Fatal(err)
	}
	r, err := runner.New(prog, runner.Config{Layout: "plain", ProofMode: true})
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
	s, err := Start(ex, &p.Parameters, Options{Annotate: true})
	if err != nil {
		t.Fatal(err)
	}
	got := s.Channel.Annotator().Lines
	want := p.Annotations[2 : 2+len(got)]
	if len(got) != 6 || !slices.Equal(got, want) {
		t.Fatalf("transcript differs:\n%q\n%q", got, want)
	}
}

// TestRunnerExecutionProvesSmall runs small-stone's program in proof mode
// in-process (--min_steps 1024, as the vector) and checks the first
// transcript lines equal Stone's: the runner's private input feeds the
// builtins' trace as air_private_input.json does.
func TestRunnerExecutionProvesSmall(t *testing.T) {
	p, dir := loadVector(t, "small-stone")
	data, err := os.ReadFile(filepath.Join(dir, "program.json"))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := program.Load(data)
	if err != nil {
		t.Fatal(err)
	}
	r, err := runner.New(prog, runner.Config{Layout: "small", ProofMode: true, MinSteps: 1024})
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
	s, err := Start(ex, &p.Parameters, Options{Annotate: true})
	if err != nil {
		t.Fatal(err)
	}
	got := s.Channel.Annotator().Lines
	if want := p.Annotations[2 : 2+len(got)]; len(got) != 6 || !slices.Equal(got, want) {
		t.Fatalf("transcript differs:\n%q\n%q", got, want)
	}
}
