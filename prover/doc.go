// Package prover drives Stone-compatible proving: it turns a proof-mode
// execution into the prover's transcript. So far it builds the plain
// layout's main trace (prover/trace), extends it (prover/lde) and commits
// to it (prover/merkle) exactly as Stone's StarkProver does for the first
// "Commit on Trace" message.
//
// The parameters choose the channel, the commitment hashes per Merkle
// layer, the proof-of-work hash and the page hash (CheckParameters lists
// what is supported: Stone's "stone" and "cairo-verifier" presets and
// their variations); PresetParametersJSON derives either preset for a
// trace length.
//
// The prover imports the runner and the stark/* packages; nothing on the
// verifier side imports the prover.
package prover
