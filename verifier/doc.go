// Package verifier checks Stone v3 proofs of Cairo programs (the
// foundation of `cairn verify`): it wires the stark packages (statement
// seed, keccak channel, table commitments, FRI) into Stone's StarkVerifier
// protocol and names the check that rejects a proof.
//
// What runs today, for the plain layout and both presets (stone:
// keccak256 channel and commitments; cairo-verifier: poseidon3 channel,
// poseidon3/blake256 commitments): the parameter checks and the
// conjectured security (SecurityBits, Options.MinSecurityBits) before any
// hashing, the channel seed from the public input, every channel message
// and its randomness, the proof of work, the decommitment of the main,
// interaction and composition traces, the DEEP composition at the
// queries, every FRI layer, the last layer, and that the whole proof was
// read. Not yet: the OODS check (CheckOODS), which needs the layout's
// constraints, so a wrong public input or OODS value is rejected only
// because every later challenge changes; other layouts (their masks).
//
// The package imports neither the VM nor the prover.
package verifier
