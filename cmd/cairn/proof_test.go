package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// TestProofGoldens runs the proof-mode goldens of testdata/proof (corpus
// programs compiled with --proof_mode, run by cairo-run on several
// layouts, scripts/regen-proof-goldens.sh) and compares stdout, the trace
// byte for byte, the memory as a set, and both AIR inputs as JSON.
func TestProofGoldens(t *testing.T) {
	dirs, _ := filepath.Glob("../../testdata/proof/*/args")
	if len(dirs) == 0 {
		t.Fatal("no proof goldens")
	}
	for _, a := range dirs {
		dir := filepath.Dir(a)
		t.Run(filepath.Base(dir), func(t *testing.T) { checkProofGolden(t, dir) })
	}
}

func checkProofGolden(t *testing.T, dir string) {
	args := strings.Fields(string(readGolden(t, dir, "args")))
	for i, a := range args {
		if v, ok := strings.CutPrefix(a, "--cairo_layout_params_file="); ok {
			args[i] = "--cairo_layout_params_file=" + filepath.Join(dir, v)
		}
	}
	wantCode, _ := strconv.Atoi(strings.TrimSpace(string(readGolden(t, dir, "exit_code"))))
	tmp := t.TempDir()
	out := func(n string) string { return filepath.Join(tmp, n) }
	full := append([]string{"run", "--program", filepath.Join(dir, "program.json"),
		"--trace_file", out("trace.bin"), "--memory_file", out("memory.bin"),
		"--air_public_input", out("pub.json"), "--air_private_input", out("priv.json")}, args...)
	var stdout, stderr bytes.Buffer
	code := run(full, &stdout, &stderr)
	if (code == 0) != (wantCode == 0) {
		t.Fatalf("exit %d, cairo-run %d: %s", code, wantCode, stderr.String())
	}
	if wantCode != 0 {
		checkErrorLines(t, stderr.String(), string(readGolden(t, dir, "stderr.txt")))
		return
	}
	if want := string(readGolden(t, dir, "stdout.txt")); stdout.String() != want {
		t.Errorf("stdout differs at line %s", firstDiffLine(stdout.String(), want))
	}
	got, _ := os.ReadFile(out("trace.bin"))
	if want := readGolden(t, dir, "trace.bin"); !bytes.Equal(got, want) {
		compareTrace(t, got, want)
	}
	gotMem, _ := os.ReadFile(out("memory.bin"))
	compareMemory(t, gotMem, readGolden(t, dir, "memory.bin"))
	if g, w := readJSON(t, out("pub.json")), readJSON(t, filepath.Join(dir, "air_public_input.json")); !reflect.DeepEqual(g, w) {
		t.Error("air_public_input differs")
	}
	g, w := readJSON(t, out("priv.json")), readJSON(t, filepath.Join(dir, "air_private_input.json"))
	for _, k := range []string{"trace_path", "memory_path"} {
		delete(g, k)
		delete(w, k)
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("air_private_input differs:\n%v\n%v", g, w)
	}
}
