package channel

import (
	"encoding/binary"
	"math/bits"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/crypto/blake2s"
	"golang.org/x/crypto/sha3"

	"github.com/cairn-vm/cairn/stark/channel"
	"github.com/cairn-vm/cairn/stark/hash"
	"github.com/cairn-vm/cairn/stark/proof"
	"github.com/cairn-vm/cairn/stark/statement"
	"github.com/cairn-vm/cairn/stark/testvectors"
)

// TestPoWNonceEqualsStone replays each stone-preset vector's transcript
// up to the proof of work and checks that the search finds exactly
// Stone's nonce: Stone returns the smallest valid nonce, and so must we.
// The search starts at 0 when Stone's nonce is below 2^23 (small, plain,
// recursive and starknet), else 2^23 below it; -short keeps small-stone
// only.
func TestPoWNonceEqualsStone(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join(testvectors.Require(t), "*-stone"))
	if len(dirs) == 0 {
		t.Fatal("no stone vectors")
	}
	for _, d := range dirs {
		name := filepath.Base(d)
		if testing.Short() && name != "small-stone" {
			continue
		}
		t.Run(name, func(t *testing.T) { stonePoW(t, d) })
	}
}

func stonePoW(t *testing.T, dir string) {
	b, err := os.ReadFile(filepath.Join(dir, "proof.json"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := proof.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	seed, err := statement.Seed(&p.Parameters, &p.PublicInput)
	if err != nil {
		t.Fatal(err)
	}
	prng := channel.NewKeccakPrng(seed)
	anns, err := p.TranscriptAnnotations()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range anns {
		if a.Dir != proof.ProverToVerifier {
			continue
		}
		if strings.HasSuffix(a.Scope, "/Proof of Work") {
			want, err := strconv.ParseUint(strings.TrimPrefix(a.Value, "0x"), 16, 64)
			if err != nil {
				t.Fatal(err)
			}
			bits := int(p.Parameters.Stark.Fri.ProofOfWorkBits)
			state := prng.State()
			got, err := Solve("keccak256", state[:], bits, want-min(want, 1<<23))
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Fatalf("nonce %#x, Stone %#x", got, want)
			}
			var nb [8]byte
			binary.BigEndian.PutUint64(nb[:], got)
			if !channel.CheckKeccakPoW(prng.State(), bits, nb[:]) {
				t.Fatal("verifier rejects the nonce")
			}
			return
		}
		prng.MixSeedWithBytes(p.ProofBytes[a.Start:a.End])
	}
	t.Fatal("no proof of work in the transcript")
}

func TestPoWSmallest(t *testing.T) {
	var seed hash.Digest
	for _, bits := range []int{1, 4, 9, 13} {
		seed[0] = byte(bits)
		n := SolvePoW(seed, bits)
		var nb [8]byte
		for k := uint64(0); k <= n; k++ {
			binary.BigEndian.PutUint64(nb[:], k)
			if ok := channel.CheckKeccakPoW(seed, bits, nb[:]); ok != (k == n) {
				t.Fatalf("bits %d: nonce %d valid=%v, solver said %d", bits, k, ok, n)
			}
		}
	}
}

// BenchmarkPoWHash is the cost of one nonce per hash (ns/op per nonce):
// the 30-bit blake256 search of the cairo-verifier preset needs ~2^30 of
// them on average.
func BenchmarkPoWHash(b *testing.B) {
	for _, name := range []string{"keccak256", "blake256"} {
		b.Run(name, func(b *testing.B) {
			word := newPowHasher(name)
			var buf [40]byte
			for i := 0; i < b.N; i++ {
				binary.BigEndian.PutUint64(buf[32:], uint64(i))
				word(&buf)
			}
		})
	}
}

// TestBlake2s16: the sixteen-lane compression (AVX-512 where the CPU has
// it) and its one-lane form give BLAKE2s-256's first digest words for
// init‖nonce messages, for nonces around the 2^32 boundary too.
func TestBlake2s16(t *testing.T) {
	t.Logf("AVX-512: %v", hasAVX512)
	init := hash.Blake2s256([]byte("pow init"))
	s := newBlakeSearcher(init, 0)
	for _, base := range []uint64{0, 12345, 1<<32 - 8, 0xfedcba9876543210} {
		for i := range uint64(16) {
			s.m8[i] = bits.ReverseBytes32(uint32((base + i) >> 32))
			s.m9[i] = bits.ReverseBytes32(uint32(base + i))
		}
		var gen [2][16]uint32
		blake2s16Generic(&s.pre, &s.h, &s.m, &s.m8, &s.m9, &gen)
		blake2s16(&s.pre, &s.h, &s.m, &s.m8, &s.m9, &s.out)
		for i := range 16 {
			var buf [40]byte
			copy(buf[:], init[:])
			binary.BigEndian.PutUint64(buf[32:], base+uint64(i))
			d := blake2s.Sum256(buf[:])
			w0, w1 := binary.LittleEndian.Uint32(d[:4]), binary.LittleEndian.Uint32(d[4:8])
			if gen[0][i] != w0 || gen[1][i] != w1 {
				t.Fatalf("generic, nonce %#x: %08x %08x, want %08x %08x", base+uint64(i), gen[0][i], gen[1][i], w0, w1)
			}
			if s.out[0][i] != w0 || s.out[1][i] != w1 {
				t.Fatalf("blake2s16, nonce %#x: %08x %08x, want %08x %08x", base+uint64(i), s.out[0][i], s.out[1][i], w0, w1)
			}
		}
	}
}

// BenchmarkPoWSearch is the search's cost per nonce on one core (ns/op
// per nonce, no nonce found), sixteen lanes at a time for blake256 where
// AVX-512 is available.
func BenchmarkPoWSearch(b *testing.B) {
	for _, name := range []string{"keccak256", "blake256"} {
		b.Run(name, func(b *testing.B) {
			search := newSearcher(name, hash.Digest{1}, 0)
			if _, ok := search(0, uint64(b.N)); ok {
				b.Fatal("found a nonce below 0")
			}
		})
	}
}

// TestKeccak8: the eight-lane Keccak-256 gives x/crypto's digests for
// init‖nonce messages.
func TestKeccak8(t *testing.T) {
	if !hasAVX512 {
		t.Skip("no AVX-512: the search uses x/crypto's sponge only")
	}
	init := hash.Keccak256([]byte("pow init"))
	s := newKeccakSearcher(init, 0)
	for _, base := range []uint64{0, 12345, 1<<32 - 4, 0xfedcba9876543210} {
		for i := range uint64(8) {
			s.lane4[i] = bits.ReverseBytes64(base + i)
		}
		keccak8(&s.init, &s.lane4, &keccakRC, &s.out)
		for i := range 8 {
			if got, want := bits.ReverseBytes64(s.out[i]), keccakOne(init, base+uint64(i)); got != want {
				t.Fatalf("nonce %#x: %016x, want %016x", base+uint64(i), got, want)
			}
		}
	}
}

// keccakOne is the sponge the eight-lane form is checked against.
func keccakOne(init hash.Digest, nonce uint64) uint64 {
	var buf [40]byte
	copy(buf[:], init[:])
	binary.BigEndian.PutUint64(buf[32:], nonce)
	h := sha3.NewLegacyKeccak256()
	h.Write(buf[:])
	return binary.BigEndian.Uint64(h.Sum(nil)[:8])
}
