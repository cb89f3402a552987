package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cairn-vm/cairn/stark/proof"
	"github.com/cairn-vm/cairn/stark/testvectors"
	"github.com/cairn-vm/cairn/verifier"
)

// TestProveCLI runs `cairn prove` on plain-stone's inputs with one bit of
// proof of work instead of 24 (the parameters are not in the channel
// seed, so the transcript up to the proof of work is still Stone's): the
// proof must be accepted by cairn's verifier, carry the input files, and
// repeat Stone's annotations up to the proof of work; the same run made
// in-process from program.json must give the same proof. (The proof with
// Stone's own parameters is compared whole in package prover.)
func TestProveCLI(t *testing.T) {
	dir := filepath.Join(testvectors.Require(t), "plain-stone")
	tmp := t.TempDir()
	var params map[string]any
	raw, err := os.ReadFile(filepath.Join(dir, "cpu_air_params.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &params); err != nil {
		t.Fatal(err)
	}
	params["stark"].(map[string]any)["fri"].(map[string]any)["proof_of_work_bits"] = 1
	pb, _ := json.Marshal(params)
	paramFile := filepath.Join(tmp, "params.json")
	if err := os.WriteFile(paramFile, pb, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(tmp, "proof.json")
	var stdout, stderr bytes.Buffer
	code := run([]string{"prove", "--out_file", out,
		"--private_input_file", filepath.Join(dir, "air_private_input.json"),
		"--public_input_file", filepath.Join(dir, "air_public_input.json"),
		"--prover_config_file", filepath.Join(dir, "cpu_air_prover_config.json"),
		"--parameter_file", paramFile, "--generate_annotations"}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "cairn prove: decommitment") {
		t.Fatalf("no progress on stderr: %q", stderr.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	// The same run made here in proof mode, without files, proves the same.
	out2 := filepath.Join(tmp, "proof2.json")
	stderr.Reset()
	code = run([]string{"prove", "--out_file", out2, "--program", filepath.Join(dir, "program.json"), "--layout", "plain",
		"--parameter_file", paramFile, "--generate_annotations", "--quiet"}, &stdout, &stderr)
	if code != 0 || stderr.Len() != 0 {
		t.Fatalf("in-process: exit %d: %s", code, stderr.String())
	}
	data2, _ := os.ReadFile(out2)
	p2, err := proof.Parse(data2)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := verifier.VerifyJSON(data, verifier.Options{})
	if err != nil {
		t.Fatalf("verifier rejects cairn's proof: %v (checks passed: %v)", err, rep.Run)
	}
	stderr.Reset()
	if code := run([]string{"verify", "--in_file", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("cairn verify: exit %d: %s", code, stderr.String())
	}
	p, err := proof.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	sb, _ := os.ReadFile(filepath.Join(dir, "proof.json"))
	stone, err := proof.Parse(sb)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(p.ProofBytes, p2.ProofBytes) || !slices.Equal(p.Annotations, p2.Annotations) {
		t.Fatal("in-process proof differs from the proof from files")
	}
	if p.PublicInput.NSteps != stone.PublicInput.NSteps || len(p.PublicInput.PublicMemory) != len(stone.PublicInput.PublicMemory) {
		t.Fatal("public input not carried over")
	}
	n := 0
	for i, l := range stone.Annotations {
		if strings.Contains(l, "/Proof of Work") {
			break
		}
		if i >= len(p.Annotations) || p.Annotations[i] != l {
			t.Fatalf("annotation %d:\n got  %s\n want %s", i, p.Annotations[i], l)
		}
		n++
	}
	last := p.Annotations[len(p.Annotations)-5:]
	if !strings.HasPrefix(last[0], "Byte count: ") || last[4] != "Data count: 1" {
		t.Fatalf("statistics: %q", last)
	}
	t.Logf("verifier accepts; %d annotation lines equal Stone's up to the proof of work", n)
}

func TestProveCLIErrors(t *testing.T) {
	dir := filepath.Join(testvectors.Require(t), "plain-stone")
	tmp := t.TempDir()
	bad := filepath.Join(tmp, "bad.json")
	os.WriteFile(bad, []byte(`{"field": "PrimeField0", "bogus": 1}`), 0o644)
	for _, args := range [][]string{
		{"prove"},
		{"prove", "--out_file", filepath.Join(tmp, "p.json"), "--private_input_file", filepath.Join(tmp, "missing.json"),
			"--public_input_file", filepath.Join(dir, "air_public_input.json"), "--parameter_file", filepath.Join(dir, "cpu_air_params.json")},
		{"prove", "--out_file", filepath.Join(tmp, "p.json"), "--private_input_file", filepath.Join(dir, "air_private_input.json"),
			"--public_input_file", filepath.Join(dir, "air_public_input.json"), "--parameter_file", bad},
		{"prove", "--out_file", filepath.Join(tmp, "p.json"), "--private_input_file", filepath.Join(dir, "air_private_input.json"),
			"--public_input_file", filepath.Join(dir, "cpu_air_params.json"), "--parameter_file", filepath.Join(dir, "cpu_air_params.json")},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code == 0 || stderr.Len() == 0 {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr.String())
		} else {
			t.Logf("%s", strings.TrimSpace(stderr.String()))
		}
	}
}
