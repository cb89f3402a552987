package prover

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/prover/fft"
	"github.com/cairn-vm/cairn/stark/air"
)

// columnCoeffs returns the coefficients of trace column c, numbering the
// interaction columns after the main ones (the mask's numbering).
func (s *Session) columnCoeffs(c int) ([]fp.Element, error) {
	main := len(s.Main.LDE.Coeffs)
	switch {
	case c >= 0 && c < main:
		return s.Main.LDE.Coeffs[c], nil
	case s.Interaction != nil && c >= main && c-main < len(s.Interaction.LDE.Coeffs):
		return s.Interaction.LDE.Coeffs[c-main], nil
	}
	return nil, fmt.Errorf("%w: mask column %d", ErrParams, c)
}

// MaskValues evaluates the trace at the mask around z: item k is column
// mask[k].Column at z·g^RowOffset, g the trace domain's generator (the
// first OODS values of Stone's proof, in GetMask order). The items are
// spread over the cores.
func (s *Session) MaskValues(z fp.Element, mask []air.MaskItem) ([]fp.Element, error) {
	g := fft.Generator(s.Main.LDE.LogN)
	cs := make([][]fp.Element, len(mask))
	xs := make([]fp.Element, len(mask))
	for k, m := range mask {
		c, err := s.columnCoeffs(m.Column)
		if err != nil {
			return nil, err
		}
		cs[k] = c
		xs[k].Exp(g, big.NewInt(int64(m.RowOffset)))
		xs[k].Mul(&xs[k], &z)
	}
	return evalPolys(cs, xs), nil
}

// evalPolys returns cs[k] evaluated at xs[k] for every k, the
// evaluations spread over the cores.
func evalPolys(cs [][]fp.Element, xs []fp.Element) []fp.Element {
	out := make([]fp.Element, len(cs))
	parallelChunks(len(cs), 1, func(_, lo, _ int) {
		out[lo] = evalPoly(cs[lo], &xs[lo])
	})
	return out
}

// evalBlock is the number of coefficients per inner product in evalPoly.
const evalBlock = 256

// evalPoly is Σ c_i x^i. Horner's rule is one dependent scalar
// multiplication per coefficient; instead each block of evalBlock
// coefficients is an inner product with x^0..x^(evalBlock-1)
// (gnark-crypto's, AVX-512), and the blocks are combined by Horner's rule
// in x^evalBlock.
func evalPoly(c []fp.Element, x *fp.Element) fp.Element {
	if len(c) < 2*evalBlock {
		return horner(c, x)
	}
	pw := make(fp.Vector, evalBlock)
	pw[0].SetOne()
	for i := 1; i < evalBlock; i++ {
		pw[i].Mul(&pw[i-1], x)
	}
	var xB fp.Element
	xB.Mul(&pw[evalBlock-1], x)
	nb := len(c) / evalBlock
	// the tail above the last whole block, by Horner's rule
	acc := horner(c[nb*evalBlock:], x)
	for b := nb - 1; b >= 0; b-- {
		acc.Mul(&acc, &xB)
		v := pw.InnerProduct(fp.Vector(c[b*evalBlock : (b+1)*evalBlock]))
		acc.Add(&acc, &v)
	}
	return acc
}

// DecommitTraces sends, for the FRI first-layer queries (rows of the
// evaluation domain), the main, interaction and (once committed)
// composition trace rows with their authentication paths (scopes
// "Virtual Oracle/Trace 0", "Trace 1", "Trace 2"), as Stone's first-layer
// virtual oracle does.
func (s *Session) DecommitTraces(rows []uint64) error {
	s.Channel.Enter("Virtual Oracle")
	defer s.Channel.Exit()
	traces := []*CommittedTrace{s.Main, s.Interaction}
	if s.Composition != nil {
		traces = append(traces, s.Composition)
	}
	for k, ct := range traces {
		s.Channel.Enter(fmt.Sprintf("Trace %d", k))
		err := ct.Table.Decommit(s.Channel, ct.LDE.Rows, rows, nil)
		s.Channel.Exit()
		if err != nil {
			return err
		}
	}
	return nil
}

func horner(c []fp.Element, x *fp.Element) fp.Element {
	var acc fp.Element
	for i := len(c) - 1; i >= 0; i-- {
		acc.Mul(&acc, x)
		acc.Add(&acc, &c[i])
	}
	return acc
}
