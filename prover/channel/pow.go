package channel

import (
	"encoding/binary"
	"fmt"
	gohash "hash"
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	"golang.org/x/crypto/blake2s"
	"golang.org/x/crypto/sha3"

	"github.com/cairn-vm/cairn/stark/hash"
)

// PoWHash makes the proof-of-work hash (a fresh, reusable state).
type PoWHash func() gohash.Hash

// PoWHashByName returns Stone's pow_hash of that name.
func PoWHashByName(name string) (PoWHash, error) {
	switch name {
	case "keccak256":
		return sha3.NewLegacyKeccak256, nil
	case "blake256":
		return func() gohash.Hash {
			h, _ := blake2s.New256(nil) // no key: cannot fail
			return h
		}, nil
	}
	return nil, fmt.Errorf("%w: pow_hash %q", hash.ErrUnknownHash, name)
}

// powChunk is how many consecutive nonces a worker tries at a time.
const powChunk = 1 << 14

// SolvePoW is SolvePoWWith for the keccak256 channel, whose state is a
// digest.
func SolvePoW(seed hash.Digest, bits int) uint64 {
	return SolvePoWWith(sha3.NewLegacyKeccak256, seed[:], bits)
}

// SolvePoWWith returns the smallest nonce n with H(init || BE64(n))
// starting with bits zero bits, init = H(0x0123456789abcded || seed ||
// bits). Workers take chunks of nonces in increasing order and stop once
// every chunk below the best nonce found is searched, so the answer is
// the smallest one whatever the scheduling (as Stone's ProofOfWorkProver).
func SolvePoWWith(newHash PoWHash, seed []byte, bits int) uint64 {
	h0 := newHash()
	h0.Write([]byte{0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xed})
	h0.Write(seed)
	h0.Write([]byte{byte(bits)})
	init := h0.Sum(nil)
	limit := uint64(1) << (64 - bits) // 1 for 64 bits: the word must be 0
	var next atomic.Uint64
	var best atomic.Uint64
	best.Store(math.MaxUint64)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h := newHash()
			buf := make([]byte, len(init)+8)
			copy(buf, init)
			nb := buf[len(init):]
			out := make([]byte, 0, 64)
			for {
				start := next.Add(powChunk) - powChunk
				if start >= best.Load() {
					return
				}
				for n := start; n < start+powChunk; n++ {
					binary.BigEndian.PutUint64(nb, n)
					h.Reset()
					h.Write(buf)
					d := h.Sum(out[:0])
					if binary.BigEndian.Uint64(d[:8]) < limit {
						for {
							cur := best.Load()
							if n >= cur || best.CompareAndSwap(cur, n) {
								break
							}
						}
						break
					}
				}
			}
		}()
	}
	wg.Wait()
	return best.Load()
}
