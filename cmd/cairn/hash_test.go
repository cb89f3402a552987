package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// cairn hash-program prints what cairo-hash-program prints.
func TestHashProgramCLI(t *testing.T) {
	raw, err := os.ReadFile("../../testdata/hash/hashes.json")
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]map[string]string
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	const key = "testdata/corpus/fib_recursive/program.json"
	for _, fn := range []string{"pedersen", "poseidon", "blake"} {
		var out, errb bytes.Buffer
		if code := run([]string{"hash-program", "--program", "../../" + key, "--program-hash-function", fn}, &out, &errb); code != 0 {
			t.Fatalf("%s: exit %d: %s", fn, code, errb.String())
		}
		if got := strings.TrimSpace(out.String()); got != want[key][fn] {
			t.Errorf("%s: %s, cairo-hash-program %s", fn, got, want[key][fn])
		}
	}
	// cairo-lang's older --use_poseidon, and --flavor, are accepted.
	var out, errb bytes.Buffer
	if code := run([]string{"hash-program", "--program", "../../" + key, "--use_poseidon", "--flavor", "Debug"}, &out, &errb); code != 0 ||
		strings.TrimSpace(out.String()) != want[key]["poseidon"] {
		t.Errorf("--use_poseidon: exit %d, %q %s", code, out.String(), errb.String())
	}
	out.Reset()
	if code := run([]string{"hash-program", "--program", "../../" + key, "--flavor", "Fast"}, &out, &errb); code == 0 {
		t.Error("an unknown flavor was accepted")
	}
	if code := run([]string{"hash-program", "--program", "../../README.md"}, &out, &errb); code == 0 {
		t.Error("a non-program was hashed")
	}
}
