package channel

import (
	"encoding/binary"

	"github.com/cairn-vm/cairn/stark/hash"
)

// KeccakPrng is Stone's hash-chain PRNG (HashChain<Keccak256>): a 32-byte
// state, a counter, and spare bytes left over from the last digest.
//
//   - Random bytes come from keccak256(state || 0^24 || counter as 8 bytes
//     big-endian), counter = 0, 1, ...; a request whose length is not a
//     multiple of 32 keeps the unused tail of its last digest as spare
//     bytes for the next short request.
//   - Mixing bytes b into the chain sets state = keccak256((state+1 mod
//     2^256, 32 bytes big-endian) || b) and resets the counter and spares.
type KeccakPrng struct {
	state   hash.Digest
	counter uint64
	spare   [64]byte
	nSpare  int
}

// NewKeccakPrng returns a PRNG whose state is digest.
func NewKeccakPrng(digest hash.Digest) *KeccakPrng { return &KeccakPrng{state: digest} }

// State returns the current state digest.
func (p *KeccakPrng) State() hash.Digest { return p.state }

// MixSeedWithBytes mixes b into the chain (Stone's PrngImpl::MixSeedWithBytes,
// seed increment 1).
func (p *KeccakPrng) MixSeedWithBytes(b []byte) {
	inc := p.state
	for i := len(inc) - 1; i >= 0; i-- {
		inc[i]++
		if inc[i] != 0 {
			break
		}
	}
	p.state = hash.Keccak256(inc[:], b)
	p.counter = 0
	p.nSpare = 0
}

func (p *KeccakPrng) next() hash.Digest {
	var buf [64]byte
	copy(buf[:32], p.state[:])
	binary.BigEndian.PutUint64(buf[56:], p.counter)
	p.counter++
	return hash.Keccak256(buf[:])
}

// RandomBytes fills out with pseudo-random bytes.
func (p *KeccakPrng) RandomBytes(out []byte) {
	n := len(out)
	full := n / 32
	for i := 0; i < full; i++ {
		d := p.next()
		copy(out[i*32:], d[:])
	}
	tail := n % 32
	if tail == 0 {
		// Stone copies zero spare bytes here (a no-op).
		return
	}
	dst := out[full*32:]
	if tail <= p.nSpare {
		copy(dst, p.spare[:tail])
		copy(p.spare[:], p.spare[tail:p.nSpare])
		p.nSpare -= tail
		return
	}
	d := p.next()
	copy(dst, d[:tail])
	copy(p.spare[p.nSpare:], d[tail:])
	p.nSpare += 32 - tail
}
