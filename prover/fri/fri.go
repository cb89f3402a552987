package fri

import (
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"sync"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	pchannel "github.com/cairn-vm/cairn/prover/channel"
	"github.com/cairn-vm/cairn/prover/fft"
	"github.com/cairn-vm/cairn/prover/merkle"
	vfri "github.com/cairn-vm/cairn/stark/fri"
	"github.com/cairn-vm/cairn/stark/hash"
)

var (
	// ErrParams reports FRI parameters that do not fit the input.
	ErrParams = errors.New("fri: bad parameters")
	// ErrDegree reports a first layer that is not of the claimed degree.
	ErrDegree = errors.New("fri: last layer exceeds its degree bound")
)

// Params are the FRI parameters and the commitment hashes.
type Params struct {
	StepList             []int
	LastLayerDegreeBound uint64
	NQueries             int
	ProofOfWorkBits      int
	Bottom, Top          hash.Hasher
	NVerifierFriendly    uint64
}

// layer is a committed inner layer.
type layer struct {
	step   int          // its coset size is 2^step
	basis  int          // layer index of its values in the domain
	values []fp.Element // the layer, bit-reversed order
	table  *merkle.Table
}

// Prover is one FRI proof in progress.
type Prover struct {
	p       Params
	logSize int
	dom     *vfri.Domain
	layers  []layer
	queries []uint64
}

// Commit runs the commitment phase (scope "Commitment") on the first
// layer's values (bit-reversed order, 2^logSize of them).
func Commit(ch pchannel.Channel, p Params, first []fp.Element) (*Prover, error) {
	n := len(first)
	logSize := 0
	for 1<<logSize < n {
		logSize++
	}
	if n == 0 || 1<<logSize != n {
		return nil, fmt.Errorf("%w: first layer of %d values", ErrParams, n)
	}
	if len(p.StepList) == 0 {
		return nil, fmt.Errorf("%w: empty step list", ErrParams)
	}
	sum := 0
	for _, s := range p.StepList {
		if s < 0 {
			return nil, fmt.Errorf("%w: negative step", ErrParams)
		}
		sum += s
	}
	if sum > logSize || p.LastLayerDegreeBound == 0 || p.LastLayerDegreeBound > uint64(n>>sum) {
		return nil, fmt.Errorf("%w: steps %v, last layer bound %d for 2^%d values", ErrParams, p.StepList, p.LastLayerDegreeBound, logSize)
	}
	f := &Prover{p: p, logSize: logSize, dom: vfri.NewDomain(logSize)}
	ch.Enter("Commitment")
	defer ch.Exit()
	cur := first // fold makes new slices; first is not written
	basis := 0
	for i, step := range p.StepList {
		ch.Enter("Layer " + strconv.Itoa(i+1))
		if i > 0 || step != 0 {
			e, err := ch.RandomFelt("Evaluation point")
			if err != nil {
				ch.Exit()
				return nil, err
			}
			for r := 0; r < step; r++ {
				cur = f.fold(cur, basis, e)
				e.Square(&e)
				basis++
			}
		}
		if i < len(p.StepList)-1 {
			next := p.StepList[i+1]
			t, err := commitLayer(cur, next, p)
			if err != nil {
				ch.Exit()
				return nil, err
			}
			ch.SendCommitment("Commitment", t.RootHasher(), t.Root())
			f.layers = append(f.layers, layer{step: next, basis: basis, values: cur, table: t})
		}
		ch.Exit()
	}
	// The last layer is 2^(logSize-sum) values at G^bitrev(i) for the
	// generator G of that order: interpolate and send the low coefficients.
	d, err := fft.NewDomain(logSize - sum)
	if err != nil {
		return nil, err
	}
	cur = slices.Clone(cur) // interpolated in place; it may still be first
	if err := d.InterpolateBitReversed(cur); err != nil {
		return nil, err
	}
	for _, c := range cur[p.LastLayerDegreeBound:] {
		if !c.IsZero() {
			return nil, ErrDegree
		}
	}
	ch.Enter("Last Layer")
	ch.SendFelts("Coefficients", cur[:p.LastLayerDegreeBound])
	ch.Exit()
	return f, nil
}

// fold does one FRI round on layer b of the domain: pair m is
// (v_{2m}, v_{2m+1}) at ±x_m, x_m = w_b^bitrev(2m) = w_b^bitrev'(m)
// (bitrev' over one bit fewer), and folds to
// v_{2m} + v_{2m+1} + (v_{2m} − v_{2m+1})·e/x_m. The factors e/x_m are
// built in their bit-reversed order directly (foldFactors), so the fold
// reads every table sequentially and runs as vector operations over
// chunks of pairs, spread over the cores.
func (f *Prover) fold(cur []fp.Element, b int, e fp.Element) []fp.Element {
	half := len(cur) / 2
	g := f.dom.Generator(b)
	var gInv fp.Element
	gInv.Inverse(&g)
	fac := foldFactors(e, gInv, half)
	next := make([]fp.Element, half)
	parallel(half, func(lo, hi int) {
		foldPairs(cur[2*lo:2*hi], fac[lo:hi], next[lo:hi])
	})
	return next
}

