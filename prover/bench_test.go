package prover

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/program"
	"github.com/cairn-vm/cairn/prover/lde"
	"github.com/cairn-vm/cairn/prover/merkle"
	"github.com/cairn-vm/cairn/runner"
	"github.com/cairn-vm/cairn/stark/hash"
	"github.com/cairn-vm/cairn/stark/proof"
)

// 2^14 Cairo steps of the plain layout: 2^18 trace rows, 6 main columns,
// 16 cosets (2^22 LDE rows).
const benchLogRows = 18

func benchColumns(n int) [][]fp.Element {
	r := rand.New(rand.NewPCG(1, 2))
	cols := make([][]fp.Element, 6)
	for c := range cols {
		cols[c] = make([]fp.Element, n)
		for i := range cols[c] {
			cols[c][i].SetUint64(r.Uint64())
		}
	}
	return cols
}

// BenchmarkInterpolate2p14Steps: the 6 main columns to coefficients.
func BenchmarkInterpolate2p14Steps(b *testing.B) {
	cols := benchColumns(1 << benchLogRows)
	for b.Loop() {
		if _, err := lde.New(cols, 4); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCoset2p14Steps: one coset of the 6 main columns (16 make the
// extension).
func BenchmarkCoset2p14Steps(b *testing.B) {
	l, err := lde.New(benchColumns(1<<benchLogRows), 4)
	if err != nil {
		b.Fatal(err)
	}
	buf := l.NewBuffer()
	for b.Loop() {
		if err := l.Coset(3, buf); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMerkle2p14Steps: hashing a 2^22-row, 6-column table.
func BenchmarkMerkle2p14Steps(b *testing.B) {
	cols := benchColumns(1 << (benchLogRows + 4))
	for b.Loop() {
		if _, err := merkle.Commit(cols, hash.Keccak256Masked160MSB, nil, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProveFib2p14 proves the 2^14-step plain fibonacci
// (testdata/fib_2p14.json) with the default (stone-style) parameters and
// reports each phase's seconds. cairn prove runs with GOGC=25 (see
// cmd/cairn/prove.go); set it here too to measure the same memory.
func BenchmarkProveFib2p14(b *testing.B) {
	data, err := os.ReadFile("testdata/fib_2p14.json")
	if err != nil {
		b.Fatal(err)
	}
	prog, err := program.Load(data)
	if err != nil {
		b.Fatal(err)
	}
	r, err := runner.New(prog, runner.Config{Layout: "plain", ProofMode: true})
	if err != nil {
		b.Fatal(err)
	}
	if err := r.Run(); err != nil {
		b.Fatal(r.FormatError(err))
	}
	e, err := r.Execution()
	if err != nil {
		b.Fatal(err)
	}
	pj, err := DefaultParametersJSON(e)
	if err != nil {
		b.Fatal(err)
	}
	var params proof.Parameters
	if err := json.Unmarshal(pj, &params); err != nil {
		b.Fatal(err)
	}
	phases := map[string]float64{}
	for b.Loop() {
		s, err := Prove(e, &params, Options{})
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range s.Phases {
			phases[p.Name] += p.Duration.Seconds()
		}
	}
	for name, sec := range phases {
		b.ReportMetric(sec/float64(b.N), strings.ReplaceAll(name, " ", "_")+"_s")
	}
}
