package vm

import (
	"testing"

	"github.com/cairn-vm/cairn/felt"
)

// FuzzDecode feeds arbitrary words to the decoder: it must return an
// instruction or a DecodeError, never panic, and a decoded instruction must
// be internally consistent.
func FuzzDecode(f *testing.F) {
	for _, w := range []uint64{0x400380007ffc7ffd, 0x482680017ffc8000, 0x208b7fff7fff7ffe, 0x1104800180018000, 0, 1 << 63, ^uint64(0)} {
		f.Add(w, uint64(1), true)
	}
	f.Fuzz(func(t *testing.T, w, imm uint64, hasImm bool) {
		ins, err := Decode(felt.FromUint64(w), felt.FromUint64(imm), hasImm)
		if err != nil {
			if _, ok := err.(*DecodeError); !ok {
				t.Fatalf("error of type %T", err)
			}
			return
		}
		if w>>63 != 0 {
			t.Fatalf("decoded a word with bit 63 set: %#x", w)
		}
		if (ins.Op1 == Op1Imm) != (ins.Size == 2) {
			t.Fatalf("size %d with op1 %d", ins.Size, ins.Op1)
		}
		if (ins.Opcode == OpCall) != (ins.Ap == ApAdd2) {
			t.Fatalf("call/ap mismatch: %+v", ins)
		}
		if (ins.Pc == PcJnz) != (ins.Res == ResUnconstrained) {
			t.Fatalf("jnz/res mismatch: %+v", ins)
		}
	})
}
