package merkle

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"
	"golang.org/x/crypto/sha3"

	"github.com/cairn-vm/cairn/stark/hash"
)

// TestKeccak256x8 compares the eight-way hash with x/crypto's on every
// length through three blocks, eight different inputs each.
func TestKeccak256x8(t *testing.T) {
	if !haveX8 {
		t.Skip("no AVX-512")
	}
	r := rand.New(rand.NewPCG(5, 6))
	for n := 0; n <= 3*keccakRate+1; n++ {
		var in [8][]byte
		for k := range in {
			in[k] = make([]byte, n)
			for i := range in[k] {
				in[k][i] = byte(r.Uint32())
			}
		}
		var out [8][32]byte
		keccak256x8(&in, &out)
		for k := range in {
			h := sha3.NewLegacyKeccak256()
			h.Write(in[k])
			if want := h.Sum(nil); !bytes.Equal(out[k][:], want) {
				t.Fatalf("length %d, input %d: %x, x/crypto %x", n, k, out[k], want)
			}
		}
	}
}

func benchKeccakX8(b *testing.B, n int) {
	var in [8][]byte
	for k := range in {
		in[k] = make([]byte, n)
	}
	var out [8][32]byte
	b.SetBytes(int64(8 * n))
	for b.Loop() {
		keccak256x8(&in, &out)
	}
}

func BenchmarkKeccakX8_64(b *testing.B)  { benchKeccakX8(b, 64) }
func BenchmarkKeccakX8_192(b *testing.B) { benchKeccakX8(b, 192) }

// TestX8TreeMatchesScalar: every node of trees built with the eight-way
// keccak equals the scalar hasher's, for one-, two- and six-column tables
// (two rows per leaf, one 64-byte row, one 192-byte row) and chunks that
// leave a scalar remainder.
func TestX8TreeMatchesScalar(t *testing.T) {
	if !haveX8 {
		t.Skip("no AVX-512")
	}
	r := rand.New(rand.NewPCG(7, 8))
	for _, h := range []hash.Hasher{hash.Keccak256Hasher, hash.Keccak256Masked160MSB, hash.Keccak256Masked160LSB} {
		for _, nCols := range []int{1, 2, 6} {
			for _, nRows := range []int{2, 32, 1<<10 + 0, 1 << 11} {
				cols := make([][]fp.Element, nCols)
				for c := range cols {
					cols[c] = make([]fp.Element, nRows)
					for i := range cols[c] {
						cols[c][i].SetUint64(r.Uint64())
					}
				}
				fast, err := Commit(cols, h, nil, 0)
				if err != nil {
					t.Fatal(err)
				}
				haveX8 = false
				slow, err := Commit(cols, h, nil, 0)
				haveX8 = true
				if err != nil {
					t.Fatal(err)
				}
				for i := range slow.Nodes {
					if fast.Nodes[i] != slow.Nodes[i] {
						t.Fatalf("%s, %d columns, %d rows: node %d differs", h.Name(), nCols, nRows, i)
					}
				}
			}
		}
	}
}

func BenchmarkXKeccak64(b *testing.B)  { benchXKeccak(b, 64) }
func BenchmarkXKeccak192(b *testing.B) { benchXKeccak(b, 192) }

// benchXKeccak: x/crypto's keccak256, the scalar path, for comparison.
func benchXKeccak(b *testing.B, n int) {
	p := make([]byte, n)
	h := sha3.NewLegacyKeccak256()
	out := make([]byte, 0, 32)
	b.SetBytes(int64(n))
	for b.Loop() {
		h.Reset()
		h.Write(p)
		out = h.Sum(out[:0])
	}
}
