package prover

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/cairn-vm/cairn/runner"
	"github.com/cairn-vm/cairn/stark/testvectors"
	"github.com/cairn-vm/cairn/trace"
)

// TestDefaultParametersAreStonePreset: for plain-stone's trace length the
// derived parameters are the vector's hand-written stone preset.
func TestDefaultParametersAreStonePreset(t *testing.T) {
	_, dir := loadVector(t, "plain-stone")
	e, err := ReadExecution(filepath.Join(dir, "trace.bin"), filepath.Join(dir, "memory.bin"), filepath.Join(dir, "air_public_input.json"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := DefaultParametersJSON(e)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile(filepath.Join(dir, "cpu_air_params.json"))
	var g, w any
	json.Unmarshal(got, &g)
	json.Unmarshal(want, &w)
	if !reflect.DeepEqual(g, w) {
		t.Fatalf("got %s\nwant %s", got, want)
	}
	// Larger traces keep log2(64) + Σ steps = log2(rows).
	for nSteps, steps := range map[uint64][]any{1 << 14: {0.0, 4.0, 4.0, 4.0}, 1 << 15: {0.0, 4.0, 4.0, 4.0, 1.0}, 1 << 4: {0.0, 2.0}} {
		b, err := DefaultParametersJSON(&runner.Execution{PublicInput: &trace.PublicInput{NSteps: nSteps}})
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		json.Unmarshal(b, &m)
		got := m["stark"].(map[string]any)["fri"].(map[string]any)["fri_step_list"]
		if !reflect.DeepEqual(got, steps) {
			t.Errorf("%d steps: step list %v, want %v", nSteps, got, steps)
		}
	}
	if _, err := DefaultParametersJSON(&runner.Execution{PublicInput: &trace.PublicInput{NSteps: 1000}}); err == nil {
		t.Fatal("accepted 1000 steps")
	}
}

// TestPresetsEqualVectors: for every vector of ../shared/stone-vectors,
// the preset its folder names, derived from its n_steps, is its
// hand-written cpu_air_params.json.
func TestPresetsEqualVectors(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join(testvectors.Require(t), "*-*"))
	n := 0
	for _, dir := range dirs {
		name := filepath.Base(dir)
		preset := ""
		for _, p := range Presets {
			if strings.HasSuffix(name, "-"+p) {
				preset = p
			}
		}
		if preset == "" {
			continue
		}
		pb, err := os.ReadFile(filepath.Join(dir, "air_public_input.json"))
		if err != nil {
			t.Fatal(err)
		}
		pi := new(trace.PublicInput)
		if err := json.Unmarshal(pb, pi); err != nil {
			t.Fatal(err)
		}
		got, err := PresetParametersJSON(&runner.Execution{PublicInput: pi}, preset)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := os.ReadFile(filepath.Join(dir, "cpu_air_params.json"))
		var g, w any
		json.Unmarshal(got, &g)
		json.Unmarshal(want, &w)
		if !reflect.DeepEqual(g, w) {
			t.Errorf("%s: got %s\nwant %s", name, got, want)
		}
		n++
	}
	if n != 14 {
		t.Fatalf("%d vectors with a preset, want 14", n)
	}
	if _, err := PresetParametersJSON(&runner.Execution{PublicInput: &trace.PublicInput{NSteps: 1024}}, "fast"); !errors.Is(err, ErrParams) {
		t.Fatalf("unknown preset: %v", err)
	}
	// Small traces: the last layer shrinks to the whole trace.
	b, _ := PresetParametersJSON(&runner.Execution{PublicInput: &trace.PublicInput{NSteps: 4}}, PresetCairoVerifier)
	var m map[string]any
	json.Unmarshal(b, &m)
	if f := m["stark"].(map[string]any)["fri"].(map[string]any); f["last_layer_degree_bound"] != 64.0 || !reflect.DeepEqual(f["fri_step_list"], []any{0.0}) {
		t.Fatalf("4 steps: %v", f)
	}
}
