// Package testvectors locates the Stone test vectors (../shared/stone-vectors
// beside the repository) for tests. Set CAIRN_STONE_VECTORS to override the
// location.
package testvectors

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the stone-vectors directory, or "" when it cannot be found.
func Dir() string {
	if d := os.Getenv("CAIRN_STONE_VECTORS"); d != "" {
		return d
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			c := filepath.Join(filepath.Dir(d), "shared", "stone-vectors")
			if st, err := os.Stat(c); err == nil && st.IsDir() {
				return c
			}
			return ""
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// Require returns the vectors directory or ends the test: with a failure
// under CI (where the vectors must be present), with a skip elsewhere.
func Require(t testing.TB) string {
	t.Helper()
	d := Dir()
	if d == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("stone-vectors not found (expected ../shared/stone-vectors or $CAIRN_STONE_VECTORS)")
		}
		t.Skip("stone-vectors not found")
	}
	return d
}

// Path joins elem onto the vectors directory, ending the test as Require does.
func Path(t testing.TB, elem ...string) string {
	t.Helper()
	return filepath.Join(append([]string{Require(t)}, elem...)...)
}

// StoneVectors lists the positive vectors of the stone preset.
var StoneVectors = []string{
	"plain-stone", "small-stone", "dex-stone", "recursive-stone",
	"recursive_with_poseidon-stone", "starknet-stone", "starknet_with_keccak-stone",
}

// CairoVerifierVectors lists the positive vectors of the cairo-verifier preset.
var CairoVerifierVectors = []string{
	"plain-cairo-verifier", "small-cairo-verifier", "dex-cairo-verifier", "recursive-cairo-verifier",
	"recursive_with_poseidon-cairo-verifier", "starknet-cairo-verifier", "starknet_with_keccak-cairo-verifier",
}
