package builtins

import (
	"errors"
	"fmt"

	"github.com/cairn-vm/cairn/crypto/ecdsa"
	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/vm/memory"
)

// EcOp is the ec_op builtin: instances of seven cells P.x, P.y, Q.x, Q.y,
// m, R.x, R.y with R = P + m*Q deduced, computed as the AIR does (affine
// double-and-add over scalar_height bits, failing where the AIR would add
// two points with the same x coordinate).
type EcOp struct{ deducing }

// NewEcOp returns the ec_op builtin.
func NewEcOp(included bool, lb LayoutBuiltin) *EcOp {
	e := &EcOp{}
	e.deducing = newDeducing("ec_op", included, lb, e.compute)
	return e
}

func (e *EcOp) compute(inst memory.Ptr, in []memory.Value) ([]memory.Value, error) {
	var v [5]felt.Felt
	for i := range v {
		f, ok := in[i].Felt()
		if !ok {
			return nil, fmt.Errorf("ec_op builtin: Expected integer at address %v.Got: %v.", inst.AddUint(uint64(i)), in[i])
		}
		v[i] = f
	}
	p, q := ecdsa.Point{X: v[0], Y: v[1]}, ecdsa.Point{X: v[2], Y: v[3]}
	// m is below scalar_limit (the field prime) as every felt is.
	for _, pt := range []ecdsa.Point{p, q} {
		if !ecdsa.IsOnCurve(pt) {
			return nil, fmt.Errorf("ec_op builtin: point (%v, %v) is not on the curve.", pt.X, pt.Y)
		}
	}
	r, err := ecdsa.ECOp(p, q, v[4])
	if err != nil {
		if errors.Is(err, ecdsa.ErrZeroY) {
			// ec_double's bare assert (no point of the curve has y = 0).
			return nil, errors.New("")
		}
		return nil, err
	}
	return []memory.Value{memory.FromFelt(r.X), memory.FromFelt(r.Y)}, nil
}

// RelocatedPrivateInput lists the instances' inputs as {index, p_x, p_y,
// q_x, q_y, m}.
func (e *EcOp) RelocatedPrivateInput(m *memory.Memory, _ *memory.Relocation) (any, bool, error) {
	names := []string{"p_x", "p_y", "q_x", "q_y", "m"}
	v, err := instancePrivateInput(m, &e.base, names, func(idx uint64, j int) string {
		return fmt.Sprintf("Missing input '%s' of ec_op instance %d.", names[j], idx)
	})
	return v, err == nil, err
}
