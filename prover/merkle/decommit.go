package merkle

import (
	"fmt"
	"math/bits"
	"slices"
	"strconv"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	vchannel "github.com/cairn-vm/cairn/stark/channel"
	"github.com/cairn-vm/cairn/stark/hash"
)

// Sender is what a decommitment writes to: the prover channel.
type Sender interface {
	SendHash(label string, h hash.Hasher, d hash.Digest)
	SendFelt(label string, e fp.Element)
	SendData(label string, b []byte)
}

// ColumnRows returns the rows function of a table held as columns.
func ColumnRows(columns [][]fp.Element) func(rs []uint64) [][]fp.Element {
	return func(rs []uint64) [][]fp.Element {
		out := make([][]fp.Element, len(rs))
		for i, r := range rs {
			out[i] = make([]fp.Element, len(columns))
			for c := range columns {
				out[i][c] = columns[c][r]
			}
		}
		return out
	}
}

// Cell is a table cell.
type Cell struct {
	Row uint64
	Col int
}

func cellLabel(r uint64, c int) string {
	return "Row " + strconv.FormatUint(r, 10) + ", Column " + strconv.Itoa(c)
}

// Decommit sends what a verifier needs to check the given rows (Stone's
// TableProver::Decommit): first every cell of every row, row-major,
// except the skip cells (which the verifier computes itself), then the
// rows that complete each touched leaf (as Data), then the Merkle
// authentication nodes in the order the verifier's FIFO asks for them.
// rowsOf returns committed rows (all their columns); it is called once,
// with every row the decommitment reads (queried rows, their leaves'
// other rows, and the rows of sibling leaves whose hashes are not kept).
func (t *Table) Decommit(ch Sender, rowsOf func(rs []uint64) [][]fp.Element, rows []uint64, skip map[Cell]bool) error {
	rs := slices.Clone(rows)
	slices.Sort(rs)
	rs = slices.Compact(rs)
	if len(rs) == 0 {
		return nil // nothing queried, nothing to send
	}
	for _, r := range rs {
		if r >= t.NRows {
			return fmt.Errorf("%w: row %d outside a table of %d rows", ErrShape, r, t.NRows)
		}
	}
	// Every row read below: the queried leaves' rows and, when a leaf's
	// sibling is not queried, the sibling's rows (leaf hashes are not kept).
	leafSet := map[uint64]bool{}
	for _, r := range rs {
		leafSet[r/t.PerLeaf] = true
	}
	var need []uint64
	for l := range leafSet {
		for _, ll := range []uint64{l, l ^ 1} {
			if ll == l || (t.NLeaves > 1 && !leafSet[ll]) {
				for r := ll * t.PerLeaf; r < (ll+1)*t.PerLeaf; r++ {
					need = append(need, r)
				}
			}
		}
	}
	slices.Sort(need)
	need = slices.Compact(need)
	got := rowsOf(need)
	if len(got) != len(need) {
		return fmt.Errorf("%w: %d rows for %d asked", ErrShape, len(got), len(need))
	}
	values := make(map[uint64][]fp.Element, len(need))
	for i, r := range need {
		if len(got[i]) != t.NColumns {
			return fmt.Errorf("%w: row %d has %d values for a table of %d columns", ErrShape, r, len(got[i]), t.NColumns)
		}
		values[r] = got[i]
	}
	get := func(r uint64) ([]fp.Element, error) {
		if v, ok := values[r]; ok {
			return v, nil
		}
		return nil, fmt.Errorf("%w: row %d was not evaluated", ErrShape, r)
	}
	for _, r := range rs {
		v, err := get(r)
		if err != nil {
			return err
		}
		for c := range v {
			if !skip[Cell{r, c}] {
				ch.SendFelt(cellLabel(r, c), v[c])
			}
		}
	}
	var leaves []uint64
	for _, r := range rs {
		if l := r / t.PerLeaf; len(leaves) == 0 || leaves[len(leaves)-1] != l {
			leaves = append(leaves, l)
		}
	}
	if t.PerLeaf > 1 {
		known := map[uint64]bool{}
		for _, r := range rs {
			known[r] = true
		}
		rowSize := 32 * t.NColumns
		for _, l := range leaves {
			for r := l * t.PerLeaf; r < (l+1)*t.PerLeaf; r++ {
				if known[r] {
					continue
				}
				v, err := get(r)
				if err != nil {
					return err
				}
				b := make([]byte, rowSize)
				for c := range v {
					vchannel.MontgomeryBytes(&v[c], b[32*c:])
				}
				ch.SendData("To complete packages, element #"+strconv.FormatUint(r, 10), b)
			}
		}
	}
	// Walk the verifier's FIFO of known nodes (increasing index within a
	// layer, layers bottom-up) and send each sibling it cannot compute.
	queue := make([]uint64, 0, 2*len(leaves))
	for _, l := range leaves {
		queue = append(queue, l+t.NLeaves)
	}
	for head := 0; queue[head] != 1; {
		n := queue[head]
		head++
		sib := n ^ 1
		if head < len(queue) && queue[head] == sib {
			head++
		} else {
			depth := bits.Len64(sib) - 1
			h := t.bottom
			if depth <= t.nTop {
				h = t.top
			}
			d := t.Nodes[min(sib, uint64(len(t.Nodes)-1))]
			if sib >= t.NLeaves { // a leaf: hash it from its rows
				l := sib - t.NLeaves
				rows := make([][]fp.Element, t.PerLeaf)
				for r := range rows {
					v, err := get(l*t.PerLeaf + uint64(r))
					if err != nil {
						return err
					}
					rows[r] = v
				}
				d = t.leafFromRows(l, rows)
			}
			ch.SendHash("For node "+strconv.FormatUint(sib, 10), h, d)
		}
		queue = append(queue, n/2)
	}
	return nil
}
