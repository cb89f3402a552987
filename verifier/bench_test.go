package verifier

import (
	"os"
	"testing"

	vectors "github.com/cairn-vm/cairn/stark/testvectors"
)

// BenchmarkVerify times VerifyJSON (parsing included, as in Stone's
// cpu_air_verifier --in_file) on every positive vector; a vector whose
// layout is not supported yet is skipped with the reason.
func BenchmarkVerify(b *testing.B) {
	files := []string{}
	for _, d := range append(append([]string(nil), vectors.StoneVectors...), vectors.CairoVerifierVectors...) {
		files = append(files, d+"/proof.json")
	}
	files = append(files, "cairo-lang-examples/example_proof.json", "cairo-lang-examples/dynamic_layout_proof.json")
	for _, f := range files {
		b.Run(f, func(b *testing.B) {
			data, err := os.ReadFile(vectors.Path(b, f))
			if err != nil {
				b.Fatal(err)
			}
			if _, err := VerifyJSON(data, Options{}); err != nil {
				b.Skipf("not verified: %v", err)
			}
			b.SetBytes(int64(len(data)))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := VerifyJSON(data, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkVerifyParsed times Verify alone, on an already parsed proof.
func BenchmarkVerifyParsed(b *testing.B) {
	for _, d := range tamperVectors {
		b.Run(d, func(b *testing.B) {
			p := load(b, d+"/proof.json")
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := Verify(p, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
