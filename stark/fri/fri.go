package fri

import (
	"errors"
	"fmt"
	"sort"
	"strconv"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/stark/commitment"
)

var (
	// ErrParams is returned for FRI parameters Stone would refuse.
	ErrParams = errors.New("bad FRI parameters")
	// ErrLastLayer is returned when a query disagrees with the last layer.
	ErrLastLayer = errors.New("FRI query is not consistent with the coefficients of the last layer")
	// ErrLayerDecommitment is returned when an inner layer's decommitment fails.
	ErrLayerDecommitment = errors.New("FRI layer failed decommitment")
	// ErrFirstLayer is returned when the first-layer callback misbehaves.
	ErrFirstLayer = errors.New("bad first FRI layer")
)

// Channel is what FRI reads from and draws from.
type Channel interface {
	commitment.Channel
	Enter(scope string)
	Exit()
	RandomFelt(label string) (fp.Element, error)
	RandomNumber(bound uint64, label string) (uint64, error)
	ReceiveFelts(n int, label string) ([]fp.Element, error)
	ProofOfWork(bits int) error
	BeginQueryPhase()
	AnnotateExtraFelt(label string, e *fp.Element)
}

// Params are the FRI parameters of a proof.
type Params struct {
	// StepList is fri_step_list.
	StepList []int
	// LastLayerDegreeBound is last_layer_degree_bound.
	LastLayerDegreeBound uint64
	// NQueries is n_queries.
	NQueries int
	// ProofOfWorkBits is proof_of_work_bits.
	ProofOfWorkBits int
	// LogDomainSize is log2 of the evaluation domain (trace length times
	// the number of cosets).
	LogDomainSize int
	// NewTable makes the commitment of a layer (rows × columns), with the
	// proof's commitment hashes.
	NewTable func(nRows uint64, nColumns int) (*commitment.Table, error)
}

// Check validates p as Stone's FriVerifier and StarkParameters do, given
// the degree bound the STARK expects (the trace length).
func (p *Params) Check(degreeBound uint64) error {
	if len(p.StepList) == 0 {
		return fmt.Errorf("%w: empty fri_step_list", ErrParams)
	}
	sum := 0
	for i, s := range p.StepList {
		if s < 0 || (i > 0 && s == 0) || s > 20 {
			return fmt.Errorf("%w: fri_step_list[%d] = %d", ErrParams, i, s)
		}
		sum += s
	}
	if p.LastLayerDegreeBound == 0 || p.LastLayerDegreeBound&(p.LastLayerDegreeBound-1) != 0 {
		return fmt.Errorf("%w: last_layer_degree_bound %d is not a power of 2", ErrParams, p.LastLayerDegreeBound)
	}
	if sum >= 64 || p.LastLayerDegreeBound<<uint(sum) != degreeBound || p.LastLayerDegreeBound<<uint(sum)>>uint(sum) != p.LastLayerDegreeBound {
		return fmt.Errorf("%w: last_layer_degree_bound·2^Σsteps = %d·2^%d, STARK degree bound %d", ErrParams, p.LastLayerDegreeBound, sum, degreeBound)
	}
	if sum > p.LogDomainSize || p.LogDomainSize > 60 {
		return fmt.Errorf("%w: Σ fri_step_list %d above log domain size %d", ErrParams, sum, p.LogDomainSize)
	}
	if p.LastLayerDegreeBound > uint64(1)<<uint(p.LogDomainSize-sum) {
		return fmt.Errorf("%w: last layer degree bound above last layer size", ErrParams)
	}
	if p.NQueries <= 0 || p.NQueries > 1000 {
		return fmt.Errorf("%w: n_queries %d", ErrParams, p.NQueries)
	}
	if uint64(p.NQueries) > (uint64(1)<<uint(p.LogDomainSize-p.StepList[0]))/2 {
		return fmt.Errorf("%w: more queries than half the domain", ErrParams)
	}
	if p.ProofOfWorkBits < 0 || p.ProofOfWorkBits > 64 {
		return fmt.Errorf("%w: proof_of_work_bits %d", ErrParams, p.ProofOfWorkBits)
	}
	return nil
}

// Verifier runs the verifier side of Stone's FRI (FriVerifier).
type Verifier struct {
	p          Params
	dom        *Domain
	firstEval  *fp.Element
	evalPoints []fp.Element
	tables     []*commitment.Table
	lastCoeffs []fp.Element
	queries    []uint64
	results    []fp.Element
}

// NewVerifier returns a FRI verifier; call Check on p first.
func NewVerifier(p Params) *Verifier {
	return &Verifier{p: p, dom: NewDomain(p.LogDomainSize)}
}

// Domain returns the FRI domain (also the layout of the STARK's
// evaluation domain, up to the coset offset).
func (v *Verifier) Domain() *Domain { return v.dom }

