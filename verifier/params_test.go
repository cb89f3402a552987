package verifier

import (
	"errors"
	"testing"

	"github.com/cairn-vm/cairn/stark/fri"
	"github.com/cairn-vm/cairn/stark/proof"
)

// TestSecurityBits checks the figure against the one the vectors' README
// computes with cairo-lang's rule (18·4 + 30 = 102 for the cairo-verifier
// preset) and the same rule for the other presets.
func TestSecurityBits(t *testing.T) {
	for file, want := range map[string]uint64{
		"plain-stone/proof.json":                        18*4 + 24,
		"plain-cairo-verifier/proof.json":               102,
		"cairo-lang-examples/example_proof.json":        17*4 + 30,
		"cairo-lang-examples/dynamic_layout_proof.json": 2*4 + 30,
	} {
		p := load(t, file)
		if got := SecurityBits(&p.Parameters); got != want {
			t.Errorf("%s: %d bits, want %d", file, got, want)
		}
	}
	p := load(t, "plain-stone/proof.json")
	rep, err := Verify(p, Options{MinSecurityBits: 96})
	if err != nil {
		t.Fatal(err)
	}
	if rep.SecurityBits != 96 {
		t.Errorf("report: %d bits", rep.SecurityBits)
	}
}

// TestMinSecurityBits: a proof below the minimum is refused by the
// parameter check, before the proof is read (an empty proof would
// otherwise fail the proof-format check).
func TestMinSecurityBits(t *testing.T) {
	p := load(t, "plain-cairo-verifier/proof.json")
	p.ProofBytes = nil
	rep, err := Verify(p, Options{MinSecurityBits: 103})
	if !isCheck(err, CheckParameters) {
		t.Fatalf("%v, want a parameters rejection", err)
	}
	var se *SecurityError
	if !errors.As(err, &se) {
		t.Fatalf("%v is not a *SecurityError", err)
	}
	want := SecurityError{Bits: 102, NQueries: 18, LogNCosets: 4, ProofOfWorkBits: 30, Required: 103}
	if *se != want {
		t.Errorf("%+v, want %+v", *se, want)
	}
	if rep.SecurityBits != 102 || len(rep.Run) != 0 || rep.Annotations != nil {
		t.Errorf("report %+v", rep)
	}
	if _, err := Verify(p, Options{MinSecurityBits: 102}); !isCheck(err, CheckProofFormat) {
		t.Errorf("at the minimum: %v, want the empty proof refused by the proof-format check", err)
	}
}

// TestParameterChecks: inconsistent FRI parameters are refused by the
// parameter check before any hashing (the proof bytes are empty, so any
// later check would name the proof format).
func TestParameterChecks(t *testing.T) {
	base := load(t, "plain-stone/proof.json")
	base.ProofBytes = nil
	fri_ := func(p *proof.Proof) *proof.Fri { return &p.Parameters.Stark.Fri }
	// plain-stone: 2^10 steps · 16 rows = 2^14 rows; steps [0 4 4] and a
	// last layer of 2^6.
	cases := map[string]func(p *proof.Proof){
		"sum too small":      func(p *proof.Proof) { fri_(p).FriStepList = []uint64{0, 4, 3} },
		"sum too large":      func(p *proof.Proof) { fri_(p).FriStepList = []uint64{0, 4, 5} },
		"zero inner step":    func(p *proof.Proof) { fri_(p).FriStepList = []uint64{0, 4, 0, 4} },
		"empty step list":    func(p *proof.Proof) { fri_(p).FriStepList = nil },
		"huge step":          func(p *proof.Proof) { fri_(p).FriStepList = []uint64{0, 1 << 40} },
		"last layer not 2^k": func(p *proof.Proof) { fri_(p).LastLayerDegreeBound = 48 },
		"last layer zero":    func(p *proof.Proof) { fri_(p).LastLayerDegreeBound = 0 },
		"last layer doubled": func(p *proof.Proof) { fri_(p).LastLayerDegreeBound = 128 },
		"no queries":         func(p *proof.Proof) { fri_(p).NQueries = 0 },
		"too many queries":   func(p *proof.Proof) { fri_(p).NQueries = 1 << 40 },
		"pow bits above 64":  func(p *proof.Proof) { fri_(p).ProofOfWorkBits = 65 },
		"no cosets":          func(p *proof.Proof) { p.Parameters.Stark.LogNCosets = 0 },
		"huge log_n_cosets":  func(p *proof.Proof) { p.Parameters.Stark.LogNCosets = 1 << 40 },
		"n_steps doubled":    func(p *proof.Proof) { p.PublicInput.NSteps = 2048 },
		"extension field":    func(p *proof.Proof) { p.Parameters.UseExtensionField = true },
		"unknown channel":    func(p *proof.Proof) { p.Parameters.ChannelHash = "sha256" },
		"unknown commitment": func(p *proof.Proof) { p.Parameters.CommitmentHash = "md5" },
		"unknown top hash":   func(p *proof.Proof) { p.Parameters.VerifierFriendlyCommitmentHash = "md5" },
		"other field":        func(p *proof.Proof) { p.Parameters.Field = "PrimeField1" },
	}
	for name, f := range cases {
		t.Run(name, func(t *testing.T) {
			q := *base
			q.Parameters.Stark.Fri.FriStepList = append([]uint64(nil), base.Parameters.Stark.Fri.FriStepList...)
			f(&q)
			_, err := Verify(&q, Options{})
			if !isCheck(err, CheckParameters) {
				t.Fatalf("%v, want a parameters rejection", err)
			}
		})
	}
	// The FRI cases carry fri.ErrParams, so a caller can tell them apart.
	q := *base
	q.Parameters.Stark.Fri.NQueries = 0
	if _, err := Verify(&q, Options{}); !errors.Is(err, fri.ErrParams) {
		t.Errorf("no queries: %v does not wrap fri.ErrParams", err)
	}
}
