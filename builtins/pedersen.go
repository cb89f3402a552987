package builtins

import (
	"fmt"

	"github.com/cairn-vm/cairn/crypto/pedersen"
	"github.com/cairn-vm/cairn/vm/memory"
)

// Pedersen is the pedersen builtin: instances of three cells x, y and the
// deduced Pedersen hash H(x, y).
type Pedersen struct{ deducing }

// NewPedersen returns the pedersen builtin.
func NewPedersen(included bool, lb LayoutBuiltin) *Pedersen {
	p := &Pedersen{}
	p.deducing = newDeducing("pedersen", included, lb, p.compute)
	return p
}

func (p *Pedersen) compute(inst memory.Ptr, in []memory.Value) ([]memory.Value, error) {
	x, ok := in[0].Felt()
	if !ok {
		return nil, notInteger("pedersen builtin", inst, in[0])
	}
	y, ok := in[1].Felt()
	if !ok {
		return nil, notInteger("pedersen builtin", inst.AddUint(1), in[1])
	}
	return []memory.Value{memory.FromFelt(pedersen.Hash(x, y))}, nil
}

// RelocatedPrivateInput lists the instances' inputs as {index, x, y}.
func (p *Pedersen) RelocatedPrivateInput(m *memory.Memory, _ *memory.Relocation) (any, bool, error) {
	v, err := instancePrivateInput(m, &p.base, []string{"x", "y"}, func(idx uint64, j int) string {
		return fmt.Sprintf("Missing %s input of pedersen instance %d.", [2]string{"first", "second"}[j], idx)
	})
	return v, err == nil, err
}
