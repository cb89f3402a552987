package channel

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cairn-vm/cairn/stark/channel"
	"github.com/cairn-vm/cairn/stark/hash"
	"github.com/cairn-vm/cairn/stark/proof"
	"github.com/cairn-vm/cairn/stark/statement"
	"github.com/cairn-vm/cairn/stark/testvectors"
)

// TestPoWNonceEqualsStone replays small-stone's transcript up to the proof
// of work (its nonce is the smallest of the stone vectors) and checks that
// the solver finds exactly Stone's nonce: Stone returns the smallest valid
// nonce, and so must we.
func TestPoWNonceEqualsStone(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(testvectors.Require(t), "small-stone", "proof.json"))
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
			got := SolvePoW(prng.State(), bits)
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
