package trace_test

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/felt"
	ptrace "github.com/cairn-vm/cairn/prover/trace"
	"github.com/cairn-vm/cairn/runner"
	"github.com/cairn-vm/cairn/stark/testvectors"
	"github.com/cairn-vm/cairn/trace"
	"github.com/cairn-vm/cairn/vm/memory"
)

func load(t *testing.T) *runner.Execution {
	t.Helper()
	dir := filepath.Join(testvectors.Require(t), "plain-stone")
	tb, err := os.ReadFile(filepath.Join(dir, "trace.bin"))
	if err != nil {
		t.Fatal(err)
	}
	entries, err := trace.ReadTrace(tb)
	if err != nil {
		t.Fatal(err)
	}
	mb, _ := os.ReadFile(filepath.Join(dir, "memory.bin"))
	cells, err := trace.ReadMemory(mb)
	if err != nil {
		t.Fatal(err)
	}
	pb, _ := os.ReadFile(filepath.Join(dir, "air_public_input.json"))
	pi := new(trace.PublicInput)
	if err := json.Unmarshal(pb, pi); err != nil {
		t.Fatal(err)
	}
	return &runner.Execution{Layout: "plain", Trace: entries, Memory: cells, PublicInput: pi}
}

func clone(e *runner.Execution) *runner.Execution {
	pi := *e.PublicInput
	pi.PublicMemory = slices.Clone(pi.PublicMemory)
	return &runner.Execution{Layout: e.Layout, Trace: slices.Clone(e.Trace), Memory: slices.Clone(e.Memory), PublicInput: &pi}
}

// TestPlainInvariants checks, on plain-stone, the properties Stone's
// constraints rest on (the decisive check, equality with Stone's
// committed values, is in package prover).
func TestPlainInvariants(t *testing.T) {
	e := load(t)
	p, err := ptrace.BuildPlain(e)
	if err != nil {
		t.Fatal(err)
	}
	if p.Length != 16*1024 {
		t.Fatalf("length %d", p.Length)
	}
	// Sorted columns are sorted permutations of the pools, continuous.
	if !slices.IsSorted(p.RCSorted) || p.RCSorted[0] != p.RCMin || p.RCSorted[len(p.RCSorted)-1] != p.RCMax {
		t.Fatal("range-check column not sorted over [rc_min, rc_max]")
	}
	for i := 1; i < len(p.RCSorted); i++ {
		if p.RCSorted[i]-p.RCSorted[i-1] > 1 {
			t.Fatalf("range-check gap at %d", i)
		}
	}
	a := slices.Clone(p.PoolAddr)
	slices.Sort(a)
	if !slices.Equal(a, p.SortedAddr) {
		t.Fatal("sorted memory is not a permutation of the pool")
	}
	// Column 1 decomposes the flags: f_j - 2 f_{j+1} is a bit, f_15 = 0.
	for step := uint64(0); step < p.NSteps; step++ {
		col := p.Columns[1][step*16 : step*16+16]
		if !col[15].IsZero() {
			t.Fatalf("step %d: flag row 15 not 0", step)
		}
		for j := 0; j < 15; j++ {
			var d, two fp.Element
			two.SetUint64(2)
			d.Mul(&col[j+1], &two)
			d.Sub(&col[j], &d)
			if !d.IsZero() && !d.IsOne() {
				t.Fatalf("step %d: flag %d not a bit", step, j)
			}
		}
		// Column 3 row 0 is pc, row 1 the instruction; ap and fp in column 5.
		te := e.Trace[step]
		var pc, ap, fpv fp.Element
		pc.SetUint64(te.PC)
		ap.SetUint64(te.AP)
		fpv.SetUint64(te.FP)
		if !p.Columns[3][step*16].Equal(&pc) || !p.Columns[5][step*16].Equal(&ap) || !p.Columns[5][step*16+8].Equal(&fpv) {
			t.Fatalf("step %d: registers misplaced", step)
		}
	}
	// Public cells show as (0, 0).
	for _, s := range p.PublicSlots {
		if !p.Columns[3][2*s].IsZero() || !p.Columns[3][2*s+1].IsZero() {
			t.Fatalf("public slot %d not (0, 0)", s)
		}
	}
	if uint64(len(p.PublicSlots)) != p.NPublicSlots {
		t.Fatalf("%d public slots, want %d", len(p.PublicSlots), p.NPublicSlots)
	}
	// The interaction products close: 1 for the range checks, the
	// public-memory product for memory (Interaction checks both).
	var z, alpha, rz fp.Element
	z.SetUint64(1234567)
	alpha.SetUint64(7654321)
	rz.SetUint64(99991)
	if _, err := p.Interaction(z, alpha, rz); err != nil {
		t.Fatal(err)
	}
	// The layout-generic builder writes the same columns for plain.
	g, err := ptrace.Build(e)
	if err != nil {
		t.Fatal(err)
	}
	for c := range p.Columns {
		if !slices.Equal(p.Columns[c], g.Columns[c]) {
			t.Fatalf("column %d differs from Build's", c)
		}
	}
	gi, err := g.Interaction([]fp.Element{z, alpha, rz})
	if err != nil {
		t.Fatal(err)
	}
	pi, _ := p.Interaction(z, alpha, rz)
	for c := range pi {
		if !slices.Equal(pi[c], gi[c]) {
			t.Fatalf("interaction column %d differs from Build's", c)
		}
	}
}

