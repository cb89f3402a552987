package trace

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
	"sort"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/runner"
)

// ErrExecution is wrapped by every error about an execution the plain
// trace cannot be built from.
var ErrExecution = errors.New("prover/trace: bad execution")

// Plain-layout geometry (Stone's CpuAirDefinition<.., 10>).
const (
	NColumns    = 6
	StepRows    = 16 // trace rows per Cairo step
	pubStep     = 8  // one public-memory cell per 8 rows
	offsetBits  = 16
	halfOffset  = 1 << (offsetBits - 1)
	poolPerStep = StepRows / 2
)

// Pool slots (index into the memory pool, 8 per step) of each access.
const (
	slotPC  = 0
	slotOp0 = 2
	slotDst = 4
	slotOp1 = 6
)

// Row offsets in the range-check pool (column 0) of the offsets.
const (
	rowOff0 = 0
	rowOff2 = 4
	rowOff1 = 8
)

// Row offsets in column 5.
const (
	rowAP     = 0
	rowTmp0   = 2
	rowOpsMul = 4
	rowFP     = 8
	rowTmp1   = 10
	rowRes    = 12
)

// Instruction flag bits (cairo-lang's encoding).
const (
	bitDstReg = iota
	bitOp0Reg
	bitOp1Imm
	bitOp1FP
	bitOp1AP
	bitResAdd
	bitResMul
	bitPCJumpAbs
	bitPCJumpRel
	bitPCJnz
	bitAPAdd
	bitAPAdd1
	bitOpcodeCall
	bitOpcodeRet
	bitOpcodeAssertEq
	nFlags
)

// PublicCell is one public-memory cell.
type PublicCell struct {
	Addr  uint64
	Value fp.Element
}

// Plain is the main trace of the plain layout with what the interaction
// trace is built from.
type Plain struct {
	NSteps uint64
	Length uint64 // trace rows, 16 per step
	// Columns are the 6 main columns, each of Length values (row order).
	Columns [NColumns][]fp.Element

	// PoolAddr and PoolValue are the memory pool's real cells (public
	// cells included with their true address and value, although the
	// trace shows them as (0, 0)); PublicSlots lists the pool indices of
	// the public cells.
	PoolAddr    []uint64
	PoolValue   []fp.Element
	PublicSlots []uint64
	// SortedAddr and SortedValue are the pool sorted by address (column 4).
	SortedAddr  []uint64
	SortedValue []fp.Element
	// RC is the range-check pool (column 0) and RCSorted its sorted copy
	// (column 2).
	RC, RCSorted []uint64
	// Public is the public memory in the order of the public input,
	// followed by nothing: the padding (Public[0] repeated up to
	// NPublicSlots) is implied.
	Public       []PublicCell
	NPublicSlots uint64
	RCMin, RCMax uint64
}

// memory answers reads of the relocated memory.
type memory struct {
	dense   []fp.Element
	present []bool
	sparse  map[uint64]fp.Element
}

func newMemory(e *runner.Execution) (*memory, error) {
	var maxAddr uint64
	for _, c := range e.Memory {
		maxAddr = max(maxAddr, c.Addr)
	}
	m := &memory{}
	if maxAddr < 4*uint64(len(e.Memory))+1024 {
		m.dense = make([]fp.Element, maxAddr+1)
		m.present = make([]bool, maxAddr+1)
	} else {
		m.sparse = make(map[uint64]fp.Element, len(e.Memory))
	}
	for i, c := range e.Memory {
		v := fp.Element(c.Value)
		if old, ok := m.get(c.Addr); ok {
			if !old.Equal(&v) {
				return nil, fmt.Errorf("%w: memory cell %d: address %d written twice with different values", ErrExecution, i, c.Addr)
			}
			continue
		}
		if m.dense != nil {
			m.dense[c.Addr], m.present[c.Addr] = v, true
		} else {
			m.sparse[c.Addr] = v
		}
	}
	return m, nil
}

func (m *memory) get(a uint64) (fp.Element, bool) {
	if m.dense != nil {
		if a >= uint64(len(m.dense)) || !m.present[a] {
			return fp.Element{}, false
		}
		return m.dense[a], true
	}
	v, ok := m.sparse[a]
	return v, ok
}

