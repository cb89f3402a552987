package prover

import (
	"runtime"
	"testing"

	"github.com/cairn-vm/cairn/prover/lde"
)

// TestDeepAllocation bounds what the DEEP composition allocates on
// small-stone: its quotients are summed as they are made, so the
// allocation does not grow with the mask's row offsets (small has dozens;
// starknet has hundreds, and keeping each 2^21-row quotient took 17+ GB).
// The bound counts vectors of N elements: three per worker, the
// extension's N·n_cosets output, as much again for the extension's own
// buffers, and slack; one quotient per row offset would exceed it.
func TestDeepAllocation(t *testing.T) {
	p, dir := loadVector(t, "small-stone")
	s, err := Start(readVectorExecution(t, dir), &p.Parameters, Options{})
	if err != nil {
		t.Fatal(err)
	}
	broken, err := s.compose()
	if err != nil {
		t.Fatal(err)
	}
	l, err := lde.FromCoefficients(broken, int(s.Params.Stark.LogNCosets))
	if err != nil {
		t.Fatal(err)
	}
	if s.Composition, err = s.commitLDE(l); err != nil {
		t.Fatal(err)
	}
	if err := s.oods(); err != nil {
		t.Fatal(err)
	}
	offsets := map[int]bool{}
	for _, m := range s.Layout.Mask {
		offsets[m.RowOffset] = true
	}
	n := uint64(s.Main.LDE.N())
	w := uint64(runtime.GOMAXPROCS(0))
	bound := (3*w + 2*uint64(s.Main.LDE.NCosets()) + 8) * n * 32
	if per := 2 * uint64(len(offsets)) * n * 32; per <= bound {
		t.Fatalf("%d row offsets: the bound %d would not catch one quotient per offset (%d)", len(offsets), bound, per)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, err := s.deep(s.CompositionRandom); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if got := after.TotalAlloc - before.TotalAlloc; got > bound {
		t.Fatalf("DEEP composition allocated %d bytes for %d rows and %d row offsets, bound %d", got, n, len(offsets), bound)
	} else {
		t.Logf("DEEP composition allocated %.1f MB (%d rows, %d row offsets, bound %.1f MB)", float64(got)/1e6, n, len(offsets), float64(bound)/1e6)
	}
}
