package prover

import (
	"errors"
	"strings"
	"testing"

	"github.com/cairn-vm/cairn/stark/proof"
)

// TestCheckParameters: both presets pass; every combination the prover
// cannot make a Stone proof for is refused with ErrParams, naming the key.
func TestCheckParameters(t *testing.T) {
	for _, v := range []string{"plain-stone", "plain-cairo-verifier"} {
		p, _ := loadVector(t, v)
		if err := CheckParameters(&p.Parameters); err != nil {
			t.Fatalf("%s: %v", v, err)
		}
	}
	p, _ := loadVector(t, "plain-cairo-verifier")
	for _, c := range []struct {
		key  string
		edit func(*proof.Parameters)
	}{
		{"field", func(q *proof.Parameters) { q.Field = "PrimeField1" }},
		{"use_extension_field", func(q *proof.Parameters) { q.UseExtensionField = true }},
		{"channel_hash", func(q *proof.Parameters) { q.ChannelHash = "blake256" }},
		{"verifier_friendly_channel_updates", func(q *proof.Parameters) { q.VerifierFriendlyChannelUpdates = false }},
		{"verifier_friendly_channel_updates", func(q *proof.Parameters) { q.ChannelHash = "keccak256" }},
		{"verifier_friendly_commitment_hash", func(q *proof.Parameters) { q.VerifierFriendlyCommitmentHash = "keccak256" }},
		{"pow_hash", func(q *proof.Parameters) { q.PowHash = "poseidon3" }},
		{"commitment_hash", func(q *proof.Parameters) { q.CommitmentHash = "sha256" }},
		{"page_hash", func(q *proof.Parameters) { q.Statement.PageHash = "sha256" }},
	} {
		q := p.Parameters
		c.edit(&q)
		err := CheckParameters(&q)
		if !errors.Is(err, ErrParams) || !strings.Contains(err.Error(), c.key) {
			t.Errorf("%s: got %v", c.key, err)
		}
	}
	if err := CheckParameters(nil); !errors.Is(err, ErrParams) {
		t.Errorf("nil: %v", err)
	}
}
