package prover

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/prover/fft"
	"github.com/cairn-vm/cairn/stark/air"
	vfri "github.com/cairn-vm/cairn/stark/fri"
)

// blockComposition evaluates fastComposition's program column-wise over a
// block of consecutive coset rows: one fp.Vector operation per node and
// block instead of one interpreter step per node and point, so the
// per-node dispatch is paid once per block and the field arithmetic runs
// through gnark-crypto's AVX-512 vector kernels. Nodes that do not depend
// on the point (constants, coefficients, public values, shifts,
// conditions and arithmetic over them) are folded to scalars once per
// proof; only the nodes the fractions need are computed, each in a
// buffer slot reused once its last reader has run, so memory is
// O(live nodes × block). Fractions sharing a denominator are summed
// before the one batch inversion per block: Σ n_i/d = (Σ n_i)/d exactly.
type blockComposition struct {
	f      *fastComposition
	nodes  []air.Node
	vector []bool       // node depends on the point
	scal   []fp.Element // value of each scalar node
	slot   []int32      // buffer of each computed vector node, -1 if unused
	nSlots int
	groups []denGroup
	mask   []air.MaskItem
}

type denGroup struct {
	den  uint32
	nums []uint32
}

// blockScratch is one worker's buffers.
type blockScratch struct {
	slots  []fp.Vector
	bcastA fp.Vector
	bcastB fp.Vector
	nums   fp.Vector // len(groups) × block
	dens   fp.Vector
	tmp    fp.Vector
}

