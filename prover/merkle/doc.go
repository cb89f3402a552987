// Package merkle owns the prover side of Stone's table commitment: rows of
// field elements packed into leaves (Montgomery-form bytes, one row per
// leaf, or several short rows per leaf as Stone's
// PackagingCommitmentScheme does) and the heap-indexed Merkle tree over
// them (root at index 1, leaves from index n_leaves), built in parallel.
// keccak256 leaves and nodes are hashed eight at a time on AVX-512 CPUs
// (keccakx8_amd64.s, written by internal/genkeccakx8; about five times the
// scalar throughput), with x/crypto's scalar keccak elsewhere and for the
// remainders; field hashes (poseidon) always go through stark/hash.
// It mirrors stark/commitment, the verifier side, which the tests use as
// the judge of what a proof must contain.
package merkle
