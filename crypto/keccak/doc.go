// Package keccak implements the Keccak-f[1600] permutation (the keccak
// builtin's function: cairo-lang's keccak_utils.keccak_f) and, on top of it,
// the legacy Keccak-256 hash.
//
// golang.org/x/crypto/sha3 and crypto/sha3 do not export the permutation, so
// it is written here (an unrolled round over 25 local lanes). The tests check
// it against cairo-lang's keccak_f, against pycryptodome's Keccak-256, and
// (through the same sponge with the SHA-3 domain byte) against the standard
// library's crypto/sha3.
package keccak
