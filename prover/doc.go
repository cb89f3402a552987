// Package prover makes Stone v3 proofs (StarkProver::ProveStark of Stone's
// cpu_air_prover) for proof-mode executions of every fixed layout the
// vectors use (plain, small, dex, recursive, recursive_with_poseidon,
// starknet, starknet_with_keccak), with the keccak256 channel (the "stone"
// preset) or the poseidon3 felt channel (the "cairo-verifier" preset): the
// same transcript, byte for byte, as Stone's prover on the same inputs and
// parameters.
//
// Phases (Start, then Finish; Prove runs both):
//
//  1. main trace (prover/trace, from the execution and the builtins'
//     private input), extended to n_cosets cosets (prover/lde)
//     and committed (prover/merkle);
//  2. interaction elements, interaction trace (permutation products),
//     committed;
//  3. composition polynomial from stark/air's constraints, broken into D
//     columns and committed;
//  4. out-of-domain sampling: mask values and broken columns at z;
//  5. DEEP composition, then FRI (prover/fri) with proof of work, queries,
//     and the traces' decommitment as FRI's first layer.
//
// The parameters choose the channel, the commitment hashes per Merkle
// layer, the proof-of-work hash and the page hash (CheckParameters lists
// what is supported: Stone's "stone" and "cairo-verifier" presets and
// their variations); PresetParametersJSON derives either preset for a
// trace length.
//
// The prover imports the runner and the stark/* packages; nothing on the
// verifier side imports the prover. RATIONALE.md records the protocol
// facts the code relies on.
package prover
