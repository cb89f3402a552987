package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestGeneratedUpToDate regenerates stark/air's tables from the Stone
// mirror and compares them with the committed files. It is skipped when
// the mirror is absent.
func TestGeneratedUpToDate(t *testing.T) {
	mirror := os.Getenv("STONE_MIRROR")
	if mirror == "" {
		mirror = defaultMirror
	}
	if _, err := os.Stat(mirror); err != nil {
		t.Skipf("no Stone mirror at %s", mirror)
	}
	files, err := generate(mirror)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join("..", "..", name))
		if err != nil {
			t.Errorf("%s: %v (run go run ./stark/air/internal/gen)", name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what the generator writes (run go run ./stark/air/internal/gen)", name)
		}
	}
	gen, _ := filepath.Glob(filepath.Join("..", "..", "*_gen.go"))
	if len(gen) != len(files) {
		t.Errorf("%d generated files in stark/air, the generator writes %d", len(gen), len(files))
	}
}