// foldFactors returns e·gInv^bitrev(m) for m < n (a power of two),
// bitrev over log2(n) bits: bitrev(m + 2^l) = bitrev(m) + n/2^(l+1) for
// m < 2^l, so each doubling of the table is one vector scaling of the
// part already built by gInv^(n/2^(l+1)).
func foldFactors(e, gInv fp.Element, n int) []fp.Element {
	out := make([]fp.Element, n)
	if n == 0 {
		return out
	}
	// squares[j] = gInv^(2^j)
	logN := 0
	for 1<<logN < n {
		logN++
	}
	squares := make([]fp.Element, max(logN, 1))
	squares[0] = gInv
	for j := 1; j < logN; j++ {
		squares[j].Square(&squares[j-1])
	}
	out[0] = e
	for l := 0; l < logN; l++ {
		size := 1 << l
		u := squares[logN-1-l]
		parallel(size, func(lo, hi int) {
			fft.ScalarMul(out[size+lo:size+hi], out[lo:hi], &u)
		})
	}
	return out
}

// parallel runs f over [0, n) in one piece per core, inline when small.
func parallel(n int, f func(lo, hi int)) {
	w := runtime.GOMAXPROCS(0)
	if n < 1<<13 || w < 2 {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	chunk := (n + w - 1) / w
	for lo := 0; lo < n; lo += chunk {
		hi := min(lo+chunk, n)
		wg.Add(1)
		go func() { defer wg.Done(); f(lo, hi) }()
	}
	wg.Wait()
}

// commitLayer commits to a layer as a table of 2^step columns (row r
// holds elements r·2^step .. (r+1)·2^step - 1), copying a block of rows
// at a time rather than the whole layer.
func commitLayer(v []fp.Element, step int, p Params) (*merkle.Table, error) {
	w := 1 << step
	rows := uint64(len(v) / w)
	block := min(rows, 1<<12)
	return merkle.CommitBlocks(rows, w, block, func(b int, out [][]fp.Element) error {
		base := uint64(b) * block * uint64(w)
		for r := range block {
			for c := range w {
				out[c][r] = v[base+r*uint64(w)+uint64(c)]
			}
		}
		return nil
	}, p.Bottom, p.Top, p.NVerifierFriendly)
}

// layerRows reads rows of a layer's table.
func layerRows(v []fp.Element, step int) func(rs []uint64) [][]fp.Element {
	w := uint64(1) << step
	return func(rs []uint64) [][]fp.Element {
		out := make([][]fp.Element, len(rs))
		for i, r := range rs {
			out[i] = slices.Clone(v[r*w : (r+1)*w])
		}
		return out
	}
}

// ChooseQueries grinds the proof of work, draws the query indices (scope
// "QueryIndices", positions in layer StepList[0]) and starts the query
// phase. It returns them sorted.
func (f *Prover) ChooseQueries(ch pchannel.Channel) ([]uint64, error) {
	if err := ch.ProofOfWork(f.p.ProofOfWorkBits); err != nil {
		return nil, err
	}
	ch.Enter("QueryIndices")
	bound := uint64(1) << uint(f.logSize-f.p.StepList[0])
	q := make([]uint64, f.p.NQueries)
	for i := range q {
		n, err := ch.RandomNumber(bound, strconv.Itoa(i))
		if err != nil {
			ch.Exit()
			return nil, err
		}
		q[i] = n
	}
	ch.Exit()
	slices.Sort(q)
	f.queries = q
	ch.BeginQueryPhase()
	return slices.Clone(q), nil
}

// FirstLayerQueries are the first-layer positions the STARK must
// decommit: the whole coset of 2^StepList[0] elements of each query.
func (f *Prover) FirstLayerQueries() []uint64 {
	c := uint64(1) << uint(f.p.StepList[0])
	out := make([]uint64, 0, uint64(len(f.queries))*c)
	for _, q := range f.queries {
		for i := q * c; i < (q+1)*c; i++ {
			out = append(out, i)
		}
	}
	return out
}

// Decommit runs the decommitment phase (scope "Decommitment"):
// firstLayer is called in scope "Layer 0" with FirstLayerQueries to send
// the first layer's decommitment; each inner layer then sends the rows of
// the queried cosets, without the cells the verifier folds itself.
func (f *Prover) Decommit(ch pchannel.Channel, firstLayer func(queries []uint64) error) error {
	ch.Enter("Decommitment")
	defer ch.Exit()
	ch.Enter("Layer 0")
	err := firstLayer(f.FirstLayerQueries())
	ch.Exit()
	if err != nil {
		return err
	}
	step0 := f.p.StepList[0]
	for i, l := range f.layers {
		ch.Enter("Layer " + strconv.Itoa(i+1))
		shift := uint(l.basis - step0)
		mask := uint64(1)<<uint(l.step) - 1
		skip := map[merkle.Cell]bool{}
		var rows []uint64
		for _, q := range f.queries {
			pos := q >> shift
			skip[merkle.Cell{Row: pos >> uint(l.step), Col: int(pos & mask)}] = true
			rows = append(rows, pos>>uint(l.step))
		}
		err := l.table.Decommit(ch, layerRows(l.values, l.step), rows, skip)
		ch.Exit()
		if err != nil {
			return err
		}
	}
	ch.Enter("Last Layer")
	ch.Exit()
	return nil
}
