package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	vectors "github.com/cairn-vm/cairn/stark/testvectors"
	"github.com/cairn-vm/cairn/verifier"
)

func verifyRun(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(append([]string{"verify"}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

// TestVerifyAccepts: the vectors Stone accepts, in both spellings of the
// file argument and at their own security level.
func TestVerifyAccepts(t *testing.T) {
	dirs := append(append([]string(nil), vectors.StoneVectors...), vectors.CairoVerifierVectors...)
	for _, dir := range dirs {
		file := vectors.Path(t, dir, "proof.json")
		for _, args := range [][]string{{file}, {"--in_file", file}, {file, "--min_security_bits", "96"}, {"--in_file=" + file}} {
			code, out, errs := verifyRun(args...)
			if code != 0 || !strings.Contains(out, "Proof verified successfully.") {
				t.Errorf("%s %v: exit %d\n%s%s", dir, args, code, out, errs)
			}
		}
		// While a check is skipped (none is now), the acceptance says so.
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := verifier.VerifyJSON(data, verifier.Options{})
		if err != nil {
			t.Fatal(err)
		}
		_, _, errs := verifyRun(file)
		if strings.Contains(errs, "Warning: not checked") != (len(rep.Skipped) > 0) {
			t.Errorf("%s: skipped %v, stderr %q", dir, rep.Skipped, errs)
		}
		for _, c := range rep.Skipped {
			if !strings.Contains(errs, string(c)) {
				t.Errorf("%s: warning does not name %q: %q", dir, c, errs)
			}
		}
	}
}

// stoneCheck names the check that rejected a negative vector in Stone,
// from the error line of cpu_air_verifier in the vector's .txt.
func stoneCheck(t *testing.T, txt string) verifier.Check {
	data, err := os.ReadFile(txt)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	switch {
	case strings.Contains(s, "fri_verifier.cc") && strings.Contains(s, "failed decommitment"):
		return verifier.CheckFRILayers
	case strings.Contains(s, "Wrong proof of work"):
		return verifier.CheckProofOfWork
	case strings.Contains(s, "oods.cc") && strings.Contains(s, "Out of domain sampling verification failed"):
		return verifier.CheckOODS
	}
	t.Fatalf("%s: no known Stone error line", txt)
	return ""
}

// TestVerifyRejectsNegatives: every tampered vector exits with 1 and names
// the check Stone names.
func TestVerifyRejectsNegatives(t *testing.T) {
	files, err := filepath.Glob(vectors.Path(t, "negative", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no negative vectors (%v)", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		t.Run(name, func(t *testing.T) {
			want := stoneCheck(t, strings.TrimSuffix(file, ".json")+".txt")
			code, _, errs := verifyRun(file)
			if code != 1 || !strings.Contains(errs, fmt.Sprintf("Invalid proof: failed check %q: ", want)) {
				t.Errorf("exit %d; Stone rejects with %q; cairn verify: %s", code, want, errs)
			}
		})
	}
}

// TestVerifyCairoLangExamples: cairo-lang's two example proofs; the
// dynamic-layout one has 2 queries, 2·4 + 30 = 38 bits.
func TestVerifyCairoLangExamples(t *testing.T) {
	for file, bits := range map[string]string{"example_proof.json": "98", "dynamic_layout_proof.json": "38"} {
		path := vectors.Path(t, "cairo-lang-examples", file)
		code, out, errs := verifyRun(path)
		if code != 0 || !strings.Contains(out, "Conjectured security: "+bits+" bits") || !strings.Contains(out, "Proof verified successfully.") {
			t.Errorf("%s: exit %d\n%s%s", file, code, out, errs)
		}
		if code, _, errs := verifyRun("--min_security_bits", "96", path); (code == 0) != (bits == "98") {
			t.Errorf("%s at 96 bits: exit %d %s", file, code, errs)
		}
	}
}

func TestVerifyMinSecurityBits(t *testing.T) {
	file := vectors.Path(t, "plain-stone", "proof.json")
	code, out, errs := verifyRun("--min_security_bits", "97", file)
	if code != 1 || !strings.Contains(errs, `failed check "parameters"`) ||
		!strings.Contains(errs, "96 bits") || !strings.Contains(errs, "required 97 bits") {
		t.Errorf("exit %d:\n%s%s", code, out, errs)
	}
	if !strings.Contains(out, "Conjectured security: 96 bits") {
		t.Errorf("figure not reported:\n%s", out)
	}
}

// TestVerifyExtraOutput: --extra_output_file writes what cpu_air_verifier
// writes with the same flag.
func TestVerifyExtraOutput(t *testing.T) {
	for _, dir := range append(append([]string(nil), vectors.StoneVectors...), vectors.CairoVerifierVectors...) {
		out := filepath.Join(t.TempDir(), "extra.txt")
		if code, _, errs := verifyRun("--extra_output_file", out, vectors.Path(t, dir, "proof.json")); code != 0 {
			t.Fatalf("%s: exit %d: %s", dir, code, errs)
		}
		got, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(vectors.Path(t, dir, "verifier_extra_annotations.txt"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: extra output differs from Stone's (%d bytes, want %d)", dir, len(got), len(want))
		}
	}
}

func TestVerifyUsage(t *testing.T) {
	file := vectors.Path(t, "plain-stone", "proof.json")
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(`{"proof_hex": "0x0"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{nil, 2, "usage: cairn verify"},
		{[]string{file, file}, 2, "one proof file expected"},
		{[]string{"--in_file", file, file}, 2, "one proof file expected"},
		{[]string{"--no_such_flag", file}, 2, "no_such_flag"},
		{[]string{"--min_security_bits", "-1", file}, 2, "min_security_bits"},
		{[]string{filepath.Join(t.TempDir(), "missing.json")}, 1, "Error:"},
		{[]string{bad}, 1, `failed check "proof format": proof: proof_hex: odd number of hex digits`},
	} {
		code, _, errs := verifyRun(tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.msg) {
			t.Errorf("%v: exit %d, want %d with %q:\n%s", tc.args, code, tc.code, tc.msg, errs)
		}
	}
}
