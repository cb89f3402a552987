package program

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestProgramHashes compares every program hash with cairo-lang's
// compute_program_hash_chain (testdata/hash/hashes.json, written by
// scripts/regen-hash-goldens.sh), for the three hash functions.
func TestProgramHashes(t *testing.T) {
	raw, err := os.ReadFile("../testdata/hash/hashes.json")
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]map[string]string
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for key, hashes := range want {
		path := filepath.Join("..", key)
		if rest, ok := strings.CutPrefix(key, "shared/"); ok {
			path = filepath.Join("..", "..", "shared", rest)
			if _, err := os.Stat(path); err != nil {
				continue // the Stone vectors live beside the repository
			}
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Load(data)
		if err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		for name, w := range hashes {
			fn, err := ParseHashFunction(name)
			if err != nil {
				t.Fatal(err)
			}
			got, err := p.Hash(fn)
			if w == "error" {
				if err == nil {
					t.Errorf("%s %s: hashed, cairo-lang failed", key, name)
				}
				continue
			}
			if err != nil || got.Hex() != w {
				t.Errorf("%s %s: got %v (%v), want %s", key, name, got.Hex(), err, w)
			}
		}
		checked++
	}
	if checked < 100 {
		t.Fatalf("only %d programs checked", checked)
	}
}