// BuildPlain builds the plain layout's main trace from a proof-mode
// execution (the registers of every step, the relocated memory and the
// public input), as Stone's CpuAir::GetTrace does.
func BuildPlain(e *runner.Execution) (*Plain, error) {
	if e == nil || e.PublicInput == nil {
		return nil, fmt.Errorf("%w: no public input", ErrExecution)
	}
	pi := e.PublicInput
	if pi.Layout != "plain" {
		return nil, fmt.Errorf("%w: public input layout %q, want \"plain\"", ErrExecution, pi.Layout)
	}
	n := uint64(len(e.Trace))
	if n == 0 || n&(n-1) != 0 {
		return nil, fmt.Errorf("%w: %d trace entries, want a power of two", ErrExecution, n)
	}
	if pi.NSteps != n {
		return nil, fmt.Errorf("%w: public input n_steps %d but %d trace entries", ErrExecution, pi.NSteps, n)
	}
	if pi.RcMin >= pi.RcMax {
		return nil, fmt.Errorf("%w: rc_min %d not below rc_max %d", ErrExecution, pi.RcMin, pi.RcMax)
	}
	mem, err := newMemory(e)
	if err != nil {
		return nil, err
	}
	t := &Plain{NSteps: n, Length: n * StepRows, RCMin: pi.RcMin, RCMax: pi.RcMax}
	for c := range t.Columns {
		t.Columns[c] = make([]fp.Element, t.Length)
	}
	poolSize := t.Length / 2
	t.PoolAddr = make([]uint64, poolSize)
	t.PoolValue = make([]fp.Element, poolSize)
	t.RC = make([]uint64, t.Length)
	poolSet := make([]bool, poolSize)
	rcSet := make([]bool, t.Length)

	write := func(slot, addr uint64, v fp.Element, public bool) {
		t.PoolAddr[slot], t.PoolValue[slot], poolSet[slot] = addr, v, true
		if public {
			t.PublicSlots = append(t.PublicSlots, slot)
			return // the trace shows public cells as (0, 0)
		}
		t.Columns[3][2*slot].SetUint64(addr)
		t.Columns[3][2*slot+1] = v
	}
	read := func(step uint64, what string, addr uint64) (fp.Element, error) {
		v, ok := mem.get(addr)
		if !ok {
			return v, fmt.Errorf("%w: step %d: %s address %d is not in memory", ErrExecution, step, what, addr)
		}
		return v, nil
	}

	for i, te := range e.Trace {
		step := uint64(i)
		row := step * StepRows
		slot := step * poolPerStep
		instV, err := read(step, "pc", te.PC)
		if err != nil {
			return nil, err
		}
		if !instV.IsUint64() || instV.Uint64()>>63 != 0 {
			return nil, fmt.Errorf("%w: step %d: instruction at pc %d is not below 2^63", ErrExecution, step, te.PC)
		}
		inst := instV.Uint64()
		off := [3]uint64{inst & 0xffff, inst >> 16 & 0xffff, inst >> 32 & 0xffff}
		flags := inst >> 48
		if err := checkFlags(flags); err != nil {
			return nil, fmt.Errorf("%w: step %d: instruction %#x at pc %d: %v", ErrExecution, step, inst, te.PC, err)
		}
		write(slot+slotPC, te.PC, instV, false)
		for k, r := range [3]uint64{rowOff0, rowOff1, rowOff2} {
			t.RC[row+r], rcSet[row+r] = off[k], true
			t.Columns[0][row+r].SetUint64(off[k])
		}
		for j := uint64(0); j < StepRows; j++ {
			t.Columns[1][row+j].SetUint64(flags >> j)
		}
		bit := func(b int) bool { return flags>>b&1 == 1 }
		reg := func(fpReg bool) uint64 {
			if fpReg {
				return te.FP
			}
			return te.AP
		}
		dstAddr, err := addOffset(reg(bit(bitDstReg)), off[0])
		if err != nil {
			return nil, fmt.Errorf("%w: step %d: dst address: %v", ErrExecution, step, err)
		}
		dst, err := read(step, "dst", dstAddr)
		if err != nil {
			return nil, err
		}
		op0Addr, err := addOffset(reg(bit(bitOp0Reg)), off[1])
		if err != nil {
			return nil, fmt.Errorf("%w: step %d: op0 address: %v", ErrExecution, step, err)
		}
		op0, err := read(step, "op0", op0Addr)
		if err != nil {
			return nil, err
		}
		var base uint64
		switch {
		case bit(bitOp1Imm):
			base = te.PC
		case bit(bitOp1FP):
			base = te.FP
		case bit(bitOp1AP):
			base = te.AP
		default:
			if !op0.IsUint64() {
				return nil, fmt.Errorf("%w: step %d: op1 base op0 is not an address", ErrExecution, step)
			}
			base = op0.Uint64()
		}
		op1Addr, err := addOffset(base, off[2])
		if err != nil {
			return nil, fmt.Errorf("%w: step %d: op1 address: %v", ErrExecution, step, err)
		}
		op1, err := read(step, "op1", op1Addr)
		if err != nil {
			return nil, err
		}
		write(slot+slotDst, dstAddr, dst, false)
		write(slot+slotOp0, op0Addr, op0, false)
		write(slot+slotOp1, op1Addr, op1, false)

		var mul, res, tmp0, tmp1 fp.Element
		mul.Mul(&op0, &op1)
		switch {
		case bit(bitResAdd):
			res.Add(&op0, &op1)
		case bit(bitResMul):
			res = mul
		case bit(bitPCJnz):
			// res is unconstrained for jnz; Stone stores dst's inverse
			// (0 for dst = 0), which the jnz constraint uses.
			res.Inverse(&dst)
		default:
			res = op1
		}
		if bit(bitPCJnz) {
			tmp0 = dst
		}
		tmp1.Mul(&tmp0, &res)
		c5 := t.Columns[5]
		c5[row+rowAP].SetUint64(te.AP)
		c5[row+rowFP].SetUint64(te.FP)
		c5[row+rowOpsMul] = mul
		c5[row+rowRes] = res
		c5[row+rowTmp0] = tmp0
		c5[row+rowTmp1] = tmp1
	}

	// Public memory (and its padding with the first public cell) in the
	// slots 4k+1 of the pool.
	t.NPublicSlots = t.Length / pubStep
	if len(pi.PublicMemory) == 0 {
		return nil, fmt.Errorf("%w: public memory is empty", ErrExecution)
	}
	if uint64(len(pi.PublicMemory)) > t.NPublicSlots {
		return nil, fmt.Errorf("%w: %d public memory cells but room for %d", ErrExecution, len(pi.PublicMemory), t.NPublicSlots)
	}
	t.Public = make([]PublicCell, len(pi.PublicMemory))
	for i, pm := range pi.PublicMemory {
		v, err := parseFelt(pm.Value)
		if err != nil {
			return nil, fmt.Errorf("%w: public memory entry %d (address %d): %v", ErrExecution, i, pm.Address, err)
		}
		t.Public[i] = PublicCell{pm.Address, v}
	}
	for k := uint64(0); k < t.NPublicSlots; k++ {
		c := t.Public[0]
		if k < uint64(len(t.Public)) {
			c = t.Public[k]
		}
		s := 4*k + 1
		if poolSet[s] {
			return nil, fmt.Errorf("%w: public memory slot %d already used", ErrExecution, s)
		}
		write(s, c.Addr, c.Value, true)
	}

	if err := t.fillMemory(poolSet); err != nil {
		return nil, err
	}
	if err := t.fillRC(rcSet); err != nil {
		return nil, err
	}
	if err := t.sortMemory(); err != nil {
		return nil, err
	}
	t.RCSorted = slices.Clone(t.RC)
	slices.Sort(t.RCSorted)
	for i, v := range t.RCSorted {
		t.Columns[2][i].SetUint64(v)
	}
	return t, nil
}