// newBlockComposition compiles f's program; an error means the table is
// malformed (an operand reading a later node or a missing slot).
func newBlockComposition(f *fastComposition, mask []air.MaskItem) (*blockComposition, error) {
	p := f.prog
	nn := len(p.Nodes)
	b := &blockComposition{f: f, nodes: p.Nodes, vector: make([]bool, nn), scal: make([]fp.Element, nn),
		slot: make([]int32, nn), mask: mask}
	consts := make([]fp.Element, len(p.Consts))
	for i, s := range p.Consts {
		v, ok := new(big.Int).SetString(s, 0)
		if !ok || v.Sign() < 0 || v.Cmp(fp.Modulus()) >= 0 {
			return nil, fmt.Errorf("%w: constant %d %q", air.ErrEval, i, s)
		}
		consts[i].SetBigInt(v)
	}
	leaf := func(i int, src []fp.Element, idx uint32, what string) error {
		if int(idx) >= len(src) {
			return fmt.Errorf("%w: node %d reads %s %d of %d", air.ErrEval, i, what, idx, len(src))
		}
		b.scal[i] = src[idx]
		return nil
	}
	for i, n := range p.Nodes {
		var err error
		switch n.Op {
		case air.OpConst:
			err = leaf(i, consts, n.A, "constant")
		case air.OpCoef:
			err = leaf(i, f.coefs, n.A, "coefficient")
		case air.OpInput:
			err = leaf(i, f.inputs, n.A, "input")
		case air.OpShift:
			err = leaf(i, f.shifts, n.A, "shift")
		case air.OpCond:
			if int(n.A) >= len(f.conds) {
				return nil, fmt.Errorf("%w: node %d reads condition %d of %d", air.ErrEval, i, n.A, len(f.conds))
			}
			if f.conds[n.A] {
				b.scal[i].SetOne()
			}
		case air.OpNeighbor:
			if int(n.A) >= len(mask) {
				return nil, fmt.Errorf("%w: node %d reads mask %d of %d", air.ErrEval, i, n.A, len(mask))
			}
			b.vector[i] = true
		case air.OpPeriodic:
			if int(n.A) >= f.nPer {
				return nil, fmt.Errorf("%w: node %d reads periodic column %d of %d", air.ErrEval, i, n.A, f.nPer)
			}
			b.vector[i] = true
		case air.OpPointPower:
			if int(n.A) > len(f.exps) {
				return nil, fmt.Errorf("%w: node %d reads point power %d of %d", air.ErrEval, i, n.A, len(f.exps)+1)
			}
			b.vector[i] = true
		case air.OpAdd, air.OpSub, air.OpMul, air.OpNeg:
			if n.A >= uint32(i) || (n.Op != air.OpNeg && n.B >= uint32(i)) {
				return nil, fmt.Errorf("%w: node %d reads a later node", air.ErrEval, i)
			}
			bv := n.Op != air.OpNeg && b.vector[n.B]
			b.vector[i] = b.vector[n.A] || bv
			if b.vector[i] {
				break
			}
			x, y := &b.scal[n.A], &b.scal[n.B]
			switch n.Op {
			case air.OpAdd:
				b.scal[i].Add(x, y)
			case air.OpSub:
				b.scal[i].Sub(x, y)
			case air.OpMul:
				b.scal[i].Mul(x, y)
			case air.OpNeg:
				b.scal[i].Neg(x)
			}
		default:
			return nil, fmt.Errorf("%w: node %d has op %d", air.ErrEval, i, n.Op)
		}
		if err != nil {
			return nil, err
		}
	}
	// Liveness: which vector nodes the fractions need, and the last
	// node reading each (nn for the fractions, which read at the end).
	need := make([]bool, nn)
	last := make([]int, nn)
	byDen := map[uint32]int{}
	for i, fr := range p.Fractions {
		if int(fr.Num) >= nn || int(fr.Den) >= nn {
			return nil, fmt.Errorf("%w: fraction %d out of range", air.ErrEval, i)
		}
		if fr.Cond != 0 {
			if int(fr.Cond) > len(f.conds) {
				return nil, fmt.Errorf("%w: fraction %d reads condition %d of %d", air.ErrEval, i, fr.Cond-1, len(f.conds))
			}
			if !f.conds[fr.Cond-1] {
				continue
			}
		}
		g, ok := byDen[fr.Den]
		if !ok {
			g = len(b.groups)
			byDen[fr.Den] = g
			b.groups = append(b.groups, denGroup{den: fr.Den})
		}
		b.groups[g].nums = append(b.groups[g].nums, fr.Num)
		need[fr.Num], need[fr.Den] = true, true
		last[fr.Num], last[fr.Den] = nn, nn
	}
	for i := nn - 1; i >= 0; i-- {
		n := p.Nodes[i]
		if !need[i] || !b.vector[i] {
			continue
		}
		switch n.Op {
		case air.OpAdd, air.OpSub, air.OpMul, air.OpNeg:
			ops := []uint32{n.A}
			if n.Op != air.OpNeg {
				ops = append(ops, n.B)
			}
			for _, o := range ops {
				need[o] = true
				last[o] = max(last[o], i)
			}
		}
	}
	var pool []int32
	for i := range nn {
		b.slot[i] = -1
		if !need[i] || !b.vector[i] {
			continue
		}
		if k := len(pool); k > 0 {
			b.slot[i], pool = pool[k-1], pool[:k-1]
		} else {
			b.slot[i] = int32(b.nSlots)
			b.nSlots++
		}
		// Operands whose last reader is i are released after i runs.
		n := p.Nodes[i]
		switch n.Op {
		case air.OpAdd, air.OpSub, air.OpMul, air.OpNeg:
			ops := []uint32{n.A}
			if n.Op != air.OpNeg && n.B != n.A {
				ops = append(ops, n.B)
			}
			for _, o := range ops {
				if b.vector[o] && last[o] == i {
					pool = append(pool, b.slot[o])
				}
			}
		}
	}
	return b, nil
}

func (b *blockComposition) newScratch(size int) *blockScratch {
	s := &blockScratch{slots: make([]fp.Vector, b.nSlots)}
	for i := range s.slots {
		s.slots[i] = make(fp.Vector, size)
	}
	s.bcastA, s.bcastB = make(fp.Vector, size), make(fp.Vector, size)
	s.nums = make(fp.Vector, len(b.groups)*size)
	s.dens = make(fp.Vector, len(b.groups)*size)
	s.tmp = make(fp.Vector, size)
	return s
}

// cosetBlock is what eval needs of the coset being evaluated.
type cosetBlock struct {
	cols   [][]fp.Element // every trace column on the coset, bit-reversed
	logN   int
	offPow []fp.Element // off^1, then off^exps[i]
	genPow []fp.Element // g^1, then g^exps[i] (g the trace generator)
	// per[i] is periodic column i on rows 0 … period-1 of the coset.
	per [][]fp.Element
}

