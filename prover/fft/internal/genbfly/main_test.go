package main

import (
	"os"
	"testing"
)

// TestGeneratedFileIsCurrent: the committed bfly_amd64.s is what the
// generator writes.
func TestGeneratedFileIsCurrent(t *testing.T) {
	want, err := os.ReadFile("../../bfly_amd64.s")
	if err != nil {
		t.Fatal(err)
	}
	if generate() != string(want) {
		t.Fatal("bfly_amd64.s is stale: run go generate in prover/fft")
	}
}
