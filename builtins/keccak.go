package builtins

import (
	"encoding/binary"
	"fmt"

	"github.com/cairn-vm/cairn/crypto/keccak"
	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/vm/memory"
)

// keccakStateBits is state_rep of the keccak builtin in every layout of
// cairo-lang 0.14.0.1: the 1600-bit state as 8 felts of 200 bits.
const keccakStateBits = 200

// Keccak is the keccak builtin: instances of sixteen cells, a Keccak-f[1600]
// state as eight 200-bit little-endian felts and the permuted state
// (deduced).
type Keccak struct{ deducing }

// NewKeccak returns the keccak builtin.
func NewKeccak(included bool, lb LayoutBuiltin) *Keccak {
	k := &Keccak{}
	k.deducing = newDeducing("keccak", included, lb, k.compute)
	return k
}

func (k *Keccak) compute(inst memory.Ptr, in []memory.Value) ([]memory.Value, error) {
	const n = keccakStateBits / 8
	var buf [8 * n]byte
	for i, v := range in {
		addr := inst.AddUint(uint64(i))
		f, ok := v.Felt()
		if !ok {
			return nil, fmt.Errorf("Keccak builtin: Expected integer at address %v. Got: %v.", addr, v)
		}
		if f.BitLen() > keccakStateBits {
			return nil, fmt.Errorf("Keccak builtin: Expected integer at address %v to be smaller than 2^%d. Got: %v.", addr, keccakStateBits, f)
		}
		le := f.BytesLE()
		copy(buf[n*i:], le[:n])
	}
	var lanes [25]uint64
	for j := range lanes {
		lanes[j] = binary.LittleEndian.Uint64(buf[8*j:])
	}
	keccak.KeccakF1600(&lanes)
	for j, l := range lanes {
		binary.LittleEndian.PutUint64(buf[8*j:], l)
	}
	out := make([]memory.Value, len(in))
	for i := range out {
		var le [felt.Bytes]byte
		copy(le[:], buf[n*i:n*(i+1)])
		f, err := felt.FromBytesLE(le)
		if err != nil {
			panic("builtins: a 200-bit value is not below p")
		}
		out[i] = memory.FromFelt(f)
	}
	return out, nil
}

// UsedDilutedCheckUnits is KeccakInstanceDef.get_diluted_units_per_builtin.
func (k *Keccak) UsedDilutedCheckUnits(_, nBits int) uint64 { return KeccakDilutedUnits(nBits) }

// RelocatedPrivateInput lists the instances' inputs as {index,
// input_s0..input_s7}.
func (k *Keccak) RelocatedPrivateInput(m *memory.Memory, _ *memory.Relocation) (any, bool, error) {
	names := make([]string, k.nInputCells)
	for i := range names {
		names[i] = fmt.Sprintf("input_s%d", i)
	}
	v, err := instancePrivateInput(m, &k.base, names, missingNumbered("keccak"))
	return v, err == nil, err
}
