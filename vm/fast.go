package vm

import "github.com/cairn-vm/cairn/vm/memory"

// fastKind names an instruction shape that the step loop runs without the
// generic operand deduction: almost every step of compiled Cairo is one
// of these, with its operands already in memory.
type fastKind uint8

const (
	fastNone        fastKind = iota
	fastAssertImm            // [r+off0] = imm, op0 + imm or op0 * imm; ap += 0 or 1
	fastAssertMem            // [r+off0] = [ap/fp+off2], op0 + or * it; ap += 0 or 1
	fastAssertDeref          // the same with op1 = [[r+off1]+off2]
	fastJnzImm               // jmp rel imm if [r+off0] != 0
	fastJmpRelImm            // jmp rel imm
	fastApAddImm             // ap += imm
	fastCallRelImm           // call rel imm
	fastRet                  // ret
)

// classify picks the fast shape of a decoded instruction, if it has one.
// Every shape needs its operands in memory, except that an assert may
// deduce one of op0 and op1 from a known dst (fastDeduce); and, except
// for the asserts, dst must be known.
func classify(ins *Instruction) (fastKind, uint8) {
	apInc := uint8(0)
	switch ins.Ap {
	case ApRegular:
	case ApAdd1:
		apInc = 1
	default:
		apInc = 255
	}
	smallImm := ins.Op1 == Op1Imm && ins.Off2 == 1 && ins.ImmIsSmall
	switch ins.Opcode {
	case OpAssertEq:
		if ins.Pc != PcRegular || apInc == 255 || ins.Res == ResUnconstrained {
			return fastNone, 0
		}
		switch ins.Op1 {
		case Op1Imm:
			if ins.Off2 == 1 {
				return fastAssertImm, apInc
			}
		case Op1FromAP, Op1FromFP:
			return fastAssertMem, apInc
		case Op1FromOp0:
			return fastAssertDeref, apInc
		}
	case OpNop:
		switch {
		case ins.Pc == PcJnz && smallImm && apInc != 255:
			return fastJnzImm, apInc
		case ins.Pc == PcJumpRel && ins.Res == ResOp1 && smallImm && apInc != 255:
			return fastJmpRelImm, apInc
		case ins.Pc == PcRegular && ins.Ap == ApAdd && ins.Res == ResOp1 && smallImm:
			return fastApAddImm, 0
		}
	case OpCall:
		if ins.Pc == PcJumpRel && ins.Res == ResOp1 && smallImm {
			return fastCallRelImm, 0
		}
	case OpRet:
		if ins.Pc == PcJumpAbs && ins.Res == ResOp1 && apInc == 0 && (ins.Op1 == Op1FromFP || ins.Op1 == Op1FromAP) {
			return fastRet, 0
		}
	}
	return fastNone, 0
}

// at is offsetAddr without the error: ok is false for a negative offset.
func at(base memory.Ptr, off int16) (memory.Ptr, bool) {
	o := int64(base.Offset) + int64(off)
	return memory.Ptr{Segment: base.Segment, Offset: uint64(o)}, o >= 0
}

// addOff moves an offset by d, as Ptr.Add does; ok is false if it leaves
// [0, 2^64).
func addOff(o uint64, d int64) (uint64, bool) {
	r := o + uint64(d)
	return r, (d >= 0 && r >= o) || (d < 0 && r < o)
}

// setCell returns the cell at a, which must be set for the fast path to
// apply (nil otherwise).
func setCell(m *memory.Memory, a memory.Ptr) *memory.Value {
	if c := m.Cell(a); c != nil && memory.KindAt(c) != memory.Unset {
		return c
	}
	return nil
}

