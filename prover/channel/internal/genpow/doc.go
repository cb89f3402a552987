// Command genpow writes prover/channel/pow_amd64.s: BLAKE2s-256 of
// sixteen 40-byte messages at once in AVX-512 registers, for the
// proof-of-work search (init digest ‖ 8-byte nonce, one block). The
// sixteen messages share their first 32 bytes, so words 0..7 are
// broadcast, words 8 and 9 (the nonce) differ per lane, and words 10..15
// are zero: their additions are left out.
//
// Run from prover/channel: go run ./internal/genpow > pow_amd64.s
package main
