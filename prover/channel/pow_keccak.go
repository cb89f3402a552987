package channel

import (
	"encoding/binary"
	"math/bits"

	"github.com/cairn-vm/cairn/stark/hash"
)

// keccakRC are Keccak-f[1600]'s round constants.
var keccakRC = [24]uint64{
	0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
	0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
	0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
	0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
	0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
	0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
}

// keccakSearcher tries nonces against one keccak256 proof of work, eight
// at a time with AVX-512, else one at a time through x/crypto's sponge.
type keccakSearcher struct {
	init  [4]uint64
	lane4 [8]uint64
	out   [8]uint64
	limit uint64
	buf   [40]byte
	one   func(buf *[40]byte) uint64
}

func newKeccakSearcher(init hash.Digest, limit uint64) *keccakSearcher {
	s := &keccakSearcher{limit: limit, one: newPowHasher("keccak256")}
	for i := range s.init {
		s.init[i] = binary.LittleEndian.Uint64(init[8*i:])
	}
	copy(s.buf[:32], init[:])
	return s
}

// search returns the first valid nonce in [start, end).
func (s *keccakSearcher) search(start, end uint64) (uint64, bool) {
	n := start
	if hasAVX512 {
		for ; end-n >= 8; n += 8 {
			// The nonce is big-endian in the message, lanes little-endian.
			for i := range uint64(8) {
				s.lane4[i] = bits.ReverseBytes64(n + i)
			}
			keccak8(&s.init, &s.lane4, &keccakRC, &s.out)
			for i := range 8 {
				if bits.ReverseBytes64(s.out[i]) < s.limit {
					return n + uint64(i), true
				}
			}
		}
	}
	for ; n < end; n++ {
		binary.BigEndian.PutUint64(s.buf[32:], n)
		if s.one(&s.buf) < s.limit {
			return n, true
		}
	}
	return 0, false
}
