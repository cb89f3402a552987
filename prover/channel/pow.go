package channel

import (
	"encoding/binary"
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	"golang.org/x/crypto/sha3"

	"github.com/cairn-vm/cairn/stark/hash"
)

// powChunk is how many consecutive nonces a worker tries at a time.
const powChunk = 1 << 14

// SolvePoW returns the smallest nonce n with keccak256(init || BE64(n))
// starting with bits zero bits, init = keccak256(0x0123456789abcded ||
// seed || bits). Workers take chunks of nonces in increasing order and
// stop once every chunk below the best nonce found is searched, so the
// answer is the smallest one whatever the scheduling.
func SolvePoW(seed hash.Digest, bits int) uint64 {
	init := hash.Keccak256([]byte{0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xed}, seed[:], []byte{byte(bits)})
	limit := uint64(1) << (64 - bits) // 1 for 64 bits: the word must be 0
	var next atomic.Uint64
	var best atomic.Uint64
	best.Store(math.MaxUint64)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h := sha3.NewLegacyKeccak256()
			var buf [40]byte
			copy(buf[:32], init[:])
			var out [32]byte
			for {
				start := next.Add(powChunk) - powChunk
				if start >= best.Load() {
					return
				}
				for n := start; n < start+powChunk; n++ {
					binary.BigEndian.PutUint64(buf[32:], n)
					h.Reset()
					h.Write(buf[:])
					d := h.Sum(out[:0])
					w := binary.BigEndian.Uint64(d[:8])
					if w < limit {
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
