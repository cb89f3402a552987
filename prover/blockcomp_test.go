package prover

import (
	"errors"
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/prover/fft"
	"github.com/cairn-vm/cairn/stark/air"
	vfri "github.com/cairn-vm/cairn/stark/fri"
)

// TestBlockCompositionMatchesInterpreter: on random trace columns and a
// random coset offset, the column-wise evaluator equals the per-point
// interpreter (fastComposition.at) and stark/air's CompositionAt at every
// row of a block in the middle and of the last block (whose mask rows
// wrap around the coset).
func TestBlockCompositionMatchesInterpreter(t *testing.T) {
	for _, name := range []string{"plain-stone", "small-stone"} {
		t.Run(name, func(t *testing.T) { blockMatches(t, name) })
	}
	for _, name := range []string{"dex-stone", "recursive-stone", "recursive_with_poseidon-stone", "starknet-stone", "starknet_with_keccak-stone"} {
		t.Run(name, func(t *testing.T) { longProofs(t); blockMatches(t, name) })
	}
}

func blockMatches(t *testing.T, name string) {
	p, dir := loadVector(t, name)
	s, err := Start(readVectorExecution(t, dir), &p.Parameters, Options{})
	if err != nil {
		t.Fatal(err)
	}
	l := s.Layout
	var z fp.Element
	z.SetUint64(1000003)
	mask0, err := s.MaskValues(z, l.Mask)
	if err != nil {
		t.Fatal(err)
	}
	f := s.newFastComposition()
	if f == nil {
		f = s.fastFromAIR(z, mask0)
	}
	if f == nil {
		t.Fatal("no fast composition")
	}
	b, err := newBlockComposition(f, l.Mask)
	if err != nil {
		t.Fatal(err)
	}
	logN := s.Main.LDE.LogN
	n := uint64(1) << logN
	cols := make([][]fp.Element, l.Width())
	for i := range cols {
		cols[i] = make([]fp.Element, n)
		for j := range cols[i] {
			cols[i][j].SetRandom()
		}
	}
	var off fp.Element
	off.SetRandom()
	g := fft.Generator(logN)
	n64 := uint64(s.Main.LDE.N())
	period, err := l.PeriodicPeriod(n64)
	if err != nil {
		t.Fatal(err)
	}
	periodic := func(x fp.Element) ([]fp.Element, error) { return l.PeriodicAt(n64, x) }
	cb, err := b.newCoset(cols, logN, off, g, periodic, period)
	if err != nil {
		t.Fatal(err)
	}
	const size = 64
	t.Logf("%d periodic columns, period %d", f.nPer, period)
	scr := b.newScratch(size)
	out := make([]fp.Element, size)
	mask := make([]fp.Element, len(l.Mask))
	for _, j0 := range []uint64{size * 3, n - size} {
		if err := b.eval(cb, scr, j0, out); err != nil {
			t.Fatal(err)
		}
		for k := range uint64(size) {
			j := j0 + k
			for i, m := range l.Mask {
				jj := (j + uint64(m.RowOffset)) % n
				mask[i] = cols[m.Column][vfri.BitReverse(jj, logN)]
			}
			var x fp.Element
			x.Exp(g, new(big.Int).SetUint64(j))
			x.Mul(&x, &off)
			pp := []fp.Element{x}
			for _, e := range f.exps {
				var y fp.Element
				y.Exp(x, new(big.Int).SetUint64(e))
				pp = append(pp, y)
			}
			per, err := periodic(x)
			if err != nil {
				t.Fatal(err)
			}
			want, err := f.at(mask, pp, per)
			if err != nil {
				t.Fatal(err)
			}
			if !out[k].Equal(&want) {
				t.Fatalf("row %d: block %s, interpreter %s", j, out[k].Text(16), want.Text(16))
			}
			if k%16 == 0 {
				air, err := l.CompositionAt(&air.Point{Public: s.Public, Interaction: s.InteractionElements[:], Alpha: s.CompositionRandom, Z: x, Mask: mask})
				if err != nil {
					t.Fatal(err)
				}
				if !out[k].Equal(&air) {
					t.Fatalf("row %d: block %s, AIR %s", j, out[k].Text(16), air.Text(16))
				}
			}
		}
	}
	if b.nSlots >= len(l.Constraints.Nodes)/2 {
		t.Errorf("%d buffers for %d nodes: liveness reuses nothing", b.nSlots, len(l.Constraints.Nodes))
	}
	t.Logf("%d nodes, %d buffers, %d denominators", len(l.Constraints.Nodes), b.nSlots, len(b.groups))
}

// TestBlockCompositionRejectsBadTable: a node reading a later node or a
// missing mask slot is a typed error, not a panic.
func TestBlockCompositionRejectsBadTable(t *testing.T) {
	s, _ := startPlainStone(t)
	f := s.newFastComposition()
	if f == nil {
		t.Fatal("no fast composition for plain")
	}
	for _, bad := range []air.Node{{Op: air.OpAdd, A: 1 << 30, B: 0}, {Op: air.OpNeighbor, A: 1 << 30}, {Op: air.OpCoef, A: 1 << 30}, {Op: 200}} {
		p := *f.prog
		p.Nodes = append(append([]air.Node{}, p.Nodes...), bad)
		g := *f
		g.prog = &p
		if _, err := newBlockComposition(&g, s.Layout.Mask); err == nil || !errors.Is(err, air.ErrEval) {
			t.Errorf("node %+v: error %v, want air.ErrEval", bad, err)
		}
	}
}
