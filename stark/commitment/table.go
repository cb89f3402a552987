package commitment

import (
	"errors"
	"fmt"
	"math/bits"
	"sort"
	"strconv"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/stark/channel"
	"github.com/cairn-vm/cairn/stark/hash"
)

var (
	// ErrDecommitment is returned when decommitted values do not hash to
	// the committed root.
	ErrDecommitment = errors.New("decommitment does not match the commitment")
	// ErrQuery is returned for queries outside the table or incomplete rows.
	ErrQuery = errors.New("bad table query")
	// ErrShape is returned for table shapes Stone cannot commit to.
	ErrShape = errors.New("bad table shape")
)

// Channel is what a table reads from: the verifier channel.
type Channel interface {
	ReceiveHashAs(label string, h hash.Hasher) (hash.Digest, error)
	ReceiveFelt(label string) (fp.Element, error)
	ReceiveData(n int, label string) ([]byte, error)
	AnnotateExtraHash(label string, h hash.Hasher, d hash.Digest)
	Annotating() bool
}

var _ Channel = (*channel.Verifier)(nil)

// RowCol is a cell of a committed table.
type RowCol struct {
	Row uint64
	Col int
}

func (rc RowCol) less(o RowCol) bool {
	return rc.Row < o.Row || (rc.Row == o.Row && rc.Col < o.Col)
}

// Label is Stone's annotation label of a cell ("Row 3, Column 1").
func (rc RowCol) Label() string {
	return "Row " + strconv.FormatUint(rc.Row, 10) + ", Column " + strconv.Itoa(rc.Col)
}

// Table is a committed table of field elements, Stone's TableVerifierImpl
// over a PackagingCommitmentScheme: each row (its elements in Montgomery
// form, 32 bytes big-endian each) is a Merkle leaf; a row of one column is
// too short, so rows are then packed in pairs and a pair is one leaf. The
// Merkle tree is heap-indexed (root 1, leaves from n_leaves); nodes at
// depth below NVerifierFriendlyLayers use the Top hash, the others the
// Bottom hash.
type Table struct {
	nRows    uint64
	nColumns int
	bottom   hash.Hasher
	top      hash.Hasher
	nTop     int
	perLeaf  uint64 // rows per leaf (package)
	nLeaves  uint64
	depth    int // log2(nLeaves)
	root     hash.Digest
	haveRoot bool
}

// NewTable returns a table of nRows rows and nColumns columns. top and
// nVerifierFriendlyLayers describe the verifier-friendly top of the tree
// (nil and 0 when the whole tree uses bottom).
func NewTable(nRows uint64, nColumns int, bottom, top hash.Hasher, nVerifierFriendlyLayers uint64) (*Table, error) {
	if nRows < 2 || nRows&(nRows-1) != 0 || nColumns < 1 || nColumns > 1<<16 {
		return nil, fmt.Errorf("%w: %d rows, %d columns", ErrShape, nRows, nColumns)
	}
	if top == nil {
		top = bottom
	}
	t := &Table{nRows: nRows, nColumns: nColumns, bottom: bottom, top: top}
	if nVerifierFriendlyLayers > 64 {
		nVerifierFriendlyLayers = 64
	}
	t.nTop = int(nVerifierFriendlyLayers)
	// Stone's ComputeNumElementsInPackage with a package of two digests.
	size := uint64(32 * nColumns)
	t.perLeaf = 1
	if size < 64 {
		fit := (64-1)/size + 1
		t.perLeaf = uint64(1) << bits.Len64(fit-1)
		if t.perLeaf > nRows {
			t.perLeaf = nRows
		}
	}
	t.nLeaves = nRows / t.perLeaf
	t.depth = bits.TrailingZeros64(t.nLeaves)
	return t, nil
}

// NRows returns the number of rows.
func (t *Table) NRows() uint64 { return t.nRows }

// NColumns returns the number of columns.
func (t *Table) NColumns() int { return t.nColumns }

// Root returns the commitment read by ReadCommitment.
func (t *Table) Root() hash.Digest { return t.root }

// ReadCommitment reads the root ("Commitment").
func (t *Table) ReadCommitment(ch Channel) error {
	r, err := ch.ReceiveHashAs("Commitment", t.hasher(0))
	if err != nil {
		return err
	}
	t.root, t.haveRoot = r, true
	return nil
}

func (t *Table) hasher(depth int) hash.Hasher {
	if depth < t.nTop {
		return t.top
	}
	return t.bottom
}

// nodeHasher is the hash whose digest type Stone gives a received node at
// depth: Stone splits the tree into a verifier-friendly tree of height
// NVerifierFriendlyLayers whose leaves are the roots of bottom-hash
// subtrees, so a node at depth exactly NVerifierFriendlyLayers is computed
// by the bottom hash but received (and annotated) as a top-hash digest.
func (t *Table) nodeHasher(depth int) hash.Hasher {
	if depth <= t.nTop {
		return t.top
	}
	return t.bottom
}