// Commit runs the commitment phase (scope "Commitment"): per layer an
// evaluation point and the commitment of the next layer, then the
// last-layer coefficients.
func (v *Verifier) Commit(ch Channel) error {
	ch.Enter("Commitment")
	defer ch.Exit()
	n := len(v.p.StepList)
	basis := 0
	for i := 0; i < n; i++ {
		ch.Enter("Layer " + strconv.Itoa(i+1))
		basis += v.p.StepList[i]
		if i == 0 {
			if v.p.StepList[0] != 0 {
				e, err := ch.RandomFelt("Evaluation point")
				if err != nil {
					ch.Exit()
					return err
				}
				v.firstEval = &e
			}
		} else {
			e, err := ch.RandomFelt("Evaluation point")
			if err != nil {
				ch.Exit()
				return err
			}
			v.evalPoints = append(v.evalPoints, e)
		}
		if i < n-1 {
			coset := v.p.StepList[i+1]
			rows := uint64(1) << uint(v.p.LogDomainSize-basis-coset)
			t, err := v.p.NewTable(rows, 1<<uint(coset))
			if err != nil {
				ch.Exit()
				return err
			}
			if err := t.ReadCommitment(ch); err != nil {
				ch.Exit()
				return err
			}
			v.tables = append(v.tables, t)
		}
		ch.Exit()
	}
	ch.Enter("Last Layer")
	defer ch.Exit()
	c, err := ch.ReceiveFelts(int(v.p.LastLayerDegreeBound), "Coefficients")
	if err != nil {
		return err
	}
	v.lastCoeffs = c
	return nil
}

// ChooseQueries checks the proof of work, draws the query indices (scope
// "QueryIndices"), sorts them and starts the query phase. Indices are
// positions in layer StepList[0] of the domain.
func (v *Verifier) ChooseQueries(ch Channel) ([]uint64, error) {
	if err := ch.ProofOfWork(v.p.ProofOfWorkBits); err != nil {
		return nil, err
	}
	ch.Enter("QueryIndices")
	bound := uint64(1) << uint(v.p.LogDomainSize-v.p.StepList[0])
	q := make([]uint64, v.p.NQueries)
	for i := range q {
		n, err := ch.RandomNumber(bound, strconv.Itoa(i))
		if err != nil {
			ch.Exit()
			return nil, err
		}
		q[i] = n
	}
	ch.Exit()
	sort.Slice(q, func(i, j int) bool { return q[i] < q[j] })
	v.queries = q
	ch.BeginQueryPhase()
	return append([]uint64(nil), q...), nil
}

// FirstLayerQueries returns the positions in the first layer (layer 0 of
// the domain) that the first-layer oracle must answer: for each query, its
// whole coset of 2^StepList[0] elements.
func (v *Verifier) FirstLayerQueries() []uint64 {
	c := uint64(1) << uint(v.p.StepList[0])
	out := make([]uint64, 0, uint64(len(v.queries))*c)
	for _, q := range v.queries {
		for i := q * c; i < (q+1)*c; i++ {
			out = append(out, i)
		}
	}
	return out
}

// Decommit runs the decommitment phase (scope "Decommitment"). firstLayer
// is called once, inside scope "Layer 0", with FirstLayerQueries; it must
// return the first layer's values there (for a STARK, the DEEP
// composition computed from the trace decommitments).
func (v *Verifier) Decommit(ch Channel, firstLayer func(queries []uint64) ([]fp.Element, error)) error {
	ch.Enter("Decommitment")
	defer ch.Exit()
	if err := v.firstLayer(ch, firstLayer); err != nil {
		return err
	}
	if err := v.innerLayers(ch); err != nil {
		return err
	}
	return v.lastLayer(ch)
}

func (v *Verifier) firstLayer(ch Channel, oracle func([]uint64) ([]fp.Element, error)) error {
	ch.Enter("Layer 0")
	defer ch.Exit()
	qs := v.FirstLayerQueries()
	vals, err := oracle(qs)
	if err != nil {
		return err
	}
	if len(vals) != len(qs) {
		return fmt.Errorf("%w: %d values for %d queries", ErrFirstLayer, len(vals), len(qs))
	}
	c := 1 << uint(v.p.StepList[0])
	v.results = make([]fp.Element, 0, len(v.queries))
	for i := 0; i < len(qs); i += c {
		v.results = append(v.results, v.applyLayers(vals[i:i+c], v.firstEval, 0, qs[i]))
	}
	return nil
}

