package prover

import (
	"bytes"
	"testing"
)

// BenchmarkProvePlainCairoVerifier is a whole cairo-verifier-preset proof
// with the whole 30-bit blake256 proof-of-work search from nonce 0 (Stone
// reports 66.1 s for this vector); the proof must be Stone's.
func BenchmarkProvePlainCairoVerifier(b *testing.B) {
	p, dir := loadVector(b, "plain-cairo-verifier")
	e, err := ReadExecution(dir+"/trace.bin", dir+"/memory.bin", dir+"/air_public_input.json")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		s, err := Prove(e, &p.Parameters, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if !bytes.Equal(s.Channel.Proof(), p.ProofBytes) {
			b.Fatal("proof differs from Stone's")
		}
	}
}
