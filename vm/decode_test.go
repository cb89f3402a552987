package vm

import (
	"errors"
	"testing"

	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/vm/memory"
)

// Words taken from cairo-compile 0.14.0.1's output for known instructions.
func TestDecodeKnown(t *testing.T) {
	cases := []struct {
		word uint64
		want Instruction
	}{
		// [fp - 4] = [[fp - 3] + 0]... as compiled: 0x400380007ffc7ffd is
		// "assert [ap + (-3)]... " — we check the fields the encoding fixes.
		{0x208b7fff7fff7ffe, Instruction{Off0: -2, Off1: -1, Off2: -1, Dst: FP, Op0: FP, Op1: Op1FromFP, Res: ResOp1, Pc: PcJumpAbs, Ap: ApRegular, Opcode: OpRet, Size: 1}},
		{0x1104800180018000, Instruction{Off0: 0, Off1: 1, Off2: 1, Dst: AP, Op0: AP, Op1: Op1Imm, Res: ResOp1, Pc: PcJumpRel, Ap: ApAdd2, Opcode: OpCall, Size: 2, Imm: felt.FromUint64(7), ImmSmall: 7, ImmIsSmall: true, immValue: memory.FromFelt(felt.FromUint64(7))}},
		{0x480680017fff8000, Instruction{Off0: 0, Off1: -1, Off2: 1, Dst: AP, Op0: FP, Op1: Op1Imm, Res: ResOp1, Pc: PcRegular, Ap: ApAdd1, Opcode: OpAssertEq, Size: 2, Imm: felt.FromUint64(7), ImmSmall: 7, ImmIsSmall: true, immValue: memory.FromFelt(felt.FromUint64(7))}},
	}
	for _, c := range cases {
		got, err := Decode(felt.FromUint64(c.word), felt.FromUint64(7), true)
		if err != nil {
			t.Fatalf("%#x: %v", c.word, err)
		}
		if got != c.want {
			t.Errorf("%#x: got %+v, want %+v", c.word, got, c.want)
		}
	}
}

func TestDecodeInvalid(t *testing.T) {
	bad := map[string]uint64{
		"op1 flags":    (uint64(1<<bitOp1Imm | 1<<bitOp1FP)) << 48,
		"res flags":    (uint64(1<<bitResAdd | 1<<bitResMul)) << 48,
		"pc flags":     (uint64(1<<bitPcJumpAbs | 1<<bitPcJnz)) << 48,
		"ap flags":     (uint64(1<<bitApAdd | 1<<bitApAdd1)) << 48,
		"opcode flags": (uint64(1<<bitOpcodeCall | 1<<bitOpcodeRet)) << 48,
		"call with ap": (uint64(1<<bitOpcodeCall | 1<<bitApAdd1)) << 48,
		"jnz with res": (uint64(1<<bitPcJnz | 1<<bitResAdd)) << 48,
		"bit 63":       1 << 63,
	}
	for name, w := range bad {
		_, err := Decode(felt.FromUint64(w), felt.Felt{}, true)
		var de *DecodeError
		if !errors.As(err, &de) {
			t.Errorf("%s (%#x): got %v, want a DecodeError", name, w, err)
		}
	}
	// An immediate instruction with no immediate word.
	if _, err := Decode(felt.FromUint64(0x480680017fff8000), felt.Felt{}, false); err == nil {
		t.Error("immediate without a word decoded")
	}
	// A word above 2^64.
	if _, err := Decode(felt.FromInt64(-1), felt.Felt{}, false); err == nil {
		t.Error("a huge word decoded")
	}
}