// checkFlags rejects the flag combinations Stone's decoder refuses.
func checkFlags(flags uint64) error {
	if flags>>nFlags != 0 {
		return errors.New("flag bit 15 is set")
	}
	count := func(bits ...int) int {
		n := 0
		for _, b := range bits {
			n += int(flags >> b & 1)
		}
		return n
	}
	switch {
	case count(bitOp1Imm, bitOp1FP, bitOp1AP) > 1:
		return errors.New("two op1 sources")
	case count(bitResAdd, bitResMul) > 1:
		return errors.New("res is both add and mul")
	case count(bitPCJumpAbs, bitPCJumpRel, bitPCJnz) > 1:
		return errors.New("two pc updates")
	case count(bitAPAdd, bitAPAdd1) > 1:
		return errors.New("two ap updates")
	case count(bitOpcodeCall, bitOpcodeRet, bitOpcodeAssertEq) > 1:
		return errors.New("two opcodes")
	case flags>>bitPCJnz&1 == 1 && count(bitResAdd, bitResMul) > 0:
		return errors.New("jnz with a res operation")
	}
	return nil
}

// addOffset adds a biased 16-bit offset to an address.
func addOffset(base, biased uint64) (uint64, error) {
	a := int64(base) + int64(biased) - halfOffset
	if int64(base) < 0 || a < 0 {
		return 0, fmt.Errorf("address %d%+d out of range", base, int64(biased)-halfOffset)
	}
	return uint64(a), nil
}

