package hints_test

import (
	"os"
	"testing"

	"github.com/cairn-vm/cairn/program"
	"github.com/cairn-vm/cairn/runner"
)

// benchRun runs testdata/corpus/bench/<name>/program.json on layout b.N
// times (no trace; the program is loaded once) and reports steps per
// second. cairo-run's times for these programs are in
// testdata/corpus/bench/REFERENCE_TIMING_HINTS.md.
func benchRun(b *testing.B, name, layout string) {
	data, err := os.ReadFile("../testdata/corpus/bench/" + name + "/program.json")
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
		r, err := runner.New(p, runner.Config{Layout: layout})
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

// BenchmarkKeccak1KB: cairo_keccak of 1 KB with the bitwise builtin, then
// finalize_keccak (bench/hint_keccak_1kb).
func BenchmarkKeccak1KB(b *testing.B) { benchRun(b, "hint_keccak_1kb", "recursive") }

// BenchmarkSha256_1KB: SHA-256 of 1 KB with the cairo_sha256 hints, then
// finalize_sha256 (bench/hint_sha256_1kb).
func BenchmarkSha256_1KB(b *testing.B) { benchRun(b, "hint_sha256_1kb", "recursive") }

// BenchmarkDictSquash10K: 10,000 dict accesses squashed by
// default_dict_finalize (bench/hint_dict_squash_10k).
func BenchmarkDictSquash10K(b *testing.B) { benchRun(b, "hint_dict_squash_10k", "small") }
