package builtins

import (
	"github.com/cairn-vm/cairn/crypto/poseidon"
	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/vm/memory"
)

// Poseidon is the poseidon builtin: instances of six cells, a state of
// three felts and the Hades permutation of it (deduced).
type Poseidon struct{ deducing }

// NewPoseidon returns the poseidon builtin.
func NewPoseidon(included bool, lb LayoutBuiltin) *Poseidon {
	p := &Poseidon{}
	p.deducing = newDeducing("poseidon", included, lb, p.compute)
	return p
}

func (p *Poseidon) compute(inst memory.Ptr, in []memory.Value) ([]memory.Value, error) {
	var s [3]felt.Felt
	for i := range s {
		f, ok := in[i].Felt()
		if !ok {
			return nil, notInteger("poseidon builtin", inst.AddUint(uint64(i)), in[i])
		}
		s[i] = f
	}
	poseidon.Permute(&s)
	return []memory.Value{memory.FromFelt(s[0]), memory.FromFelt(s[1]), memory.FromFelt(s[2])}, nil
}

// RelocatedPrivateInput lists the instances' inputs as {index,
// input_s0..input_s2}.
func (p *Poseidon) RelocatedPrivateInput(m *memory.Memory, _ *memory.Relocation) (any, bool, error) {
	v, err := instancePrivateInput(m, &p.base, []string{"input_s0", "input_s1", "input_s2"}, missingNumbered("poseidon"))
	return v, err == nil, err
}
