// Package verifier checks Stone v3 proofs of Cairo programs (the
// foundation of `cairn verify`): it wires the stark packages (statement
// seed, keccak channel, table commitments, FRI) into Stone's StarkVerifier
// protocol and names the check that rejects a proof.
//
// What runs today, for the plain layout and the stone preset (keccak256
// channel, keccak256_masked160_msb commitments): parameters, channel seed
// from the public input, every channel message and its randomness, the
// proof of work, the decommitment of the main, interaction and composition
// traces, the DEEP composition at the queries, every FRI layer, the last
// layer, and that the whole proof was read. Not yet: the OODS check
// (CheckOODS), which needs the layout's constraints, so a proof with a
// wrong public input or wrong OODS values is not rejected yet; other
// layouts (their masks); the poseidon3 channel and blake/poseidon
// commitments of the cairo-verifier preset.
//
// The package imports neither the VM nor the prover.
package verifier
