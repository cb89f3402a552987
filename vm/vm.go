package vm

import (
	"fmt"

	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/vm/memory"
)

// Hint is code that runs before the instruction at its pc.
type Hint interface {
	Exec(vm *VM) error
}

type slot struct {
	ins     Instruction
	decoded bool
	kind    fastKind
	apInc   uint8 // ap += apInc for the fast shapes with a regular or ap++ update
	hints   []Hint
}

// VM is the Cairo CPU state.
type VM struct {
	Mem        *memory.Memory
	PC, AP, FP memory.Ptr
	// Steps is the number of steps executed (cairo-lang's current_step).
	Steps uint64
	// SkipInstruction may be set by a hint to skip the current instruction.
	SkipInstruction bool

	trace   compactTrace
	tracing bool
	// generic turns the fast paths off (tests compare the two).
	generic bool
	code    [][]slot
}

// New returns a VM over mem with the given initial registers.
func New(mem *memory.Memory, pc, ap, fp memory.Ptr, trace bool) *VM {
	v := &VM{Mem: mem, PC: pc, AP: ap, FP: fp, tracing: trace}
	v.trace.check = true
	return v
}

func (vm *VM) slotsFor(seg int, need uint64) []slot {
	for len(vm.code) <= seg {
		vm.code = append(vm.code, nil)
	}
	s := vm.code[seg]
	if uint64(len(s)) < need {
		// Room for the code that is there, but never more than twice what
		// was asked: a segment's used size can be huge and sparse.
		n := need
		if used := vm.Mem.DenseLen(seg); used > n {
			n = min(used, 2*need+64)
		}
		grown := make([]slot, n)
		copy(grown, s)
		vm.code[seg] = grown
		s = grown
	}
	return s
}

// AddHint attaches a hint to pc; hints at one pc run in the order added.
func (vm *VM) AddHint(pc memory.Ptr, h Hint) {
	if pc.Segment < 0 {
		return
	}
	s := vm.slotsFor(pc.Segment, pc.Offset+1)
	s[pc.Offset].hints = append(s[pc.Offset].hints, h)
}

// HasHints reports whether hints are attached at pc.
func (vm *VM) HasHints(pc memory.Ptr) bool {
	if pc.Segment < 0 || pc.Segment >= len(vm.code) || pc.Offset >= uint64(len(vm.code[pc.Segment])) {
		return false
	}
	return len(vm.code[pc.Segment][pc.Offset].hints) > 0
}

func (vm *VM) fail(hint int, err error) *StepError {
	return &StepError{Step: vm.Steps, PC: vm.PC, FP: vm.FP, HintIndex: hint, Err: err}
}

// Step runs the hints at pc, then the instruction at pc.
func (vm *VM) Step() error {
	vm.segmentsMayChange()
	pc := vm.PC
	var s *slot
	if pc.Segment >= 0 && pc.Segment < len(vm.code) && pc.Offset < uint64(len(vm.code[pc.Segment])) {
		s = &vm.code[pc.Segment][pc.Offset]
		if s.hints != nil {
			vm.SkipInstruction = false
			for i, h := range s.hints {
				if err := h.Exec(vm); err != nil {
					return vm.fail(i, err)
				}
				if vm.SkipInstruction {
					return nil
				}
			}
			// A hint may have grown the table; take the slot again.
			s = &vm.code[pc.Segment][pc.Offset]
		}
	}
	if s == nil || !s.decoded {
		ins, err := vm.decodeAt(pc)
		if err != nil {
			return vm.fail(-1, err)
		}
		// Code far from where memory is dense is decoded each time rather
		// than grow the table to its offset.
		if pc.Segment < 0 || pc.Offset >= vm.Mem.DenseLen(pc.Segment) {
			return vm.exec(&ins)
		}
		s = &vm.slotsFor(pc.Segment, pc.Offset+1)[pc.Offset]
		s.ins, s.decoded = ins, true
		if !vm.generic {
			s.kind, s.apInc = classify(&s.ins)
		}
	}
	if s.kind != fastNone && vm.fastStep(s) {
		return nil
	}
	return vm.exec(&s.ins)
}

func (vm *VM) decodeAt(pc memory.Ptr) (Instruction, error) {
	v := vm.Mem.Get(pc)
	if !v.IsSet() {
		return Instruction{}, &memory.UnknownCellError{Addr: pc}
	}
	word, ok := v.Felt()
	if !ok {
		return Instruction{}, &OperandError{fmt.Sprintf("Instruction should be an int. Found: %v", v)}
	}
	imm, hasImm := vm.Mem.Get(pc.AddUint(1)).Felt()
	return Decode(word, imm, hasImm)
}

