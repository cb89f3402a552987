// Command genpow writes prover/channel/pow_amd64.s, the proof-of-work
// search's hashes of 40-byte messages (init digest ‖ 8-byte nonce, one
// block) several at a time in AVX-512 registers:
//
//   - blake2s16: BLAKE2s-256 of sixteen messages. They share their first
//     32 bytes, so words 0..7 are broadcast, words 8 and 9 (the nonce)
//     differ per lane, and words 10..15 are zero: their additions are
//     left out. Round 0's seven G's that do not read the nonce are done
//     once per search in Go (blakePre), so it starts at the eighth.
//   - keccak8: legacy Keccak-256 of eight messages, one register per
//     state word.
//
// Both are unrolled completely, so every register is named statically.
//
// Run from prover/channel: go run ./internal/genpow > pow_amd64.s
package main
