package merkle

import (
	"errors"
	"fmt"
	"math/bits"
	"runtime"
	"sync"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/stark/channel"
	"github.com/cairn-vm/cairn/stark/hash"
)

// ErrShape reports a table whose dimensions Stone cannot commit to.
var ErrShape = errors.New("merkle: bad table shape")

// Table is a committed table: its columns and the whole Merkle tree.
type Table struct {
	NRows    uint64
	NColumns int
	PerLeaf  uint64 // rows per leaf
	NLeaves  uint64
	bottom   hash.Hasher
	top      hash.Hasher
	nTop     int
	// Nodes is the heap-indexed tree: Nodes[1] is the root, Nodes[NLeaves+l]
	// the hash of leaf l. Nodes[0] is unused.
	Nodes []hash.Digest
}

// Root returns the commitment.
func (t *Table) Root() hash.Digest { return t.Nodes[1] }

// hasher is the hash of a node at depth (root 0): the verifier-friendly
// top hash above nVerifierFriendlyLayers, the commitment hash below.
func (t *Table) hasher(depth int) hash.Hasher {
	if depth < t.nTop {
		return t.top
	}
	return t.bottom
}

// Commit builds the commitment of the table whose column k is columns[k]
// (all of the same power-of-two length). top and nVerifierFriendlyLayers
// describe the verifier-friendly top of the tree (nil, 0 for none).
func Commit(columns [][]fp.Element, bottom, top hash.Hasher, nVerifierFriendlyLayers uint64) (*Table, error) {
	if len(columns) == 0 {
		return nil, fmt.Errorf("%w: no columns", ErrShape)
	}
	nRows := uint64(len(columns[0]))
	for k, c := range columns {
		if uint64(len(c)) != nRows {
			return nil, fmt.Errorf("%w: column %d has %d rows, column 0 has %d", ErrShape, k, len(c), nRows)
		}
	}
	t, err := newTable(nRows, len(columns), bottom, top, nVerifierFriendlyLayers)
	if err != nil {
		return nil, err
	}
	t.hashLeaves(columns, 0)
	t.hashNodes()
	return t, nil
}

// CommitBlocks builds the commitment of a table of nRows rows given in
// blocks of blockRows consecutive rows: fill(b, out) writes block b
// (rows b·blockRows on) into out, one slice of blockRows per column. Only
// one block is in memory at a time.
func CommitBlocks(nRows uint64, nColumns int, blockRows uint64, fill func(b int, out [][]fp.Element) error, bottom, top hash.Hasher, nVerifierFriendlyLayers uint64) (*Table, error) {
	t, err := newTable(nRows, nColumns, bottom, top, nVerifierFriendlyLayers)
	if err != nil {
		return nil, err
	}
	if blockRows == 0 || nRows%blockRows != 0 || blockRows%t.PerLeaf != 0 {
		return nil, fmt.Errorf("%w: blocks of %d rows for %d rows", ErrShape, blockRows, nRows)
	}
	buf := make([][]fp.Element, nColumns)
	for k := range buf {
		buf[k] = make([]fp.Element, blockRows)
	}
	for b := 0; uint64(b)*blockRows < nRows; b++ {
		if err := fill(b, buf); err != nil {
			return nil, err
		}
		t.hashLeaves(buf, uint64(b)*blockRows)
	}
	t.hashNodes()
	return t, nil
}

func newTable(nRows uint64, nColumns int, bottom, top hash.Hasher, nVerifierFriendlyLayers uint64) (*Table, error) {
	if nColumns < 1 {
		return nil, fmt.Errorf("%w: no columns", ErrShape)
	}
	if nRows < 2 || nRows&(nRows-1) != 0 {
		return nil, fmt.Errorf("%w: %d rows, want a power of two >= 2", ErrShape, nRows)
	}
	if top == nil {
		top = bottom
	}
	t := &Table{NRows: nRows, NColumns: nColumns, bottom: bottom, top: top, nTop: int(min(nVerifierFriendlyLayers, 64))}
	// Stone's ComputeNumElementsInPackage for a package of two digests.
	rowSize := uint64(32 * nColumns)
	t.PerLeaf = 1
	if rowSize < 64 {
		fit := (64-1)/rowSize + 1
		t.PerLeaf = min(uint64(1)<<bits.Len64(fit-1), nRows)
	}
	t.NLeaves = nRows / t.PerLeaf
	t.Nodes = make([]hash.Digest, 2*t.NLeaves)
	return t, nil
}

// hashLeaves hashes the leaves of the rows firstRow .. firstRow+len(cols[0]).
func (t *Table) hashLeaves(columns [][]fp.Element, firstRow uint64) {
	rowSize := uint64(32 * t.NColumns)
	depth := bits.TrailingZeros64(t.NLeaves)
	leafHasher := t.hasher(depth)
	first := firstRow / t.PerLeaf
	parallel(uint64(len(columns[0]))/t.PerLeaf, func(lo, hi uint64) {
		bh := newByteHasher(leafHasher)
		buf := make([]byte, rowSize*t.PerLeaf)
		for l := lo; l < hi; l++ {
			for r := uint64(0); r < t.PerLeaf; r++ {
				row := l*t.PerLeaf + r
				for k, c := range columns {
					channel.MontgomeryBytes(&c[row], buf[r*rowSize+uint64(32*k):])
				}
			}
			if t.PerLeaf == 2 && rowSize == 32 {
				var a, b hash.Digest
				copy(a[:], buf[:32])
				copy(b[:], buf[32:])
				t.Nodes[t.NLeaves+first+l] = bh.pairOf(&a, &b)
			} else {
				t.Nodes[t.NLeaves+first+l] = bh.bytes(buf)
			}
		}
	})
}

// hashNodes computes the inner nodes from the leaves.
func (t *Table) hashNodes() {
	depth := bits.TrailingZeros64(t.NLeaves)
	for d := depth - 1; d >= 0; d-- {
		first := uint64(1) << d
		h := t.hasher(d)
		parallel(first, func(lo, hi uint64) {
			bh := newByteHasher(h)
			for i := first + lo; i < first+hi; i++ {
				t.Nodes[i] = bh.pairOf(&t.Nodes[2*i], &t.Nodes[2*i+1])
			}
		})
	}
}

// parallel runs f over [0, n) in GOMAXPROCS pieces (inline when small).
func parallel(n uint64, f func(lo, hi uint64)) {
	w := uint64(runtime.GOMAXPROCS(0))
	if n < 256 || w < 2 {
		f(0, n)
		return
	}
	chunk := (n + w - 1) / w
	var wg sync.WaitGroup
	for lo := uint64(0); lo < n; lo += chunk {
		hi := min(lo+chunk, n)
		wg.Add(1)
		go func() { defer wg.Done(); f(lo, hi) }()
	}
	wg.Wait()
}

// RootHasher is the hash the root is computed (and annotated) with.
func (t *Table) RootHasher() hash.Hasher { return t.hasher(0) }