// DecodeAt decodes the instruction at pc without running it.
func (vm *VM) DecodeAt(pc memory.Ptr) (Instruction, error) { return vm.decodeAt(pc) }

func offsetAddr(base memory.Ptr, off int16) (memory.Ptr, error) {
	o := int64(base.Offset) + int64(off)
	if o < 0 {
		return memory.Ptr{}, &OperandError{fmt.Sprintf("address %v%+d has a negative offset", base, off)}
	}
	return memory.Ptr{Segment: base.Segment, Offset: uint64(o)}, nil
}

func (vm *VM) reg(r Register) memory.Ptr {
	if r == AP {
		return vm.AP
	}
	return vm.FP
}

func (vm *VM) exec(ins *Instruction) error {
	if err := vm.execute(ins); err != nil {
		return vm.fail(-1, err)
	}
	return nil
}

func (vm *VM) execute(ins *Instruction) error {
	vm.segmentsMayChange()
	mem := vm.Mem
	dstAddr, err := offsetAddr(vm.reg(ins.Dst), ins.Off0)
	if err != nil {
		return err
	}
	dst, ok := mem.Peek(dstAddr)
	if !ok {
		dst = mem.Get(dstAddr)
	}
	op0Addr, err := offsetAddr(vm.reg(ins.Op0), ins.Off1)
	if err != nil {
		return err
	}
	op0, ok := mem.Peek(op0Addr)
	if !ok {
		op0 = mem.Get(op0Addr)
	}

	var op1Addr memory.Ptr
	var op1 memory.Value
	switch ins.Op1 {
	case Op1Imm:
		if ins.Off2 != 1 {
			return &OperandError{"In immediate mode, off2 should be 1."}
		}
		op1Addr = vm.PC.AddUint(1)
		op1 = ins.immValue
	case Op1FromFP:
		if op1Addr, err = offsetAddr(vm.FP, ins.Off2); err != nil {
			return err
		}
		if op1, ok = mem.Peek(op1Addr); !ok {
			op1 = mem.Get(op1Addr)
		}
	case Op1FromAP:
		if op1Addr, err = offsetAddr(vm.AP, ins.Off2); err != nil {
			return err
		}
		if op1, ok = mem.Peek(op1Addr); !ok {
			op1 = mem.Get(op1Addr)
		}
	default:
		if !op0.IsSet() {
			return &OperandError{"op0 must be known in double dereference."}
		}
		base, ok := op0.Ptr()
		if !ok {
			return &OperandError{fmt.Sprintf("op0 must be a pointer in double dereference, found %v", op0)}
		}
		if op1Addr, err = offsetAddr(base, ins.Off2); err != nil {
			return err
		}
		if op1, ok = mem.Peek(op1Addr); !ok {
			op1 = mem.Get(op1Addr)
		}
	}

	if !op0.IsSet() || !op1.IsSet() {
		if !op0.IsSet() {
			if v, ok, err := mem.Deduce(op0Addr); err != nil {
				return err
			} else if ok {
				op0 = v
			}
		}
		if !op1.IsSet() {
			if v, ok, err := mem.Deduce(op1Addr); err != nil {
				return err
			} else if ok {
				op1 = v
			}
		}
	}
	updDst, updOp0, updOp1 := !dst.IsSet(), !op0.IsSet(), !op1.IsSet()

	var res memory.Value
	if updOp0 {
		if op0, res, err = vm.deduceOp0(ins, dst, op1); err != nil {
			return err
		}
	}
	if updOp1 {
		var r memory.Value
		if op1, r, err = deduceOp1(ins, dst, op0); err != nil {
			return err
		}
		if !res.IsSet() {
			res = r
		}
	}
	if !op0.IsSet() {
		return &memory.UnknownCellError{Addr: op0Addr}
	}
	if !op1.IsSet() {
		return &memory.UnknownCellError{Addr: op1Addr}
	}
	if !res.IsSet() {
		switch ins.Res {
		case ResOp1:
			res = op1
		case ResAdd:
			if op0.IsFelt() && op1.IsFelt() {
				res = memory.AddFelts(op0, op1)
			} else if ins.ImmIsSmall && op0.IsPtr() {
				res, err = memory.AddInt(op0, ins.ImmSmall)
			} else {
				res, err = memory.Add(op0, op1)
			}
			if err != nil {
				return err
			}
		case ResMul:
			if res, err = memory.Mul(op0, op1); err != nil {
				return err
			}
		}
	}
	if updDst {
		switch {
		case ins.Opcode == OpAssertEq && res.IsSet():
			dst = res
		case ins.Opcode == OpCall:
			dst = memory.FromPtr(vm.FP)
		default:
			return &memory.UnknownCellError{Addr: dstAddr}
		}
		if !mem.TrySet(dstAddr, dst) {
			if err := mem.Set(dstAddr, dst); err != nil {
				return err
			}
		}
	}
	if updOp0 {
		if !mem.TrySet(op0Addr, op0) {
			if err := mem.Set(op0Addr, op0); err != nil {
				return err
			}
		}
	}
	if updOp1 {
		if !mem.TrySet(op1Addr, op1) {
			if err := mem.Set(op1Addr, op1); err != nil {
				return err
			}
		}
	}

	switch ins.Opcode {
	case OpAssertEq:
		if !res.IsSet() {
			return &OperandError{"Res.UNCONSTRAINED cannot be used with Opcode.ASSERT_EQ"}
		}
		if dst != res {
			return &AssertEqError{Dst: dst, Res: res}
		}
	case OpCall:
		ret := memory.FromPtr(vm.PC.AddUint(uint64(ins.Size)))
		if op0 != ret {
			return &CallError{"return-pc (inconsistent op0)", op0, ret}
		}
		if fp := memory.FromPtr(vm.FP); dst != fp {
			return &CallError{"return-fp (inconsistent dst)", dst, fp}
		}
	}

	if vm.tracing {
		vm.record()
	}
	err = vm.updateRegisters(ins, &dst, &op1, &res)
	// Any instruction may have changed fp or a register's segment: the
	// next step's record (perhaps a fast one) compares them.
	vm.segmentsMayChange()
	return err
}