func TestMalformedExecutions(t *testing.T) {
	base := load(t)
	cases := map[string]func(e *runner.Execution){
		"nil public input": func(e *runner.Execution) { e.PublicInput = nil },
		"layout":           func(e *runner.Execution) { e.PublicInput.Layout = "small" },
		"odd length":       func(e *runner.Execution) { e.Trace = e.Trace[:1000] },
		"n_steps":          func(e *runner.Execution) { e.PublicInput.NSteps = 2048 },
		"empty trace":      func(e *runner.Execution) { e.Trace = nil },
		"rc range":         func(e *runner.Execution) { e.PublicInput.RcMax = e.PublicInput.RcMin },
		"rc too narrow":    func(e *runner.Execution) { e.PublicInput.RcMin++ },
		"pc outside memory": func(e *runner.Execution) {
			e.Trace[5].PC = 1 << 40
		},
		"public value": func(e *runner.Execution) { e.PublicInput.PublicMemory[3].Value = "0x1234" },
		"public not felt": func(e *runner.Execution) {
			e.PublicInput.PublicMemory[0].Value = "0x" + "f" + "00000000000000000000000000000000000000000000000000000000000000"
		},
		"no public memory": func(e *runner.Execution) { e.PublicInput.PublicMemory = nil },
		"conflicting memory": func(e *runner.Execution) {
			e.Memory = append(e.Memory, memory.Cell{Addr: e.Memory[0].Addr, Value: e.Memory[1].Value})
		},
		"bad instruction": func(e *runner.Execution) {
			// The word at pc 1 with two op1 sources (flags bits 2 and 3).
			for i, c := range e.Memory {
				if c.Addr == e.Trace[0].PC {
					var v fp.Element
					v.SetUint64(0x000c800080008000)
					e.Memory[i].Value = felt.Felt(v)
					e.PublicInput.PublicMemory[0].Value = "0xc800080008000"
				}
			}
		},
	}
	for name, mut := range cases {
		e := clone(base)
		mut(e)
		if _, err := ptrace.BuildPlain(e); !errors.Is(err, ptrace.ErrExecution) {
			t.Errorf("%s: got %v", name, err)
		} else {
			t.Logf("%s: %v", name, err)
		}
		// The layout-generic builder refuses the same executions.
		if _, err := ptrace.Build(e); !errors.Is(err, ptrace.ErrExecution) {
			t.Errorf("%s: Build: got %v", name, err)
		}
	}
}

// TestRandomCorruptionNeverPanics flips trace registers and memory values
// at random; every outcome is a trace or a typed error.
func TestRandomCorruptionNeverPanics(t *testing.T) {
	base := load(t)
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		e := clone(base)
		i := r.IntN(len(e.Trace))
		switch r.IntN(4) {
		case 0:
			e.Trace[i].AP = r.Uint64N(2000)
		case 1:
			e.Trace[i].FP = r.Uint64()
		case 2:
			e.Trace[i].PC = r.Uint64N(100)
		case 3:
			k := r.IntN(len(e.Memory))
			var v fp.Element
			v.SetUint64(r.Uint64())
			e.Memory[k].Value = felt.Felt(v)
		}
		if _, err := ptrace.BuildPlain(e); err != nil && !errors.Is(err, ptrace.ErrExecution) {
			t.Fatalf("untyped error %v", err)
		}
		if _, err := ptrace.Build(e); err != nil && !errors.Is(err, ptrace.ErrExecution) {
			t.Fatalf("Build: untyped error %v", err)
		}
	}
}
