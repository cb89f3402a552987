package vm

import (
	"fmt"

	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/vm/memory"
)

// Register names the base register of an operand address.
type Register uint8

const (
	AP Register = iota
	FP
)

// Op1Src is where op1's address comes from.
type Op1Src uint8

const (
	Op1FromOp0 Op1Src = iota // [op0 + off2] (double dereference)
	Op1Imm                   // [pc + 1], the immediate
	Op1FromFP                // [fp + off2]
	Op1FromAP                // [ap + off2]
)

// ResLogic is how res is computed from op0 and op1.
type ResLogic uint8

const (
	ResOp1 ResLogic = iota
	ResAdd
	ResMul
	ResUnconstrained // jnz: res is not used
)

// PcUpdate is how pc changes after the instruction.
type PcUpdate uint8

const (
	PcRegular PcUpdate = iota
	PcJumpAbs
	PcJumpRel
	PcJnz
)

// ApUpdate is how ap changes after the instruction.
type ApUpdate uint8

const (
	ApRegular ApUpdate = iota
	ApAdd              // ap += res
	ApAdd1             // ap++
	ApAdd2             // call: ap += 2
)

// Opcode is the instruction's opcode.
type Opcode uint8

const (
	OpNop Opcode = iota
	OpAssertEq
	OpCall
	OpRet
)

// Flag bit positions in the 15-bit flags word (cairo-lang's encode.py).
const (
	bitDstFP = iota
	bitOp0FP
	bitOp1Imm
	bitOp1FP
	bitOp1AP
	bitResAdd
	bitResMul
	bitPcJumpAbs
	bitPcJumpRel
	bitPcJnz
	bitApAdd
	bitApAdd1
	bitOpcodeCall
	bitOpcodeRet
	bitOpcodeAssertEq
	numFlags
)

// Instruction is a decoded Cairo instruction.
type Instruction struct {
	Off0, Off1, Off2 int16
	Imm              felt.Felt // valid when Op1 == Op1Imm
	// ImmSmall is Imm as a signed integer when |Imm| < 2^62 (ImmIsSmall),
	// so that jumps and ap updates by an immediate need no field
	// conversion in the step loop.
	ImmSmall   int64
	ImmIsSmall bool
	immValue   memory.Value
	Dst, Op0   Register
	Op1        Op1Src
	Res        ResLogic
	Pc         PcUpdate
	Ap         ApUpdate
	Opcode     Opcode
	Size       uint8 // 1, or 2 with an immediate
}

// DecodeError is an instruction word that is not a valid encoding.
type DecodeError struct {
	Encoding felt.Felt
	Reason   string
}

func (e *DecodeError) Error() string {
	return fmt.Sprintf("invalid instruction encoding %s: %s", e.Encoding.Hex(), e.Reason)
}

// Decode decodes an instruction word. imm is the next memory word, used
// only when the instruction takes an immediate; hasImm says whether that
// word is a known felt.
func Decode(word felt.Felt, imm felt.Felt, hasImm bool) (Instruction, error) {
	var ins Instruction
	if !word.IsUint64() || word.Uint64()>>(48+numFlags) != 0 {
		return ins, &DecodeError{word, "Unsupported instruction (the word must be below 2^63)"}
	}
	w := word.Uint64()
	ins.Off0 = int16(int32(w&0xffff) - 0x8000)
	ins.Off1 = int16(int32((w>>16)&0xffff) - 0x8000)
	ins.Off2 = int16(int32((w>>32)&0xffff) - 0x8000)
	f := w >> 48
	bit := func(i uint) uint64 { return (f >> i) & 1 }

	ins.Dst = Register(bit(bitDstFP))
	ins.Op0 = Register(bit(bitOp0FP))
	switch bit(bitOp1Imm)<<2 | bit(bitOp1FP)<<1 | bit(bitOp1AP) {
	case 0:
		ins.Op1 = Op1FromOp0
	case 4:
		ins.Op1 = Op1Imm
	case 2:
		ins.Op1 = Op1FromFP
	case 1:
		ins.Op1 = Op1FromAP
	default:
		return ins, &DecodeError{word, "op1 source flags are not exclusive"}
	}
	switch bit(bitPcJumpAbs)<<2 | bit(bitPcJumpRel)<<1 | bit(bitPcJnz) {
	case 0:
		ins.Pc = PcRegular
	case 4:
		ins.Pc = PcJumpAbs
	case 2:
		ins.Pc = PcJumpRel
	case 1:
		ins.Pc = PcJnz
	default:
		return ins, &DecodeError{word, "pc update flags are not exclusive"}
	}
	switch bit(bitResAdd)<<1 | bit(bitResMul) {
	case 0:
		if ins.Pc == PcJnz {
			ins.Res = ResUnconstrained
		} else {
			ins.Res = ResOp1
		}
	case 2:
		ins.Res = ResAdd
	case 1:
		ins.Res = ResMul
	default:
		return ins, &DecodeError{word, "res flags are not exclusive"}
	}
	if ins.Pc == PcJnz && ins.Res != ResUnconstrained {
		return ins, &DecodeError{word, "jnz requires an unconstrained res"}
	}
	switch bit(bitApAdd)<<1 | bit(bitApAdd1) {
	case 0:
		ins.Ap = ApRegular
	case 2:
		ins.Ap = ApAdd
	case 1:
		ins.Ap = ApAdd1
	default:
		return ins, &DecodeError{word, "ap update flags are not exclusive"}
	}
	switch bit(bitOpcodeCall)<<2 | bit(bitOpcodeRet)<<1 | bit(bitOpcodeAssertEq) {
	case 0:
		ins.Opcode = OpNop
	case 4:
		ins.Opcode = OpCall
	case 2:
		ins.Opcode = OpRet
	case 1:
		ins.Opcode = OpAssertEq
	default:
		return ins, &DecodeError{word, "opcode flags are not exclusive"}
	}
	if ins.Opcode == OpCall {
		if ins.Ap != ApRegular {
			return ins, &DecodeError{word, "CALL must have update_ap is ADD2"}
		}
		ins.Ap = ApAdd2
	}
	ins.Size = 1
	if ins.Op1 == Op1Imm {
		if !hasImm {
			return ins, &DecodeError{word, "op1_addr is Op1Addr.IMM, but no immediate given"}
		}
		ins.Imm = imm
		ins.immValue = memory.FromFelt(imm)
		ins.Size = 2
		if imm.IsUint64() && imm.Uint64() < 1<<62 {
			ins.ImmSmall, ins.ImmIsSmall = int64(imm.Uint64()), true
		} else if n := imm.Neg(); n.IsUint64() && n.Uint64() < 1<<62 {
			ins.ImmSmall, ins.ImmIsSmall = -int64(n.Uint64()), true
		}
	}
	return ins, nil
}

// IsCall reports whether a word (with its immediate) decodes to a call, as
// cairo-lang's is_call_instruction does when it builds a traceback.
func IsCall(word, imm felt.Felt, hasImm bool) bool {
	ins, err := Decode(word, imm, hasImm)
	if err != nil {
		return false
	}
	return ins.Res == ResOp1 && (ins.Pc == PcJumpAbs || ins.Pc == PcJumpRel) &&
		ins.Ap == ApAdd2 && ins.Opcode == OpCall
}