func (vm *VM) deduceOp0(ins *Instruction, dst, op1 memory.Value) (op0, res memory.Value, err error) {
	switch ins.Opcode {
	case OpCall:
		return memory.FromPtr(vm.PC.AddUint(uint64(ins.Size))), memory.Value{}, nil
	case OpAssertEq:
		switch {
		case ins.Res == ResAdd && dst.IsSet() && op1.IsSet():
			v, err := memory.Sub(dst, op1)
			return v, dst, err
		case ins.Res == ResMul && dst.IsFelt() && op1.IsFelt():
			d, o := dst.MustFelt(), op1.MustFelt()
			if o.IsZero() {
				return memory.Value{}, memory.Value{}, &OperandError{fmt.Sprintf(
					"Cannot deduce operand in '0 = ? * %v' (possibly due to division by 0).", dst)}
			}
			q, _ := d.Div(o)
			return memory.FromFelt(q), dst, nil
		}
	}
	return memory.Value{}, memory.Value{}, nil
}

func deduceOp1(ins *Instruction, dst, op0 memory.Value) (op1, res memory.Value, err error) {
	if ins.Opcode != OpAssertEq {
		return memory.Value{}, memory.Value{}, nil
	}
	switch {
	case ins.Res == ResOp1 && dst.IsSet():
		return dst, dst, nil
	case ins.Res == ResAdd && dst.IsSet() && op0.IsSet():
		v, err := memory.Sub(dst, op0)
		return v, dst, err
	case ins.Res == ResMul && dst.IsFelt() && op0.IsFelt() && !op0.MustFelt().IsZero():
		q, _ := dst.MustFelt().Div(op0.MustFelt())
		return memory.FromFelt(q), dst, nil
	}
	return memory.Value{}, memory.Value{}, nil
}

