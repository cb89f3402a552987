package builtins_test

import (
	"os"
	"strings"
	"testing"

	"github.com/cairn-vm/cairn/program"
	"github.com/cairn-vm/cairn/runner"
)

// The builtin-heavy benchmark programs of testdata/corpus/bench (cairo-run's
// timings for them are in REFERENCE_TIMING_BUILTINS.md there).
func benchProgram(b *testing.B, name, layout string) {
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

// layoutOf reads the --layout of a bench program's args file.
func layoutOf(b *testing.B, name string) string {
	data, err := os.ReadFile("../testdata/corpus/bench/" + name + "/args")
	if err != nil {
		b.Fatal(err)
	}
	f := strings.Fields(string(data))
	for i := 0; i+1 < len(f); i++ {
		if f[i] == "--layout" {
			return f[i+1]
		}
	}
	return "plain"
}

func bench(b *testing.B, name string) { benchProgram(b, name, layoutOf(b, name)) }

// BenchmarkBitwiseLoop: 20,000 bitwise instances, every output deduced.
func BenchmarkBitwiseLoop(b *testing.B) { bench(b, "builtin_bitwise_loop") }

// BenchmarkPoseidonLoop: a chain of 20,000 poseidon_hash calls.
func BenchmarkPoseidonLoop(b *testing.B) { bench(b, "builtin_poseidon_loop") }

// BenchmarkPedersenLoop: a chain of 20,000 hash2 calls.
func BenchmarkPedersenLoop(b *testing.B) { bench(b, "builtin_pedersen_loop") }

// BenchmarkKeccakLoop: a chain of 4,000 Keccak-f[1600] permutations.
func BenchmarkKeccakLoop(b *testing.B) { bench(b, "builtin_keccak_loop") }
