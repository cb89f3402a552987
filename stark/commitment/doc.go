// Package commitment verifies Stone's table commitments: a table of field
// elements committed row by row in a Merkle tree (Stone's
// TableVerifierImpl over PackagingCommitmentScheme and MerkleCommitment
// Scheme), with the hash named by the proof parameters
// (keccak256_masked160_msb in the stone preset; blake256_masked248_lsb
// with a poseidon3 top in the cairo-verifier preset, once poseidon3 is
// available).
//
// A verifier reads the root (ReadCommitment), reads the queried rows
// (Query), and checks them with the authentication nodes that follow in
// the proof (Verify). Reads happen in exactly Stone's order, so the proof
// bytes are consumed as the prover wrote them.
package commitment
