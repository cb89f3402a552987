package merkle

import "encoding/binary"

//go:generate go run ./internal/genkeccak

// keccakRate is keccak256's rate in bytes (capacity 512 bits).
const keccakRate = 136

// keccak256x8 hashes eight inputs of one length at once with the eight-way
// permutation (haveX8 must hold): the tree hashes millions of inputs of the
// same length, and eight lanes of a zmm register cost about what one
// scalar permutation does.
func keccak256x8(in *[8][]byte, out *[8][32]byte) {
	var s [25][8]uint64
	n := len(in[0])
	off := 0
	for ; n-off >= keccakRate; off += keccakRate {
		for k := 0; k < 8; k++ {
			p := in[k][off : off+keccakRate]
			for i := 0; i < keccakRate/8; i++ {
				s[i][k] ^= binary.LittleEndian.Uint64(p[8*i:])
			}
		}
		keccakF1600x8(&s)
	}
	var last [keccakRate]byte
	for k := 0; k < 8; k++ {
		clear(last[:])
		copy(last[:], in[k][off:])
		last[n-off] = 0x01
		last[keccakRate-1] |= 0x80
		for i := 0; i < keccakRate/8; i++ {
			s[i][k] ^= binary.LittleEndian.Uint64(last[8*i:])
		}
	}
	keccakF1600x8(&s)
	for k := 0; k < 8; k++ {
		for i := 0; i < 4; i++ {
			binary.LittleEndian.PutUint64(out[k][8*i:], s[i][k])
		}
	}
}
