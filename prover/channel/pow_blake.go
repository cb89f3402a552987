package channel

import (
	"encoding/binary"
	"math/bits"

	"golang.org/x/crypto/blake2s"

	"github.com/cairn-vm/cairn/stark/hash"
)

// blakeIV is BLAKE2s's initial vector (the SHA-256 one).
var blakeIV = [8]uint32{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19}

var blakeSigma = [10][16]uint8{
	{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
	{14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
	{11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
	{7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
	{9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
	{2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
	{12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
	{13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
	{6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
	{10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
}

// blakePowInit is the compression's starting state for one 40-byte
// message, the whole input (a single, final block): h = IV with the
// parameter word of a 32-byte unkeyed digest, then IV, the byte count 40
// and the final-block flag.
func blakePowInit() [16]uint32 {
	var v [16]uint32
	copy(v[:8], blakeIV[:])
	v[0] ^= 0x01010020
	copy(v[8:], blakeIV[:])
	v[12] ^= 40
	v[14] ^= 0xffffffff
	return v
}

func blakeG(v *[16]uint32, a, b, c, d int, x, y uint32) {
	v[a] += v[b] + x
	v[d] = bits.RotateLeft32(v[d]^v[a], -16)
	v[c] += v[d]
	v[b] = bits.RotateLeft32(v[b]^v[c], -12)
	v[a] += v[b] + y
	v[d] = bits.RotateLeft32(v[d]^v[a], -8)
	v[c] += v[d]
	v[b] = bits.RotateLeft32(v[b]^v[c], -7)
}

// blakePre runs the part of a PoW compression that is the same for every
// nonce: round 0's four column G's (message words 0..7, the init digest)
// and three of its diagonal G's (words 10..15, zero). The fourth diagonal
// G (words 8 and 9, the nonce) touches none of their words.
func blakePre(init *[16]uint32, m *[8]uint32) [16]uint32 {
	v := *init
	blakeG(&v, 0, 4, 8, 12, m[0], m[1])
	blakeG(&v, 1, 5, 9, 13, m[2], m[3])
	blakeG(&v, 2, 6, 10, 14, m[4], m[5])
	blakeG(&v, 3, 7, 11, 15, m[6], m[7])
	blakeG(&v, 1, 6, 11, 12, 0, 0)
	blakeG(&v, 2, 7, 8, 13, 0, 0)
	blakeG(&v, 3, 4, 9, 14, 0, 0)
	return v
}

// blake2s16Generic is what blake2s16 computes, one lane at a time: the
// rest of the compression from pre (blakePre's state), then digest words
// 0 and 1 (h_i ^ v_i ^ v_(i+8)).
func blake2s16Generic(pre *[16]uint32, h *[2]uint32, m *[8]uint32, m8, m9 *[16]uint32, out *[2][16]uint32) {
	var w [16]uint32
	copy(w[:8], m[:])
	for i := range 16 {
		w[8], w[9] = m8[i], m9[i]
		v := *pre
		blakeG(&v, 0, 5, 10, 15, w[8], w[9])
		for r := 1; r < len(blakeSigma); r++ {
			s := &blakeSigma[r]
			blakeG(&v, 0, 4, 8, 12, w[s[0]], w[s[1]])
			blakeG(&v, 1, 5, 9, 13, w[s[2]], w[s[3]])
			blakeG(&v, 2, 6, 10, 14, w[s[4]], w[s[5]])
			blakeG(&v, 3, 7, 11, 15, w[s[6]], w[s[7]])
			blakeG(&v, 0, 5, 10, 15, w[s[8]], w[s[9]])
			blakeG(&v, 1, 6, 11, 12, w[s[10]], w[s[11]])
			blakeG(&v, 2, 7, 8, 13, w[s[12]], w[s[13]])
			blakeG(&v, 3, 4, 9, 14, w[s[14]], w[s[15]])
		}
		out[0][i], out[1][i] = h[0]^v[0]^v[8], h[1]^v[1]^v[9]
	}
}

// blakeSearcher tries nonces against one blake256 proof of work, sixteen
// at a time with AVX-512.
type blakeSearcher struct {
	pre    [16]uint32 // blakePre's state
	h      [2]uint32  // the chaining words the digest's first 8 bytes use
	m      [8]uint32
	m8, m9 [16]uint32
	out    [2][16]uint32
	buf    [40]byte
	limit  uint64
}

func newBlakeSearcher(init hash.Digest, limit uint64) *blakeSearcher {
	s := &blakeSearcher{limit: limit}
	for k := range s.m {
		s.m[k] = binary.LittleEndian.Uint32(init[4*k:])
	}
	v := blakePowInit()
	s.h = [2]uint32{v[0], v[1]}
	s.pre = blakePre(&v, &s.m)
	copy(s.buf[:32], init[:])
	return s
}

// search returns the first valid nonce in [start, end).
func (s *blakeSearcher) search(start, end uint64) (uint64, bool) {
	n := start
	if hasAVX512 {
		for ; end-n >= 16; n += 16 {
			// The nonce is big-endian in the message; message words are
			// little-endian.
			for i := range uint64(16) {
				s.m8[i] = bits.ReverseBytes32(uint32((n + i) >> 32))
				s.m9[i] = bits.ReverseBytes32(uint32(n + i))
			}
			blake2s16(&s.pre, &s.h, &s.m, &s.m8, &s.m9, &s.out)
			for i := range 16 {
				w := uint64(bits.ReverseBytes32(s.out[0][i]))<<32 | uint64(bits.ReverseBytes32(s.out[1][i]))
				if w < s.limit {
					return n + uint64(i), true
				}
			}
		}
	}
	for ; n < end; n++ {
		binary.BigEndian.PutUint64(s.buf[32:], n)
		d := blake2s.Sum256(s.buf[:])
		if binary.BigEndian.Uint64(d[:8]) < s.limit {
			return n, true
		}
	}
	return 0, false
}
