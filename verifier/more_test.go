package verifier

import (
	"errors"
	"os/exec"
	"strings"
	"testing"

	"github.com/cairn-vm/cairn/stark/air"
	"github.com/cairn-vm/cairn/stark/proof"
)

func isCheck(err error, c Check) bool {
	var ve *Error
	return errors.As(err, &ve) && ve.Check == c
}

func TestUnsupported(t *testing.T) {
	p := load(t, "plain-stone/proof.json")
	for _, name := range []string{"no_such_layout", "all_cairo"} {
		q := *p
		q.PublicInput.Layout = name
		_, err := Verify(&q, Options{})
		if !isCheck(err, CheckPublicInput) || !errors.Is(err, air.ErrUnknownLayout) || !strings.Contains(err.Error(), name) {
			t.Errorf("layout %s: %v, want a %q rejection naming it", name, err, CheckPublicInput)
		}
	}
	for name, f := range map[string]func(p *proof.Proof){
		"field":      func(p *proof.Proof) { p.Parameters.Field = "PrimeField1" },
		"hash":       func(p *proof.Proof) { p.Parameters.CommitmentHash = "sha1" },
		"fri degree": func(p *proof.Proof) { p.Parameters.Stark.Fri.LastLayerDegreeBound = 128 },
		"cosets":     func(p *proof.Proof) { p.Parameters.Stark.LogNCosets = 0 },
		"n_steps":    func(p *proof.Proof) { p.PublicInput.NSteps = 1000 },
	} {
		q := *p
		f(&q)
		if _, err := Verify(&q, Options{}); !errors.Is(err, ErrRejected) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestNoVMImports keeps the verifier free of the VM and the prover.
func TestNoVMImports(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/cairn-vm/cairn/verifier").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		for _, banned := range []string{"/vm", "/runner", "/prover", "/program", "/hints", "/builtins", "/trace"} {
			if strings.HasPrefix(dep, "github.com/cairn-vm/cairn"+banned) {
				t.Errorf("verifier depends on %s", dep)
			}
		}
	}
}

func TestVerifyJSON(t *testing.T) {
	if _, err := VerifyJSON([]byte(`{"proof_hex": 1}`), Options{}); !isCheck(err, CheckProofFormat) || !errors.Is(err, proof.ErrMalformed) {
		t.Errorf("malformed JSON: %v", err)
	}
}
