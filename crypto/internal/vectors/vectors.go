// Package vectors loads the JSON golden files that
// scripts/crypto-vectors/gen_vectors.py writes under crypto/<pkg>/testdata/.
// It is meant for tests only.
package vectors

import (
	"encoding/json"
	"math/big"
	"os"
	"testing"

	"github.com/cairn-vm/cairn/felt"
)

// Load decodes the JSON file at path into v, failing the test on error.
func Load(tb testing.TB, path string, v any) {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("reading vectors: %v", err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		tb.Fatalf("decoding %s: %v", path, err)
	}
}

// Felt parses a 0x-hex or decimal string that must be below the prime.
func Felt(tb testing.TB, s string) felt.Felt {
	tb.Helper()
	v := Big(tb, s)
	if v.Sign() < 0 || v.Cmp(felt.Prime()) >= 0 {
		tb.Fatalf("vector value %s is not a field element", s)
	}
	return felt.FromBigInt(v)
}

// Felts parses a list with Felt.
func Felts(tb testing.TB, ss []string) []felt.Felt {
	tb.Helper()
	out := make([]felt.Felt, len(ss))
	for i, s := range ss {
		out[i] = Felt(tb, s)
	}
	return out
}

// Big parses a 0x-hex or decimal integer of any size.
func Big(tb testing.TB, s string) *big.Int {
	tb.Helper()
	v, err := felt.ParseBig(s)
	if err != nil {
		tb.Fatalf("bad vector integer %q: %v", s, err)
	}
	return v
}
