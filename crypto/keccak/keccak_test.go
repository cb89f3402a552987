package keccak

import (
	"bytes"
	"crypto/sha3"
	"encoding/binary"
	"encoding/hex"
	"math/rand/v2"
	"testing"

	"github.com/cairn-vm/cairn/crypto/internal/vectors"
)

type vectorFile struct {
	CairoLang string `json:"cairo_lang"`
	KeccakF   []struct {
		In, Out string
	} `json:"keccak_f"`
	Keccak256 []struct {
		In, Out string
	} `json:"keccak256"`
}

func unhex(tb testing.TB, s string) []byte {
	tb.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func TestKeccakFVectors(t *testing.T) {
	var v vectorFile
	vectors.Load(t, "testdata/vectors.json", &v)
	if len(v.KeccakF) == 0 {
		t.Fatal("no vectors")
	}
	for i, tc := range v.KeccakF {
		var st [StateBytes]byte
		copy(st[:], unhex(t, tc.In))
		PermuteBytes(&st)
		if got := hex.EncodeToString(st[:]); got != tc.Out {
			t.Fatalf("keccak_f vector %d: got %s, want %s", i, got, tc.Out)
		}
	}
	t.Logf("%d keccak_f vectors from cairo-lang %s", len(v.KeccakF), v.CairoLang)
}

func TestKeccak256Vectors(t *testing.T) {
	var v vectorFile
	vectors.Load(t, "testdata/vectors.json", &v)
	if len(v.Keccak256) == 0 {
		t.Fatal("no vectors")
	}
	for i, tc := range v.Keccak256 {
		in := unhex(t, tc.In)
		got := Keccak256(in)
		if hex.EncodeToString(got[:]) != tc.Out {
			t.Fatalf("keccak256 vector %d (len %d): got %x, want %s", i, len(in), got, tc.Out)
		}
	}
	t.Logf("%d Keccak-256 vectors (eth_hash, as cairo-lang uses)", len(v.Keccak256))
}

func TestKnownAnswers(t *testing.T) {
	for _, tc := range []struct{ in, out string }{
		{"", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"},
		{"abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"},
	} {
		got := Keccak256([]byte(tc.in))
		if hex.EncodeToString(got[:]) != tc.out {
			t.Errorf("Keccak256(%q) = %x, want %s", tc.in, got, tc.out)
		}
	}
}

// The same sponge with the SHA-3 domain byte must give crypto/sha3's SHA3-256:
// an independent check of the permutation on many random inputs.
func TestSHA3AgainstStdlib(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for n := range 700 {
		data := make([]byte, n)
		for i := range data {
			data[i] = byte(rng.Uint32())
		}
		if got, want := sponge256(data, 0x06), sha3.Sum256(data); got != want {
			t.Fatalf("SHA3-256 of %d bytes: got %x, want %x", n, got, want)
		}
	}
}

// The ι constants are the output of FIPS 202's rc(t) LFSR.
func TestRoundConstants(t *testing.T) {
	lfsr := uint8(1)
	rcBit := func() uint64 {
		b := uint64(lfsr & 1)
		if lfsr&0x80 != 0 {
			lfsr = lfsr<<1 ^ 0x71
		} else {
			lfsr <<= 1
		}
		return b
	}
	for i := range Rounds {
		var rc uint64
		for j := range 7 {
			rc |= rcBit() << (1<<j - 1)
		}
		if rc != roundConstants[i] {
			t.Errorf("round constant %d = %#x, want %#x", i, roundConstants[i], rc)
		}
	}
}

func TestPermuteBytesMatchesLanes(t *testing.T) {
	var st [25]uint64
	var b [StateBytes]byte
	for i := range st {
		st[i] = uint64(i)*0x0123456789abcdef + 1
		binary.LittleEndian.PutUint64(b[8*i:], st[i])
	}
	KeccakF1600(&st)
	PermuteBytes(&b)
	var want [StateBytes]byte
	for i := range st {
		binary.LittleEndian.PutUint64(want[8*i:], st[i])
	}
	if !bytes.Equal(b[:], want[:]) {
		t.Error("PermuteBytes disagrees with KeccakF1600")
	}
}

func TestNoAllocations(t *testing.T) {
	var st [25]uint64
	data := make([]byte, 300)
	if n := testing.AllocsPerRun(100, func() { KeccakF1600(&st); Keccak256(data) }); n != 0 {
		t.Errorf("%v allocations per run", n)
	}
}

func BenchmarkKeccakF1600(b *testing.B) {
	var st [25]uint64
	for b.Loop() {
		KeccakF1600(&st)
	}
}

func BenchmarkKeccak256_1KiB(b *testing.B) {
	data := make([]byte, 1024)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		Keccak256(data)
	}
}
