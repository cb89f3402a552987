package builtins

import (
	"encoding/binary"
	"fmt"

	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/vm/memory"
)

// Bitwise is the bitwise builtin: instances of five cells x, y, x&y, x^y,
// x|y, where x and y are integers below 2^251 (total_n_bits of every
// layout of cairo-lang 0.14.0.1) and the three results are deduced.
type Bitwise struct{ deducing }

// NewBitwise returns the bitwise builtin.
func NewBitwise(included bool, lb LayoutBuiltin) *Bitwise {
	b := &Bitwise{}
	b.deducing = newDeducing("bitwise", included, lb, b.compute)
	return b
}

func (b *Bitwise) compute(inst memory.Ptr, in []memory.Value) ([]memory.Value, error) {
	var w [2][4]uint64
	for i := 0; i < 2; i++ {
		addr := inst.AddUint(uint64(i))
		f, ok := in[i].Felt()
		if !ok {
			return nil, notInteger("bitwise builtin", addr, in[i])
		}
		if f.BitLen() > bitwiseTotalNBits {
			return nil, fmt.Errorf("bitwise builtin: Expected integer at address %v to be smaller than 2^%d. Got: %v.", addr, bitwiseTotalNBits, f)
		}
		w[i] = f.Bits()
	}
	var and, xor, or [4]uint64
	for k := 0; k < 4; k++ {
		and[k] = w[0][k] & w[1][k]
		xor[k] = w[0][k] ^ w[1][k]
		or[k] = w[0][k] | w[1][k]
	}
	return []memory.Value{wordsValue(and), wordsValue(xor), wordsValue(or)}, nil
}

// wordsValue is the felt of a canonical value below p given as four
// little-endian words.
func wordsValue(w [4]uint64) memory.Value {
	var b [felt.Bytes]byte
	for k := 0; k < 4; k++ {
		binary.BigEndian.PutUint64(b[24-8*k:], w[k])
	}
	f, err := felt.FromBytesBE(b)
	if err != nil {
		panic("builtins: value not below p")
	}
	return memory.FromFelt(f)
}

// UsedDilutedCheckUnits is BitwiseInstanceDef.get_diluted_units_per_builtin.
func (b *Bitwise) UsedDilutedCheckUnits(spacing, nBits int) uint64 {
	return BitwiseDilutedUnits(spacing, nBits, bitwiseTotalNBits)
}

// RelocatedPrivateInput lists the instances' inputs as {index, x, y}.
func (b *Bitwise) RelocatedPrivateInput(m *memory.Memory, _ *memory.Relocation) (any, bool, error) {
	v, err := instancePrivateInput(m, &b.base, []string{"x", "y"}, func(idx uint64, j int) string {
		return fmt.Sprintf("Missing %s input of bitwise instance %d.", [2]string{"first", "second"}[j], idx)
	})
	return v, err == nil, err
}
