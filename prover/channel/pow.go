package channel

import (
	"encoding/binary"
	"errors"
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

// ErrNoNonce is returned when no nonce from the search's start up to 2^64
// meets the proof of work.
var ErrNoNonce = errors.New("channel: no proof-of-work nonce found")

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

// powMagic prefixes the seed in the proof of work's init hash.
var powMagic = []byte{0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xed}

// powFunc returns the proof-of-work hash named as in the parameters.
func powFunc(name string) (func(parts ...[]byte) hash.Digest, error) {
	switch name {
	case "keccak256":
		return hash.Keccak256, nil
	case "blake256":
		return hash.Blake2s256, nil
	}
	return nil, fmt.Errorf("%w: pow_hash %q", hash.ErrUnknownHash, name)
}

// newPowHasher returns, for one worker, a function hashing the 40-byte
// init‖nonce buffer to its first 8 digest bytes (big-endian): the
// one-nonce path, kept for the benchmark of a single hash.
func newPowHasher(name string) func(buf *[40]byte) uint64 {
	if name == "blake256" {
		return func(buf *[40]byte) uint64 {
			d := blake2s.Sum256(buf[:])
			return binary.BigEndian.Uint64(d[:8])
		}
	}
	h := sha3.NewLegacyKeccak256()
	var out [32]byte
	return func(buf *[40]byte) uint64 {
		h.Reset()
		h.Write(buf[:])
		d := h.Sum(out[:0])
		return binary.BigEndian.Uint64(d[:8])
	}
}

// newSearcher returns, for one worker, the search of a nonce range: the
// first nonce in [start, end) whose word is below limit.
func newSearcher(name string, init hash.Digest, limit uint64) func(start, end uint64) (uint64, bool) {
	switch name {
	case "blake256":
		return newBlakeSearcher(init, limit).search
	case "keccak256":
		return newKeccakSearcher(init, limit).search
	}
	word := newPowHasher(name)
	var buf [40]byte
	copy(buf[:32], init[:])
	return func(start, end uint64) (uint64, bool) {
		for n := start; n < end; n++ {
			binary.BigEndian.PutUint64(buf[32:], n)
			if word(&buf) < limit {
				return n, true
			}
		}
		return 0, false
	}
}

// SolvePoW is Solve for the keccak256 channel from nonce 0.
func SolvePoW(seed hash.Digest, bits int) uint64 {
	n, _ := Solve("keccak256", seed[:], bits, 0)
	return n
}

// Solve returns the smallest nonce n ≥ from with H(init ‖ BE64(n))
// starting with bits zero bits, init = H(0x0123456789abcded ‖ seed ‖
// bits), H the named pow hash: Stone's ProofOfWorkProver, whose threads
// also take chunks in increasing order and keep the lowest find, so it
// returns the smallest nonce too. Workers stop once every chunk below the
// best nonce found is searched, so the answer does not depend on the
// scheduling.
func Solve(powHash string, seed []byte, bits int, from uint64) (uint64, error) {
	H, err := powFunc(powHash)
	if err != nil {
		return 0, err
	}
	if bits < 1 || bits > 64 {
		return 0, fmt.Errorf("%w: %d proof-of-work bits", ErrBound, bits)
	}
	init := H(powMagic, seed, []byte{byte(bits)})
	limit := uint64(1) << (64 - bits) // 1 for 64 bits: the word must be 0
	var next atomic.Uint64
	next.Store(from)
	var best atomic.Uint64
	best.Store(math.MaxUint64)
	var found atomic.Bool
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			search := newSearcher(powHash, init, limit)
			for {
				start := next.Add(powChunk) - powChunk
				if start >= best.Load() || start < from { // start < from: wrapped past 2^64
					return
				}
				end := start + powChunk
				if end < start {
					end = math.MaxUint64
				}
				if n, ok := search(start, end); ok {
					found.Store(true)
					for {
						cur := best.Load()
						if n >= cur || best.CompareAndSwap(cur, n) {
							break
						}
					}
				}
			}
		}()
	}
	wg.Wait()
	if !found.Load() {
		return 0, ErrNoNonce
	}
	return best.Load(), nil
}

// CheckPoW reports whether nonce (8 bytes) meets the proof of work of
// seed with the named hash.
func CheckPoW(powHash string, seed []byte, bits int, nonce []byte) (bool, error) {
	H, err := powFunc(powHash)
	if err != nil {
		return false, err
	}
	if bits < 1 || bits > 64 || len(nonce) != 8 {
		return false, ErrBound
	}
	init := H(powMagic, seed, []byte{byte(bits)})
	d := H(init[:], nonce)
	return binary.BigEndian.Uint64(d[:8]) < uint64(1)<<(64-bits), nil
}
