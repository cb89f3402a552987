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
// first OODS values of Stone's proof, in GetMask order).
func (s *Session) MaskValues(z fp.Element, mask []air.MaskItem) ([]fp.Element, error) {
	g := fft.Generator(s.Main.LDE.LogN)
	out := make([]fp.Element, len(mask))
	for k, m := range mask {
		c, err := s.columnCoeffs(m.Column)
		if err != nil {
			return nil, err
		}
		var x fp.Element
		x.Exp(g, big.NewInt(int64(m.RowOffset)))
		x.Mul(&x, &z)
		out[k] = horner(c, &x)
	}
	return out, nil
}

func horner(c []fp.Element, x *fp.Element) fp.Element {
	var acc fp.Element
	for i := len(c) - 1; i >= 0; i-- {
		acc.Mul(&acc, x)
		acc.Add(&acc, &c[i])
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
