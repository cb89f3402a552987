// Package channel owns the prover side of Stone's keccak256
// non-interactive channel (NoninteractiveProverChannel over
// HashChain<Keccak256>, the "stone" preset): every prover message is
// appended to the proof and mixed into the hash chain, the verifier's
// randomness is drawn from the same chain, and each step can be annotated
// in Stone's transcript format. It shares the PRNG (stark/channel's
// KeccakPrng) and the byte conventions with the verifier channel, so the
// two cannot drift apart.
package channel
