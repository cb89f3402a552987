package prover

import (
	"fmt"

	"github.com/cairn-vm/cairn/stark/proof"
	"github.com/cairn-vm/cairn/stark/statement"
)

// CheckParameters rejects the parameter combinations the prover cannot
// make a Stone proof for: a field other than PrimeField0, the extension
// field, and any channel but Stone's two (keccak256 without
// verifier-friendly updates, the stone preset; poseidon3 with them, the
// cairo-verifier preset). Hash names are checked where they are used
// (commitment, proof of work, page hash), each naming its key.
func CheckParameters(params *proof.Parameters) error {
	if params == nil {
		return fmt.Errorf("%w: no parameters", ErrParams)
	}
	if params.Field != "PrimeField0" {
		return fmt.Errorf("%w: field %q (only PrimeField0)", ErrParams, params.Field)
	}
	if params.UseExtensionField {
		return fmt.Errorf("%w: use_extension_field", ErrParams)
	}
	switch ch := params.EffectiveChannelHash(); {
	case ch == "keccak256" && !params.VerifierFriendlyChannelUpdates:
	case ch == "poseidon3" && params.VerifierFriendlyChannelUpdates:
		// The first state is the poseidon3 hash of the statement, so the
		// verifier-friendly hash must be poseidon3 too.
		if vf := params.EffectiveVerifierFriendlyHash(); vf != "poseidon3" {
			return fmt.Errorf("%w: channel_hash poseidon3 with verifier_friendly_commitment_hash %q (needs poseidon3)", ErrParams, vf)
		}
		switch ph := params.EffectivePowHash(); ph {
		case "blake256", "keccak256":
		default:
			return fmt.Errorf("%w: pow_hash %q (blake256 or keccak256)", ErrParams, ph)
		}
	case ch == "keccak256" || ch == "poseidon3":
		return fmt.Errorf("%w: channel_hash %s with verifier_friendly_channel_updates %v (keccak256 needs false, poseidon3 true)",
			ErrParams, ch, params.VerifierFriendlyChannelUpdates)
	default:
		return fmt.Errorf("%w: channel_hash %q (keccak256 or poseidon3)", ErrParams, ch)
	}
	if _, _, err := hashers(params); err != nil {
		return err
	}
	if _, err := statement.PageHasherByName(params.EffectivePageHash()); err != nil {
		return fmt.Errorf("%w: statement.page_hash: %v", ErrParams, err)
	}
	return nil
}
