package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
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

// TestProveCLICairoVerifierPreset runs plain-cairo-verifier's program here
// with `--preset cairo-verifier` (no parameter file): the proof must be
// Stone's, byte for byte and line for line, and accepted by cairn's
// verifier. The 30-bit proof-of-work search starts at Stone's nonce
// (--pow_start_nonce), so an accepted proof also shows the nonce valid;
// package prover checks the search finds that nonce from 2^20 below it.
func TestProveCLICairoVerifierPreset(t *testing.T) {
	if testing.Short() {
		t.Skip("proves a whole vector")
	}
	dir := filepath.Join(testvectors.Require(t), "plain-cairo-verifier")
	sb, err := os.ReadFile(filepath.Join(dir, "proof.json"))
	if err != nil {
		t.Fatal(err)
	}
	stone, err := proof.Parse(sb)
	if err != nil {
		t.Fatal(err)
	}
	nonce := ""
	for _, l := range stone.Annotations {
		if i := strings.Index(l, "/Proof of Work: POW: Data("); i >= 0 {
			nonce = strings.TrimSuffix(l[i+len("/Proof of Work: POW: Data("):], ")")
		}
	}
	n, err := strconv.ParseUint(strings.TrimPrefix(nonce, "0x"), 16, 64)
	if err != nil {
		t.Fatalf("nonce %q: %v", nonce, err)
	}
	out := filepath.Join(t.TempDir(), "proof.json")
	var stdout, stderr bytes.Buffer
	code := run([]string{"prove", "--out_file", out, "--program", filepath.Join(dir, "program.json"), "--layout", "plain",
		"--preset", "cairo-verifier", "--pow_start_nonce", strconv.FormatUint(n, 10), "--generate_annotations", "--quiet"}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	p, err := proof.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(p.ProofBytes, stone.ProofBytes) {
		t.Fatal("proof bytes differ from Stone's")
	}
	if !slices.Equal(p.Annotations, stone.Annotations) {
		t.Fatal("annotations differ from Stone's")
	}
	if rep, err := verifier.VerifyJSON(data, verifier.Options{}); err != nil {
		t.Fatalf("verifier rejects cairn's proof: %v (checks passed: %v)", err, rep.Run)
	}
}

func TestProvePresetErrors(t *testing.T) {
	dir := filepath.Join(testvectors.Require(t), "plain-cairo-verifier")
	tmp := t.TempDir()
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--preset", "fast"}, 1, `preset "fast"`},
		{[]string{"--preset", "stone", "--parameter_file", filepath.Join(dir, "cpu_air_params.json")}, 2, "exclude each other"},
	} {
		args := append([]string{"prove", "--out_file", filepath.Join(tmp, "p.json"), "--quiet",
			"--private_input_file", filepath.Join(dir, "air_private_input.json"),
			"--public_input_file", filepath.Join(dir, "air_public_input.json")}, c.args...)
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != c.code || !strings.Contains(stderr.String(), c.msg) {
			t.Errorf("%v: exit %d, stderr %q", c.args, code, stderr.String())
		}
	}
}
