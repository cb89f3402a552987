// Package verifier checks Stone v3 proofs of Cairo programs (the
// foundation of `cairn verify`): it wires the stark packages (statement
// seed, keccak channel, table commitments, FRI) into Stone's StarkVerifier
// protocol and names the check that rejects a proof.
//
// Every check of Stone's verifier runs, for every layout stark/air
// generates (all but all_cairo, the dynamic layout included) and both
// presets (keccak256 channel with keccak256_masked160_msb commitments;
// poseidon3 channel with poseidon3/blake256_masked248_lsb commitments):
// parameters and their conjectured security (SecurityBits,
// Options.MinSecurityBits), all before any hashing; channel seed from the
// public input, every channel message and its randomness, the OODS check
// (the composition polynomial from the mask values against the broken
// columns), the proof of work, the decommitment of the main, interaction
// and composition traces, the DEEP composition at the queries, every FRI
// layer, the last layer, and that the whole proof was read.
//
// The package imports neither the VM nor the prover.
package verifier
