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
	// Nodes are the tree's inner nodes, heap-indexed: Nodes[1] is the root,
	// node i has children 2i and 2i+1, and node NLeaves+l (not stored: half
	// the tree) is the hash of leaf l, recomputed from its rows when a
	// decommitment needs it. A one-leaf table stores its leaf as the root.
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
	if blockRows == 0 || nRows%blockRows != 0 || blockRows%t.PerLeaf != 0 || (t.NLeaves > 1 && (blockRows/t.PerLeaf)%2 != 0) {
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
	t.Nodes = make([]hash.Digest, max(t.NLeaves, 2))
	return t, nil
}

// hashLeaves hashes the leaves of the rows firstRow .. firstRow+len(cols[0])
// and stores their parents (a block holds whole pairs of leaves).
func (t *Table) hashLeaves(columns [][]fp.Element, firstRow uint64) {
	depth := bits.TrailingZeros64(t.NLeaves)
	leafHasher := t.hasher(depth)
	first := firstRow / t.PerLeaf
	nLeaves := uint64(len(columns[0])) / t.PerLeaf
	if t.NLeaves == 1 {
		t.Nodes[1] = newLeafHasher(t, leafHasher).leaf(columns, 0)
		return
	}
	parentHasher := t.hasher(depth - 1)
	parallel(nLeaves/2, func(lo, hi uint64) {
		lh := newLeafHasher(t, leafHasher)
		ph := newByteHasher(parentHasher)
		var leaves [16]hash.Digest
		var parents [8]hash.Digest
		m := lo
		for ; m+8 <= hi; m += 8 {
			lh.leaves8(columns, 2*m, (*[8]hash.Digest)(leaves[:8]))
			lh.leaves8(columns, 2*m+8, (*[8]hash.Digest)(leaves[8:]))
			ph.pairs8(&leaves, &parents)
			copy(t.Nodes[(t.NLeaves+first)/2+m:], parents[:])
		}
		for ; m < hi; m++ {
			a := lh.leaf(columns, 2*m)
			b := lh.leaf(columns, 2*m+1)
			t.Nodes[(t.NLeaves+first)/2+m] = ph.pairOf(&a, &b)
		}
	})
}

// leafHasher hashes one leaf (PerLeaf consecutive rows) of given columns.
type leafHasher struct {
	t    *Table
	bh   *byteHasher
	buf  []byte
	bufs [8][]byte // leaves8's inputs
}

func newLeafHasher(t *Table, h hash.Hasher) *leafHasher {
	n := 32 * t.NColumns * int(t.PerLeaf)
	lh := &leafHasher{t: t, bh: newByteHasher(h), buf: make([]byte, n)}
	all := make([]byte, 8*n)
	for k := range lh.bufs {
		lh.bufs[k] = all[k*n : (k+1)*n]
	}
	return lh
}

// leaves8 hashes leaves l .. l+7 of columns, as leaf does.
func (lh *leafHasher) leaves8(columns [][]fp.Element, l uint64, out *[8]hash.Digest) {
	if !lh.bh.x8 {
		for k := range out {
			out[k] = lh.leaf(columns, l+uint64(k))
		}
		return
	}
	rowSize := uint64(32 * lh.t.NColumns)
	for k := uint64(0); k < 8; k++ {
		buf := lh.bufs[k]
		for r := uint64(0); r < lh.t.PerLeaf; r++ {
			row := (l+k)*lh.t.PerLeaf + r
			for c, col := range columns {
				channel.MontgomeryBytes(&col[row], buf[r*rowSize+uint64(32*c):])
			}
		}
	}
	lh.bh.bytes8(&lh.bufs, out)
}

// leaf hashes leaf l of columns (l counted within them).
func (lh *leafHasher) leaf(columns [][]fp.Element, l uint64) hash.Digest {
	rowSize := uint64(32 * lh.t.NColumns)
	for r := uint64(0); r < lh.t.PerLeaf; r++ {
		row := l*lh.t.PerLeaf + r
		for k, c := range columns {
			channel.MontgomeryBytes(&c[row], lh.buf[r*rowSize+uint64(32*k):])
		}
	}
	if lh.t.PerLeaf == 2 && rowSize == 32 {
		var a, b hash.Digest
		copy(a[:], lh.buf[:32])
		copy(b[:], lh.buf[32:])
		return lh.bh.pairOf(&a, &b)
	}
	return lh.bh.bytes(lh.buf)
}

// leafFromRows hashes leaf l from its rows' values.
func (t *Table) leafFromRows(l uint64, rows [][]fp.Element) hash.Digest {
	cols := make([][]fp.Element, t.NColumns)
	for k := range cols {
		cols[k] = make([]fp.Element, t.PerLeaf)
		for r := range rows {
			cols[k][r] = rows[r][k]
		}
	}
	return newLeafHasher(t, t.hasher(bits.TrailingZeros64(t.NLeaves))).leaf(cols, 0)
}

// hashNodes computes the inner nodes above the leaves' parents.
func (t *Table) hashNodes() {
	depth := bits.TrailingZeros64(t.NLeaves)
	for d := depth - 2; d >= 0; d-- {
		first := uint64(1) << d
		h := t.hasher(d)
		parallel(first, func(lo, hi uint64) {
			bh := newByteHasher(h)
			var out [8]hash.Digest
			i := first + lo
			for ; i+8 <= first+hi; i += 8 {
				bh.pairs8((*[16]hash.Digest)(t.Nodes[2*i:2*i+16]), &out)
				copy(t.Nodes[i:], out[:])
			}
			for ; i < first+hi; i++ {
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