// Query reads, in row-major order, every cell of every row that data or
// integrity touches, except the integrity cells (which the verifier
// computes itself). data and integrity must be disjoint.
func (t *Table) Query(ch Channel, data, integrity []RowCol) (map[RowCol]fp.Element, error) {
	skip := make(map[RowCol]bool, len(integrity))
	rows := map[uint64]bool{}
	for _, q := range integrity {
		if err := t.check(q); err != nil {
			return nil, err
		}
		skip[q] = true
		rows[q.Row] = true
	}
	for _, q := range data {
		if err := t.check(q); err != nil {
			return nil, err
		}
		if skip[q] {
			return nil, fmt.Errorf("%w: cell %v is both a data and an integrity query", ErrQuery, q)
		}
		rows[q.Row] = true
	}
	sorted := make([]uint64, 0, len(rows))
	for r := range rows {
		sorted = append(sorted, r)
	}
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	out := make(map[RowCol]fp.Element, len(sorted)*t.nColumns)
	for _, r := range sorted {
		for c := 0; c < t.nColumns; c++ {
			rc := RowCol{r, c}
			if skip[rc] {
				continue
			}
			v, err := ch.ReceiveFelt(rc.Label())
			if err != nil {
				return nil, err
			}
			out[rc] = v
		}
	}
	return out, nil
}

func (t *Table) check(q RowCol) error {
	if q.Row >= t.nRows || q.Col < 0 || q.Col >= t.nColumns {
		return fmt.Errorf("%w: cell (%d, %d) outside a %dx%d table", ErrQuery, q.Row, q.Col, t.nRows, t.nColumns)
	}
	return nil
}

// Verify checks cells (whole rows: every column of each row present)
// against the root, reading the missing package elements and the Merkle
// authentication nodes from ch, in Stone's order.
func (t *Table) Verify(ch Channel, cells map[RowCol]fp.Element) error {
	if !t.haveRoot {
		return fmt.Errorf("%w: no commitment read", ErrQuery)
	}
	if len(cells) == 0 {
		return fmt.Errorf("%w: nothing to verify", ErrQuery)
	}
	rowSize := 32 * t.nColumns
	rowBytes := map[uint64][]byte{}
	for rc, v := range cells {
		if err := t.check(rc); err != nil {
			return err
		}
		b := rowBytes[rc.Row]
		if b == nil {
			b = make([]byte, rowSize)
			rowBytes[rc.Row] = b
		}
		channel.MontgomeryBytes(&v, b[32*rc.Col:])
	}
	for r := range rowBytes {
		for c := 0; c < t.nColumns; c++ {
			if _, ok := cells[RowCol{r, c}]; !ok {
				return fmt.Errorf("%w: row %d lacks column %d", ErrQuery, r, c)
			}
		}
	}
	rows := make([]uint64, 0, len(rowBytes))
	for r := range rowBytes {
		rows = append(rows, r)
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i] < rows[j] })

	// Complete the packages (leaves) with rows the prover sends as data.
	leafSet := map[uint64]bool{}
	for _, r := range rows {
		leafSet[r/t.perLeaf] = true
	}
	leaves := make([]uint64, 0, len(leafSet))
	for l := range leafSet {
		leaves = append(leaves, l)
	}
	sort.Slice(leaves, func(i, j int) bool { return leaves[i] < leaves[j] })
	if t.perLeaf > 1 {
		for _, l := range leaves {
			for r := l * t.perLeaf; r < (l+1)*t.perLeaf; r++ {
				if rowBytes[r] != nil {
					continue
				}
				b, err := ch.ReceiveData(rowSize, "To complete packages, element #"+strconv.FormatUint(r, 10))
				if err != nil {
					return err
				}
				rowBytes[r] = b
			}
		}
	}
	type node struct {
		idx uint64
		h   hash.Digest
	}
	queue := make([]node, 0, 2*len(leaves))
	leafHasher := t.hasher(t.depth)
	for _, l := range leaves {
		var h hash.Digest
		if t.perLeaf == 2 && rowSize == 32 {
			var a, b hash.Digest
			copy(a[:], rowBytes[2*l])
			copy(b[:], rowBytes[2*l+1])
			h = leafHasher.HashPair(a, b)
		} else {
			buf := make([]byte, 0, uint64(rowSize)*t.perLeaf)
			for r := l * t.perLeaf; r < (l+1)*t.perLeaf; r++ {
				buf = append(buf, rowBytes[r]...)
			}
			h = leafHasher.HashBytes(buf)
		}
		if ch.Annotating() {
			ch.AnnotateExtraHash("For node "+strconv.FormatUint(l+t.nLeaves, 10), leafHasher, h)
		}
		queue = append(queue, node{l + t.nLeaves, h})
	}
	// Stone's MerkleTree::VerifyDecommitment: a FIFO of known nodes in
	// increasing index order; a node's sibling comes from the queue when
	// it is next, else from the channel.
	head := 0
	for {
		n := queue[head]
		if n.idx == 1 {
			break
		}
		head++
		var sib hash.Digest
		sibIdx := n.idx ^ 1
		if head < len(queue) && queue[head].idx == sibIdx {
			sib = queue[head].h
			head++
		} else {
			d, err := ch.ReceiveHashAs("For node "+strconv.FormatUint(sibIdx, 10), t.nodeHasher(bits.Len64(sibIdx)-1))
			if err != nil {
				return err
			}
			sib = d
		}
		left, right := n.h, sib
		if n.idx&1 == 1 {
			left, right = sib, n.h
		}
		parent := n.idx / 2
		queue = append(queue, node{parent, t.hasher(bits.Len64(parent)-1).HashPair(left, right)})
	}
	if queue[head].h != t.root {
		return ErrDecommitment
	}
	return nil
}