// applyLayers folds a coset of 2^StepList[layer] elements of layer
// layerNum, whose first element sits at index first, into one element of
// the next layer (Stone's ApplyFriLayers): each round pairs f(x), f(-x)
// into f(x) + f(-x) + e·(f(x) − f(−x))/x and squares e.
func (v *Verifier) applyLayers(elems []fp.Element, eval *fp.Element, layerNum int, first uint64) fp.Element {
	cum := 0
	for i := 0; i < layerNum; i++ {
		cum += v.p.StepList[i]
	}
	cur := append([]fp.Element(nil), elems...)
	var e fp.Element
	if eval != nil {
		e = *eval
	}
	for b := cum; b < cum+v.p.StepList[layerNum]; b++ {
		next := make([]fp.Element, len(cur)/2)
		for j := 0; j < len(cur); j += 2 {
			x := v.dom.At(b, first+uint64(j))
			var xInv, diff, t fp.Element
			xInv.Inverse(&x)
			diff.Sub(&cur[j], &cur[j+1])
			t.Mul(&e, &diff)
			t.Mul(&t, &xInv)
			next[j/2].Add(&cur[j], &cur[j+1])
			next[j/2].Add(&next[j/2], &t)
		}
		cur = next
		e.Square(&e)
		first /= 2
	}
	return cur[0]
}

func (v *Verifier) innerLayers(ch Channel) error {
	step0 := v.p.StepList[0]
	basis := 0
	for i := 0; i < len(v.p.StepList)-1; i++ {
		if err := v.innerLayer(ch, i, &basis, step0); err != nil {
			return err
		}
	}
	return nil
}

func (v *Verifier) innerLayer(ch Channel, i int, basis *int, step0 int) error {
	ch.Enter("Layer " + strconv.Itoa(i+1))
	defer ch.Exit()
	cur := v.p.StepList[i+1]
	*basis += v.p.StepList[i]
	shift := uint(*basis - step0)
	mask := uint64(1)<<uint(cur) - 1
	integrity := map[commitment.RowCol]bool{}
	var integ []commitment.RowCol
	for _, q := range v.queries {
		pos := q >> shift
		rc := commitment.RowCol{Row: pos >> uint(cur), Col: int(pos & mask)}
		if !integrity[rc] {
			integrity[rc] = true
			integ = append(integ, rc)
		}
	}
	var data []commitment.RowCol
	seen := map[commitment.RowCol]bool{}
	for _, q := range v.queries {
		row := (q >> shift) >> uint(cur)
		for c := 0; c <= int(mask); c++ {
			rc := commitment.RowCol{Row: row, Col: c}
			if !integrity[rc] && !seen[rc] {
				seen[rc] = true
				data = append(data, rc)
			}
		}
	}
	t := v.tables[i]
	cells, err := t.Query(ch, data, integ)
	if err != nil {
		return err
	}
	prev := ^uint64(0)
	for j, q := range v.queries {
		pos := q >> shift
		rc := commitment.RowCol{Row: pos >> uint(cur), Col: int(pos & mask)}
		if _, ok := cells[rc]; !ok {
			cells[rc] = v.results[j]
		}
		if pos == prev || !ch.Annotating() {
			continue
		}
		prev = pos
		ch.AnnotateExtraFelt(rc.Label(), &v.results[j])
		x := v.dom.At(*basis, pos)
		x.Inverse(&x)
		ch.AnnotateExtraFelt("xInv for index "+strconv.FormatUint(pos, 10), &x)
	}
	eval := v.evalPoints[i]
	for j, q := range v.queries {
		row := (q >> shift) >> uint(cur)
		coset := make([]fp.Element, mask+1)
		for c := range coset {
			coset[c] = cells[commitment.RowCol{Row: row, Col: c}]
		}
		v.results[j] = v.applyLayers(coset, &eval, i+1, row<<uint(cur))
	}
	if err := t.Verify(ch, cells); err != nil {
		if errors.Is(err, commitment.ErrDecommitment) {
			return fmt.Errorf("%w: layer %d", ErrLayerDecommitment, i)
		}
		return err
	}
	return nil
}

// EvalLastLayer evaluates the last-layer polynomial Σ c_i·x^i at x.
func EvalLastLayer(coeffs []fp.Element, x *fp.Element) fp.Element {
	var acc fp.Element
	for i := len(coeffs) - 1; i >= 0; i-- {
		acc.Mul(&acc, x)
		acc.Add(&acc, &coeffs[i])
	}
	return acc
}

func (v *Verifier) lastLayer(ch Channel) error {
	ch.Enter("Last Layer")
	defer ch.Exit()
	sum := 0
	for _, s := range v.p.StepList {
		sum += s
	}
	shift := uint(sum - v.p.StepList[0])
	prev := ^uint64(0)
	for j, q := range v.queries {
		pos := q >> shift
		x := v.dom.At(sum, pos)
		want := EvalLastLayer(v.lastCoeffs, &x)
		if want != v.results[j] {
			return fmt.Errorf("%w: query #%d", ErrLastLayer, j)
		}
		if pos == prev || !ch.Annotating() {
			continue
		}
		prev = pos
		ch.AnnotateExtraFelt("Row "+strconv.FormatUint(pos, 10)+", Column 0", &v.results[j])
		x.Inverse(&x)
		ch.AnnotateExtraFelt("xInv for index "+strconv.FormatUint(pos, 10), &x)
	}
	return nil
}