// newCoset prepares coset off·<g>; periodic (nil when the layout has no
// periodic columns) evaluates them at a point, and period is the row count
// after which they repeat.
func (b *blockComposition) newCoset(cols [][]fp.Element, logN int, off, g fp.Element,
	periodic func(fp.Element) ([]fp.Element, error), period uint64) (*cosetBlock, error) {
	c := &cosetBlock{cols: cols, logN: logN}
	if b.f.nPer > 0 {
		if period == 0 || period&(period-1) != 0 || period > uint64(1)<<logN {
			return nil, fmt.Errorf("%w: periodic period %d", air.ErrEval, period)
		}
		c.per = make([][]fp.Element, b.f.nPer)
		for i := range c.per {
			c.per[i] = make([]fp.Element, period)
		}
		x := off
		for j := range period {
			v, err := periodic(x)
			if err != nil {
				return nil, err
			}
			if len(v) != b.f.nPer {
				return nil, fmt.Errorf("%w: %d periodic values, want %d", air.ErrEval, len(v), b.f.nPer)
			}
			for i := range v {
				c.per[i][j] = v[i]
			}
			x.Mul(&x, &g)
		}
	}
	es := append([]uint64{1}, b.f.exps...)
	for _, e := range es {
		var x, y fp.Element
		k := new(big.Int).SetUint64(e)
		x.Exp(off, k)
		y.Exp(g, k)
		c.offPow, c.genPow = append(c.offPow, x), append(c.genPow, y)
	}
	return c, nil
}

// eval writes the composition at rows j0 … j0+len(out)-1 of the coset
// into out (out's length must be the scratch's block size).
func (b *blockComposition) eval(c *cosetBlock, s *blockScratch, j0 uint64, out []fp.Element) error {
	size := len(out)
	n := uint64(1) << c.logN
	vec := func(i uint32, bc fp.Vector) fp.Vector {
		if b.vector[i] {
			return s.slots[b.slot[i]]
		}
		for k := range bc {
			bc[k] = b.scal[i]
		}
		return bc
	}
	for i, nd := range b.nodes {
		if b.slot[i] < 0 {
			continue
		}
		dst := s.slots[b.slot[i]]
		switch nd.Op {
		case air.OpNeighbor:
			m := b.mask[nd.A]
			col := c.cols[m.Column]
			off := uint64(int64(m.RowOffset)%int64(n)+int64(n)) % n
			for k := range dst {
				jj := (j0 + uint64(k) + off) & (n - 1)
				dst[k] = col[vfri.BitReverse(jj, c.logN)]
			}
		case air.OpPeriodic:
			col := c.per[nd.A]
			mod := uint64(len(col)) - 1
			for k := range dst {
				dst[k] = col[(j0+uint64(k))&mod]
			}
		case air.OpPointPower:
			// x_j^e = off^e·(g^e)^j.
			var x fp.Element
			x.Exp(c.genPow[nd.A], new(big.Int).SetUint64(j0))
			x.Mul(&x, &c.offPow[nd.A])
			for k := range dst {
				dst[k] = x
				x.Mul(&x, &c.genPow[nd.A])
			}
		case air.OpNeg:
			a := s.slots[b.slot[nd.A]]
			for k := range dst {
				dst[k].Neg(&a[k])
			}
		case air.OpMul:
			switch {
			case !b.vector[nd.A]:
				fft.ScalarMul(dst, s.slots[b.slot[nd.B]], &b.scal[nd.A])
			case !b.vector[nd.B]:
				fft.ScalarMul(dst, s.slots[b.slot[nd.A]], &b.scal[nd.B])
			default:
				fft.Mul(dst, s.slots[b.slot[nd.A]], s.slots[b.slot[nd.B]])
			}
		case air.OpAdd, air.OpSub:
			x, y := vec(nd.A, s.bcastA), vec(nd.B, s.bcastB)
			if nd.Op == air.OpAdd {
				dst.Add(x, y)
			} else {
				dst.Sub(x, y)
			}
		}
	}
	for g, gr := range b.groups {
		num := s.nums[g*size : (g+1)*size]
		copy(num, vec(gr.nums[0], s.bcastA))
		for _, k := range gr.nums[1:] {
			num.Add(num, vec(k, s.bcastA))
		}
		den := s.dens[g*size : (g+1)*size]
		copy(den, vec(gr.den, s.bcastB))
		for k := range den {
			if den[k].IsZero() {
				return fmt.Errorf("%w: denominator node %d vanishes at row %d", air.ErrEval, gr.den, j0+uint64(k))
			}
		}
	}
	inv := fp.BatchInvert(s.dens)
	acc := fp.Vector(out)
	for k := range acc {
		acc[k].SetZero()
	}
	for g := range b.groups {
		fft.Mul(s.tmp, s.nums[g*size:(g+1)*size], inv[g*size:(g+1)*size])
		acc.Add(acc, s.tmp)
	}
	return nil
}
