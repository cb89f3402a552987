package hints_test

import (
	"os"
	"testing"

	"github.com/cairn-vm/cairn/program"
	"github.com/cairn-vm/cairn/runner"
)

// BenchmarkSecpVerify runs testdata/corpus/bench/secp_verify: three secp256k1
// signatures verified by recover_public_key, about 554,000 steps of which
// most run a secp hint (cairo-run's timing is in REFERENCE_TIMING_SECP.md
// there). It reports steps per second; the time per op is one whole run
// (load excluded).
func BenchmarkSecpVerify(b *testing.B) {
	data, err := os.ReadFile("../testdata/corpus/bench/secp_verify/program.json")
	if err != nil {
		b.Fatal(err)
	}
	p, err := program.Load(data)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var steps uint64
	for i := 0; i < b.N; i++ {
		r, err := runner.New(p, runner.Config{Layout: "small"})
		if err != nil {
			b.Fatal(err)
		}
		if err := r.Run(); err != nil {
			b.Fatal(err)
		}
		steps += r.VM.Steps
	}
	b.ReportMetric(float64(steps)/b.Elapsed().Seconds(), "steps/s")
}
