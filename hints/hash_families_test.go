package hints

import (
	"math/big"
	"math/rand"
	"testing"

	"github.com/cairn-vm/cairn/vm/memory"
)

// The big-integer forms of keccak_func, sha256 and blake2s_compress (used
// for out-of-range words) agree with the fixed-width ones on in-range
// words. Their out-of-range behavior is checked against cairo-run by the
// hint_keccak_whitelist, hint_sha256_big_words and hint_blake2s_whitelist
// goldens.
func TestHashBigPathsMatchFixedWidth(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 5; round++ {
		vals := make([]memory.Value, 25)
		ints := make([]*big.Int, 25)
		for i := range vals {
			w := rng.Uint64()
			vals[i] = memory.FromUint64(w)
			ints[i] = new(big.Int).SetUint64(w)
		}
		fast, err := keccakFuncValues(vals)
		if err != nil {
			t.Fatal(err)
		}
		for i, v := range keccakFuncBig(ints) {
			if feltValue(v) != fast[i] {
				t.Fatalf("keccak lane %d: big %v, fixed %v", i, v, fast[i])
			}
		}

		var st [8]uint32
		var m [16]uint32
		stB, mB := make([]*big.Int, 8), make([]*big.Int, 16)
		for i := range st {
			st[i] = rng.Uint32()
			stB[i] = big.NewInt(int64(st[i]))
		}
		for i := range m {
			m[i] = rng.Uint32()
			mB[i] = big.NewInt(int64(m[i]))
		}
		sf := sha256Compress32(st, m)
		for i, v := range sha256Big(stB, mB) {
			if v.Uint64() != uint64(sf[i]) {
				t.Fatalf("sha256 word %d: big %v, fixed %v", i, v, sf[i])
			}
		}
		t0, f0 := rng.Uint32(), rng.Uint32()
		bf := blake2s32(st, &m, t0, f0)
		for i, v := range blake2sBig(stB, &m, t0, f0) {
			if v.Uint64() != uint64(bf[i]) {
				t.Fatalf("blake2s word %d: big %v, fixed %v", i, v, bf[i])
			}
		}
	}
}

// sha256Compress32 from the IV on the padded empty message is SHA-256("").
func TestSha256EmptyMessage(t *testing.T) {
	var m [16]uint32
	m[0] = 0x80000000
	got := sha256Compress32(sha256IV, m)
	want := [8]uint32{0xe3b0c442, 0x98fc1c14, 0x9afbf4c8, 0x996fb924, 0x27ae41e4, 0x649b934c, 0xa495991b, 0x7852b855}
	if got != want {
		t.Fatalf("got %08x", got)
	}
}
