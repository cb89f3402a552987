// Package hash holds the byte-oriented hashes of Stone's STARK: keccak256
// and BLAKE2s-256 ("blake256") and their masked variants
// (keccak256_masked160_msb, blake256_masked248_lsb, ...), behind the
// Hasher interface that Merkle commitments use.
//
// A masked hash keeps only some bytes of the digest and zeroes the others,
// so that a digest read as a big-endian number fits in the field (248 bits)
// or is short (160 bits). HashPair hashes the 64-byte concatenation of two
// digests, as Stone's Hash(a, b) does.
package hash
