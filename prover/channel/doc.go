// Package channel owns the prover side of Stone's two non-interactive
// channels and their proof of work:
//
//   - the keccak256 hash chain (NoninteractiveProverChannel over
//     HashChain<Keccak256>, the "stone" preset, NewProver);
//   - the poseidon3 felt channel (NoninteractiveProverFeltChannel, the
//     "cairo-verifier" preset, NewFeltProver), whose proof is a sequence
//     of field elements so that a Cairo program can replay it.
//
// Both are a Channel, the interface the proof's phases write to.
//
// Every prover message is appended to the proof and mixed into the
// channel state, the verifier's randomness is drawn from the same state,
// and each step can be annotated in Stone's transcript format. It shares
// the PRNG, the byte conventions and the poseidon hash with the verifier
// channels in stark/channel, whose tests read what this package writes,
// so the two sides cannot drift apart.
//
// The proof of work (Solve) is the smallest-nonce search of Stone's
// ProofOfWorkProver, spread over all cores; with 30 bits of blake256 it is
// most of a cairo-verifier proof's time.
package channel
