// Package prover drives Stone-compatible proving: it turns a proof-mode
// execution into the prover's transcript. So far it builds the plain
// layout's main trace (prover/trace), extends it (prover/lde) and commits
// to it (prover/merkle) exactly as Stone's StarkProver does for the first
// "Commit on Trace" message.
//
// The prover imports the runner and the stark/* packages; nothing on the
// verifier side imports the prover.
package prover
