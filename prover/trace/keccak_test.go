package trace

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/cairn-vm/cairn/stark/air"
)

// TestKeccakRoundBits compares the ι bits writeKeccak adds (keccakRoundBit)
// with Stone's periodic columns keccak_round_key{2^m-1} (stark/air, generated
// from Stone's AIR): round r's key is 2·mask (every invocation's bit) where
// the bit is set, 0 elsewhere. Rows 24..31 of the period are padding no
// constraint reads (Stone fills them with other values), so they are not
// compared.
func TestKeccakRoundBits(t *testing.T) {
	l, err := air.ByName("starknet_with_keccak")
	if err != nil {
		t.Fatal(err)
	}
	mask := new(big.Int)
	for range l.DilutedNBits {
		mask.Lsh(mask, uint(l.DilutedSpacing)).SetBit(mask, 0, 1)
	}
	twoMask := new(big.Int).Lsh(mask, 1)
	for m := range 7 {
		name := fmt.Sprintf("keccak/keccak/keccak_round_key%d", 1<<m-1)
		var col *air.PeriodicColumn
		for i := range l.Periodic {
			if l.Periodic[i].Name == name {
				col = &l.Periodic[i]
			}
		}
		if col == nil {
			t.Fatalf("no periodic column %s", name)
		}
		if len(col.Values) != 32 {
			t.Fatalf("%s: %d values, want 32", name, len(col.Values))
		}
		for r, s := range col.Values[:keccakRounds] {
			v, ok := new(big.Int).SetString(s, 0)
			if !ok {
				t.Fatalf("%s[%d] = %q", name, r, s)
			}
			want := new(big.Int)
			if keccakRoundBit(m, r) {
				want = twoMask
			}
			if v.Cmp(want) != 0 {
				t.Errorf("%s round %d: Stone's key %s, keccakRoundBit gives %s", name, r, s, want.Text(16))
			}
		}
	}
}

// TestKeccakRowLayout checks the index maps against the shapes Stone's
// components declare: every lane bit (i, j, k) has its own row among the
// 2048, and the parse-to-diluted rows of bits 0..1663 are distinct and
// inside the 64 × 32 capacity.
func TestKeccakRowLayout(t *testing.T) {
	seen := map[uint64]bool{}
	for i := range uint64(5) {
		for j := range uint64(5) {
			for k := range uint64(64) {
				r := keccakRow(i, j, k)
				if r >= keccakPeriod || seen[r] {
					t.Fatalf("lane (%d, %d) bit %d: row %d repeated or outside %d", i, j, k, r, keccakPeriod)
				}
				seen[r] = true
			}
		}
	}
	seen = map[uint64]bool{}
	for m := range uint64(keccakDimLow * (keccakDimHigh + 1)) {
		r := parseRow(m)
		if r >= keccakDimLow*keccakCapHigh || seen[r] {
			t.Fatalf("parse bit %d: row %d repeated or outside the capacity", m, r)
		}
		seen[r] = true
	}
}
