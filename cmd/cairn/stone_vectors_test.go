package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/cairn-vm/cairn/stark/testvectors"
)

// TestStoneVectors runs each Stone vector's program in proof mode on its
// layout and compares with what cairo-run wrote for the vector: stdout,
// trace.bin byte for byte, memory.bin as a set, air_public_input.json as
// JSON, and air_private_input.json as JSON apart from the two paths.
func TestStoneVectors(t *testing.T) {
	root := testvectors.Require(t)
	dirs, _ := filepath.Glob(filepath.Join(root, "*-*"))
	n := 0
	for _, dir := range dirs {
		if _, err := os.Stat(filepath.Join(dir, "program.json")); err != nil {
			continue
		}
		n++
		t.Run(filepath.Base(dir), func(t *testing.T) { checkStoneVector(t, dir) })
	}
	if n == 0 {
		t.Fatal("no vectors found")
	}
}

func readJSON(t *testing.T, path string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return v
}

func checkStoneVector(t *testing.T, dir string) {
	pub := readJSON(t, filepath.Join(dir, "air_public_input.json"))
	layout, _ := pub["layout"].(string)
	want, err := os.ReadFile(filepath.Join(dir, "cairo_run.txt"))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	out := func(name string) string { return filepath.Join(tmp, name) }
	args := []string{"run", "--program", filepath.Join(dir, "program.json"), "--layout", layout, "--proof_mode",
		"--trace_file", out("trace.bin"), "--memory_file", out("memory.bin"),
		"--air_public_input", out("pub.json"), "--air_private_input", out("priv.json"),
		"--print_output", "--print_info"}
	// The README: small and dex were run with --min_steps 1024.
	if layout == "small" || layout == "dex" {
		args = append(args, "--min_steps", "1024")
	}
	var stdout, stderr bytes.Buffer
	if code := run(args, &stdout, &stderr); code != 0 {
		if strings.Contains(stderr.String(), "not supported yet") {
			t.Skipf("needs a builtin Cairn lacks: %s", strings.TrimSpace(stderr.String()))
		}
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if stdout.String() != string(want) {
		t.Errorf("stdout differs at line %s", firstDiffLine(stdout.String(), string(want)))
	}
	gotTrace, _ := os.ReadFile(out("trace.bin"))
	wantTrace, _ := os.ReadFile(filepath.Join(dir, "trace.bin"))
	if !bytes.Equal(gotTrace, wantTrace) {
		compareTrace(t, gotTrace, wantTrace)
	}
	gotMem, _ := os.ReadFile(out("memory.bin"))
	wantMem, _ := os.ReadFile(filepath.Join(dir, "memory.bin"))
	compareMemory(t, gotMem, wantMem)
	if got := readJSON(t, out("pub.json")); !reflect.DeepEqual(got, pub) {
		for k := range pub {
			if !reflect.DeepEqual(got[k], pub[k]) {
				t.Errorf("air_public_input %s differs", k)
			}
		}
	}
	gotPriv := readJSON(t, out("priv.json"))
	wantPriv := readJSON(t, filepath.Join(dir, "air_private_input.json"))
	for _, k := range []string{"trace_path", "memory_path"} {
		if _, ok := gotPriv[k].(string); !ok {
			t.Errorf("air_private_input lacks %s", k)
		}
		delete(gotPriv, k)
		delete(wantPriv, k)
	}
	if !reflect.DeepEqual(gotPriv, wantPriv) {
		for k := range wantPriv {
			if !reflect.DeepEqual(gotPriv[k], wantPriv[k]) {
				t.Errorf("air_private_input %s differs", k)
			}
		}
	}
}