// fastDeduce is an assert_eq with a known dst and one unknown operand,
// which it deduces and writes as the generic path does (op0 = dst - op1,
// op1 = dst or dst - op0), when the unknown cell's segment has no
// deduction rule of its own (the generic path tries that first) and takes
// a plain write.
func (vm *VM) fastDeduce(ins *Instruction, op0Addr memory.Ptr, op0 *memory.Value, op1Addr memory.Ptr, op1, dst *memory.Value) bool {
	m := vm.Mem
	k0, k1 := memory.KindAt(op0), memory.KindAt(op1)
	if memory.KindAt(dst) == memory.Unset || k0 == memory.Unset && k1 == memory.Unset {
		return false
	}
	var v memory.Value
	var err error
	target := op1Addr
	switch {
	case k0 == memory.Unset:
		if ins.Res != ResAdd {
			return false
		}
		v, err = memory.Sub(*dst, *op1)
		target = op0Addr
	case ins.Res == ResOp1:
		v = *dst
	case ins.Res == ResAdd:
		v, err = memory.Sub(*dst, *op0)
	default:
		return false
	}
	if err != nil || m.HasDeducer(target.Segment) {
		return false
	}
	d := m.Claim(target)
	if d == nil {
		return false
	}
	*d = v
	return true
}