var prime = fp.Modulus()

func parseFelt(s string) (fp.Element, error) {
	v, ok := new(big.Int).SetString(s, 0)
	if !ok || v.Sign() < 0 || v.Cmp(prime) >= 0 {
		return fp.Element{}, fmt.Errorf("value %q is not a field element", s)
	}
	var e fp.Element
	e.SetBigInt(v)
	return e, nil
}

// fillMemory writes the pool's vacant slots as Stone's MemoryCell::Finalize
// does: each takes the next address missing from [min, max], and once
// none is left, address max+1 with value 0.
func (t *Plain) fillMemory(set []bool) error {
	lo, hi := ^uint64(0), uint64(0)
	for i, ok := range set {
		if ok {
			lo, hi = min(lo, t.PoolAddr[i]), max(hi, t.PoolAddr[i])
		}
	}
	if hi-lo >= uint64(len(set))*4 {
		return fmt.Errorf("%w: memory addresses span [%d, %d], too wide for %d cells", ErrExecution, lo, hi, len(set))
	}
	used := make([]bool, hi-lo+1)
	for i, ok := range set {
		if ok {
			used[t.PoolAddr[i]-lo] = true
		}
	}
	next := lo
	for i, ok := range set {
		if ok {
			continue
		}
		for next <= hi && used[next-lo] {
			next++
		}
		t.PoolAddr[i] = next
		t.Columns[3][2*i].SetUint64(next)
		// value stays 0
		if next <= hi {
			next++
		}
	}
	for ; next <= hi; next++ {
		if !used[next-lo] {
			return fmt.Errorf("%w: memory has more address holes than the trace has spare cells", ErrExecution)
		}
	}
	return nil
}

// fillRC writes the range-check pool's vacant rows as Stone's
// RangeCheckCell::Finalize does: each takes the next value missing from
// [rc_min, rc_max], and once none is left, rc_max.
func (t *Plain) fillRC(set []bool) error {
	lo, hi := t.RCMin, t.RCMax
	if hi-lo >= uint64(len(set))*4 {
		return fmt.Errorf("%w: range [%d, %d] too wide for the trace", ErrExecution, lo, hi)
	}
	used := make([]bool, hi-lo+1)
	for i, ok := range set {
		if !ok {
			continue
		}
		v := t.RC[i]
		if v < lo || v > hi {
			return fmt.Errorf("%w: range-check value %d (trace row %d) outside [rc_min, rc_max] = [%d, %d]", ErrExecution, v, i, lo, hi)
		}
		used[v-lo] = true
	}
	last := lo - 1
	for i, ok := range set {
		if ok {
			continue
		}
		for last != hi {
			last++
			if !used[last-lo] {
				break
			}
		}
		t.RC[i] = last
		t.Columns[0][i].SetUint64(last)
	}
	for last++; last <= hi; last++ {
		if !used[last-lo] {
			return fmt.Errorf("%w: trace too short for the range-check holes in [%d, %d]", ErrExecution, lo, hi)
		}
	}
	return nil
}

// sortMemory fills column 4 and checks what Stone's
// ValidateConsecutiveCells checks: sorted addresses repeat with the same
// value or go up by one.
func (t *Plain) sortMemory() error {
	idx := make([]int, len(t.PoolAddr))
	for i := range idx {
		idx[i] = i
	}
	// Cells with equal addresses hold equal values, so the order among
	// them does not show.
	sort.Slice(idx, func(a, b int) bool { return t.PoolAddr[idx[a]] < t.PoolAddr[idx[b]] })
	t.SortedAddr = make([]uint64, len(idx))
	t.SortedValue = make([]fp.Element, len(idx))
	for k, i := range idx {
		t.SortedAddr[k], t.SortedValue[k] = t.PoolAddr[i], t.PoolValue[i]
		t.Columns[4][2*k].SetUint64(t.PoolAddr[i])
		t.Columns[4][2*k+1] = t.PoolValue[i]
		if k == 0 {
			continue
		}
		pa, a := t.SortedAddr[k-1], t.SortedAddr[k]
		switch {
		case a == pa && !t.SortedValue[k-1].Equal(&t.SortedValue[k]):
			return fmt.Errorf("%w: address %d holds two values (public memory disagrees with memory?)", ErrExecution, a)
		case a != pa && a != pa+1:
			return fmt.Errorf("%w: memory gap between addresses %d and %d", ErrExecution, pa, a)
		}
	}
	return nil
}