func (vm *VM) updateRegisters(ins *Instruction, dst, op1, res *memory.Value) error {
	var newFP memory.Ptr
	switch ins.Opcode {
	case OpCall:
		newFP = vm.AP.AddUint(2)
	case OpRet:
		p, ok := dst.Ptr()
		if !ok {
			return &OperandError{fmt.Sprintf("ret: the new fp must be a pointer, found %v", *dst)}
		}
		newFP = p
	default:
		newFP = vm.FP
	}

	newAP := vm.AP
	switch ins.Ap {
	case ApAdd:
		if !res.IsSet() {
			return &OperandError{"Res.UNCONSTRAINED cannot be used with ApUpdate.ADD"}
		}
		var v memory.Value
		var err error
		if ins.Res == ResOp1 && ins.ImmIsSmall {
			v, err = memory.AddInt(memory.FromPtr(vm.AP), ins.ImmSmall)
		} else {
			v, err = memory.Add(memory.FromPtr(vm.AP), *res)
		}
		if err != nil {
			return err
		}
		newAP, _ = v.Ptr()
	case ApAdd1:
		newAP = vm.AP.AddUint(1)
	case ApAdd2:
		newAP = vm.AP.AddUint(2)
	}

	var newPC memory.Ptr
	switch ins.Pc {
	case PcRegular:
		newPC = vm.PC.AddUint(uint64(ins.Size))
	case PcJumpAbs:
		if !res.IsSet() {
			return &OperandError{"Res.UNCONSTRAINED cannot be used with PcUpdate.JUMP"}
		}
		p, ok := res.Ptr()
		if !ok {
			// cairo-lang lets pc become an integer; the next step then
			// fails to read the instruction there.
			f := res.MustFelt()
			if !f.IsUint64() {
				return &OperandError{fmt.Sprintf("jmp abs: the target %v is not an address", *res)}
			}
			p = memory.Ptr{Segment: memory.PureSegment, Offset: f.Uint64()}
		}
		newPC = p
	case PcJumpRel:
		if !res.IsSet() {
			return &OperandError{"Res.UNCONSTRAINED cannot be used with PcUpdate.JUMP_REL"}
		}
		if !res.IsFelt() {
			return &memory.PureValueError{Op: "jmp rel", Values: []memory.Value{*res}}
		}
		if ins.Res == ResOp1 && ins.ImmIsSmall {
			p, err := vm.PC.Add(ins.ImmSmall)
			if err != nil {
				return err
			}
			vm.FP, vm.AP, vm.PC = newFP, newAP, p
			vm.Steps++
			return nil
		}
		v, err := memory.Add(memory.FromPtr(vm.PC), *res)
		if err != nil {
			return err
		}
		newPC, _ = v.Ptr()
	case PcJnz:
		zero := false
		switch {
		case dst.IsFelt():
			zero = dst.IsZeroFelt()
		case dst.IsPtr():
		default:
			return &memory.PureValueError{Op: "jmp != 0", Values: []memory.Value{*dst}}
		}
		if zero {
			newPC = vm.PC.AddUint(uint64(ins.Size))
		} else if ins.ImmIsSmall {
			p, err := vm.PC.Add(ins.ImmSmall)
			if err != nil {
				return err
			}
			newPC = p
		} else {
			v, err := memory.Add(memory.FromPtr(vm.PC), *op1)
			if err != nil {
				return err
			}
			newPC, _ = v.Ptr()
		}
	}
	vm.FP, vm.AP, vm.PC = newFP, newAP, newPC
	vm.Steps++
	return nil
}

// FeltAt is a convenience for hints and tests: the felt at addr.
func (vm *VM) FeltAt(addr memory.Ptr) (felt.Felt, error) { return vm.Mem.ReadFelt(addr) }

// OperandAddrs recomputes the dst, op0 and op1 addresses of an executed
// instruction from the registers before it ran (memory is write-once, so
// a double dereference reads the same op0 it read then).
func OperandAddrs(ins *Instruction, pc, ap, fp memory.Ptr, m *memory.Memory) (dst, op0, op1 memory.Ptr, err error) {
	reg := func(r Register) memory.Ptr {
		if r == AP {
			return ap
		}
		return fp
	}
	if dst, err = offsetAddr(reg(ins.Dst), ins.Off0); err != nil {
		return
	}
	if op0, err = offsetAddr(reg(ins.Op0), ins.Off1); err != nil {
		return
	}
	switch ins.Op1 {
	case Op1Imm:
		op1 = pc.AddUint(1)
	case Op1FromFP:
		op1, err = offsetAddr(fp, ins.Off2)
	case Op1FromAP:
		op1, err = offsetAddr(ap, ins.Off2)
	default:
		p, ok := m.Get(op0).Ptr()
		if !ok {
			err = &OperandError{"op0 must be known in double dereference."}
			return
		}
		op1, err = offsetAddr(p, ins.Off2)
	}
	return
}

// RunTo steps until pc reaches end or limit steps have run (limit 0: no
// limit). It is Step in a loop with the common case (a decoded slot
// without hints) kept in the loop itself.
func (vm *VM) RunTo(end memory.Ptr, limit uint64) error {
	vm.segmentsMayChange()
	for n := uint64(0); vm.PC != end && (limit == 0 || n < limit); n++ {
		pc := vm.PC
		if uint(pc.Segment) < uint(len(vm.code)) {
			if c := vm.code[pc.Segment]; pc.Offset < uint64(len(c)) {
				if s := &c[pc.Offset]; s.decoded && s.hints == nil {
					if s.kind != fastNone && vm.fastStep(s) {
						continue
					}
					if err := vm.execute(&s.ins); err != nil {
						return vm.fail(-1, err)
					}
					continue
				}
			}
		}
		if err := vm.Step(); err != nil {
			return err
		}
	}
	return nil
}