// fastStep runs the instruction of s when it has a fast shape and its
// operands are where the shape expects them. It returns false when the
// generic path must run instead; by then it has changed nothing that the
// generic path would not change in the same way.
func (vm *VM) fastStep(s *slot) bool {
	ins := &s.ins
	m := vm.Mem
	pc, ap, fp := vm.PC, vm.AP, vm.FP
	switch s.kind {
	case fastAssertImm, fastAssertMem, fastAssertDeref:
		op0Addr, ok := at(vm.reg(ins.Op0), ins.Off1)
		if !ok {
			return false
		}
		op0 := m.Cell(op0Addr)
		if op0 == nil {
			return false
		}
		op1 := &ins.immValue
		var op1Addr memory.Ptr
		if s.kind != fastAssertImm {
			var base memory.Ptr
			switch {
			case s.kind == fastAssertDeref:
				// The generic path fails at once when op0 is no pointer.
				if memory.KindAt(op0) != memory.PtrKind {
					return false
				}
				base = memory.PtrAt(op0)
			case ins.Op1 == Op1FromFP:
				base = vm.FP
			default:
				base = vm.AP
			}
			if op1Addr, ok = at(base, ins.Off2); !ok {
				return false
			}
			if op1 = m.Cell(op1Addr); op1 == nil {
				return false
			}
		}
		dstAddr, ok := at(vm.reg(ins.Dst), ins.Off0)
		if !ok {
			return false
		}
		dst := m.Cell(dstAddr)
		if dst == nil {
			return false
		}
		if memory.KindAt(op0) == memory.Unset || memory.KindAt(op1) == memory.Unset {
			if !vm.fastDeduce(ins, op0Addr, op0, op1Addr, op1, dst) {
				return false
			}
			pc.Offset += uint64(ins.Size)
			ap.Offset += uint64(s.apInc)
			break
		}
		k0, k1, kd := memory.KindAt(op0), memory.KindAt(op1), memory.KindAt(dst)
		switch {
		case ins.Res == ResAdd && k0 == memory.FeltKind && k1 == memory.FeltKind && kd == memory.Unset:
			// The common cases, computed straight into the new cell.
			d := m.Claim(dstAddr)
			if d == nil {
				return false
			}
			memory.AddFeltsTo(d, op0, op1)
		case ins.Res == ResOp1 && kd == memory.Unset:
			d := m.Claim(dstAddr)
			if d == nil {
				return false
			}
			*d = *op1
		default:
			var res memory.Value
			switch ins.Res {
			case ResOp1:
				res = *op1
			case ResAdd:
				switch {
				case k0 == memory.FeltKind && k1 == memory.FeltKind:
					memory.AddFeltsTo(&res, op0, op1)
				case ins.ImmIsSmall && k0 == memory.PtrKind:
					var err error
					if res, err = memory.AddInt(*op0, ins.ImmSmall); err != nil {
						return false
					}
				default:
					return false
				}
			default: // ResMul
				if k0 != memory.FeltKind || k1 != memory.FeltKind {
					return false
				}
				res = memory.MulFelts(*op0, *op1)
			}
			if kd != memory.Unset {
				if *dst != res {
					return false
				}
			} else if d := m.Claim(dstAddr); d != nil {
				*d = res
			} else {
				return false
			}
		}
		pc.Offset += uint64(ins.Size)
		ap.Offset += uint64(s.apInc)

	case fastJnzImm, fastJmpRelImm, fastApAddImm:
		dstAddr, ok := at(vm.reg(ins.Dst), ins.Off0)
		if !ok {
			return false
		}
		dst := setCell(m, dstAddr)
		if dst == nil {
			return false
		}
		op0Addr, ok := at(vm.reg(ins.Op0), ins.Off1)
		if !ok || setCell(m, op0Addr) == nil {
			return false
		}
		pc.Offset += uint64(ins.Size)
		ap.Offset += uint64(s.apInc)
		switch s.kind {
		case fastApAddImm:
			if ap.Offset, ok = addOff(vm.AP.Offset, ins.ImmSmall); !ok {
				return false
			}
		case fastJmpRelImm:
			if pc.Offset, ok = addOff(vm.PC.Offset, ins.ImmSmall); !ok {
				return false
			}
		default: // fastJnzImm: any pointer and any non-zero felt jump
			if !memory.IsZeroFeltAt(dst) {
				if pc.Offset, ok = addOff(vm.PC.Offset, ins.ImmSmall); !ok {
					return false
				}
			}
		}

	case fastCallRelImm:
		var ok bool
		if pc.Offset, ok = addOff(vm.PC.Offset, ins.ImmSmall); !ok {
			return false
		}
		dstAddr, ok1 := at(vm.reg(ins.Dst), ins.Off0)
		op0Addr, ok2 := at(vm.reg(ins.Op0), ins.Off1)
		if !ok1 || !ok2 || dstAddr == op0Addr {
			return false
		}
		dst, op0 := m.Cell(dstAddr), m.Cell(op0Addr)
		if dst == nil || op0 == nil {
			return false
		}
		oldFP := memory.FromPtr(vm.FP)
		ret := memory.FromPtr(vm.PC.AddUint(uint64(ins.Size)))
		dstSet, op0Set := memory.KindAt(dst) != memory.Unset, memory.KindAt(op0) != memory.Unset
		if dstSet && *dst != oldFP || op0Set && *op0 != ret {
			return false
		}
		if !op0Set && m.HasDeducer(op0Addr.Segment) {
			return false
		}
		if !dstSet && !m.TrySet(dstAddr, oldFP) {
			return false
		}
		// If this write fails, dst already holds fp: the generic path
		// finds it there, as it would have written it.
		if !op0Set && !m.TrySet(op0Addr, ret) {
			return false
		}
		fp = vm.AP.AddUint(2)
		ap.Offset += 2

	case fastRet:
		dstAddr, ok := at(vm.reg(ins.Dst), ins.Off0)
		if !ok {
			return false
		}
		dst := m.Cell(dstAddr)
		if dst == nil || memory.KindAt(dst) != memory.PtrKind {
			return false
		}
		op0Addr, ok := at(vm.reg(ins.Op0), ins.Off1)
		if !ok || setCell(m, op0Addr) == nil {
			return false
		}
		base := vm.AP
		if ins.Op1 == Op1FromFP {
			base = vm.FP
		}
		op1Addr, ok := at(base, ins.Off2)
		if !ok {
			return false
		}
		op1 := m.Cell(op1Addr)
		if op1 == nil || memory.KindAt(op1) != memory.PtrKind {
			return false
		}
		fp, _ = dst.Ptr()
		pc, _ = op1.Ptr()

	default:
		return false
	}
	if vm.tracing {
		// record, inlined by hand (the compiler finds it too large).
		t := &vm.trace
		if n := len(t.cur); n < cap(t.cur) && !t.check && (vm.AP.Offset|vm.PC.Offset)>>32 == 0 {
			t.cur = t.cur[:n+1]
			t.cur[n] = NarrowOffsets{uint32(vm.AP.Offset), uint32(vm.PC.Offset)}
		} else {
			vm.recordSlow()
		}
	}
	vm.PC, vm.AP, vm.FP = pc, ap, fp
	if s.kind == fastCallRelImm || s.kind == fastRet {
		// A call or a ret changes fp (and a ret may return into another
		// segment): the next step's record starts a new run.
		vm.segmentsMayChange()
	}
	vm.Steps++
	return true
}
