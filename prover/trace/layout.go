package trace

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/runner"
	"github.com/cairn-vm/cairn/stark/air"
)

// Trace is a layout's main trace, written from the layout's trace-generation
// context (stark/air's virtual columns) as Stone's CpuAir::GetTrace writes
// it, with the pools the interaction trace is built from.
type Trace struct {
	Layout *air.Layout
	NSteps uint64
	Length uint64
	// Columns are the main trace's columns, each of Length values.
	Columns [][]fp.Element

	vcs map[string]air.VirtualColumn
	mem *memPool
	rc  *tablePool
	dil *tablePool

	Public       []PublicCell
	NPublicSlots uint64
	RCMin, RCMax uint64

	// Sorted copies, for the interaction.
	sortedAddr  []uint64
	sortedValue []fp.Element
	rcSorted    []uint64
	dilSorted   []uint64
}

// memPool is Stone's MemoryCell: the address/value units of mem_pool.
type memPool struct {
	addrVC, valueVC air.VirtualColumn
	addr            []uint64
	value           []fp.Element
	set, public     []bool
}

// tablePool is Stone's TableCheckCell (range_check16_pool, diluted_pool).
type tablePool struct {
	vc     air.VirtualColumn
	values []uint64
	set    []bool
}

// vc returns the virtual column called name.
func (t *Trace) vc(name string) (air.VirtualColumn, error) {
	v, ok := t.vcs[name]
	if !ok {
		return v, fmt.Errorf("%w: layout %s has no virtual column %s", ErrExecution, t.Layout.Name, name)
	}
	return v, nil
}

// set writes cell i of a main-trace virtual column.
func (t *Trace) set(v air.VirtualColumn, i uint64, x fp.Element) {
	t.Columns[v.Column][v.Row(i)] = x
}

// view maps index i of a virtual column sharing a pool's cells to the
// pool's unit index (Stone's GetRelativeSubview).
type view struct {
	vc     air.VirtualColumn
	parent air.VirtualColumn
}

func (t *Trace) viewOf(name string, parent air.VirtualColumn) (view, error) {
	v, err := t.vc(name)
	if err != nil {
		return view{}, err
	}
	if v.Column != parent.Column || v.Step%parent.Step != 0 || v.RowOffset < parent.RowOffset || (v.RowOffset-parent.RowOffset)%parent.Step != 0 {
		return view{}, fmt.Errorf("%w: virtual column %s is not inside its pool", ErrExecution, name)
	}
	return view{v, parent}, nil
}

func (w view) at(i uint64) uint64 { return (w.vc.Row(i) - w.parent.RowOffset) / w.parent.Step }

// size is the number of cells of the view inside the trace.
func (w view) size(length uint64) uint64 {
	if w.vc.RowOffset >= length {
		return 0
	}
	return (length - w.vc.RowOffset + w.vc.Step - 1) / w.vc.Step
}

func (m *memPool) write(t *Trace, idx, addr uint64, v fp.Element, public bool) error {
	if idx >= uint64(len(m.set)) {
		return fmt.Errorf("%w: memory unit %d outside the pool", ErrExecution, idx)
	}
	if m.set[idx] {
		return fmt.Errorf("%w: memory unit %d written twice", ErrExecution, idx)
	}
	m.set[idx], m.addr[idx], m.value[idx], m.public[idx] = true, addr, v, public
	if public {
		return nil // the trace shows public cells as (0, 0)
	}
	var a fp.Element
	a.SetUint64(addr)
	t.set(m.addrVC, idx, a)
	t.set(m.valueVC, idx, v)
	return nil
}

// memWriter writes one memory view (name/addr, name/value) of the pool.
func (t *Trace) memWriter(name string) (func(i, addr uint64, v fp.Element) error, view, error) {
	w, err := t.viewOf(name+"/addr", t.mem.addrVC)
	if err != nil {
		return nil, w, err
	}
	return func(i, addr uint64, v fp.Element) error {
		return t.mem.write(t, w.at(i), addr, v, false)
	}, w, nil
}

func (p *tablePool) write(t *Trace, idx, v uint64) error {
	if idx >= uint64(len(p.set)) {
		return fmt.Errorf("%w: %s unit %d outside the pool", ErrExecution, p.vc.Name, idx)
	}
	if p.set[idx] {
		return fmt.Errorf("%w: %s unit %d written twice", ErrExecution, p.vc.Name, idx)
	}
	p.set[idx], p.values[idx] = true, v
	var x fp.Element
	x.SetUint64(v)
	t.set(p.vc, idx, x)
	return nil
}

func (t *Trace) tableWriter(p *tablePool, name string) (func(i, v uint64) error, view, error) {
	w, err := t.viewOf(name, p.vc)
	if err != nil {
		return nil, w, err
	}
	return func(i, v uint64) error { return p.write(t, w.at(i), v) }, w, nil
}

func newTablePool(vc air.VirtualColumn, length uint64) *tablePool {
	n := vc.Size(length)
	return &tablePool{vc: vc, values: make([]uint64, n), set: make([]bool, n)}
}

// Build writes the main trace of a proof-mode execution for its public
// input's layout: the CPU component, the public memory, every builtin the
// layout has (from the private input), then the pools' padding and the
// sorted columns, in the order of Stone's CpuAir::GetTrace.
func Build(e *runner.Execution) (*Trace, error) {
	if e == nil || e.PublicInput == nil {
		return nil, fmt.Errorf("%w: no public input", ErrExecution)
	}
	pi := e.PublicInput
	layout, err := air.ByName(pi.Layout)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrExecution, err)
	}
	if layout.Dynamic != nil || layout.Trace == nil {
		return nil, fmt.Errorf("%w: layout %s: no fixed trace-generation context", ErrExecution, layout.Name)
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
	if layout.CpuComponentStep != 1 {
		return nil, fmt.Errorf("%w: layout %s: cpu component step %d", ErrExecution, layout.Name, layout.CpuComponentStep)
	}
	priv, err := parsePrivate(e.PrivateInput)
	if err != nil {
		return nil, err
	}
	mem, err := newMemory(e)
	if err != nil {
		return nil, err
	}
	t := &Trace{Layout: layout, NSteps: n, Length: n * layout.CpuComponentHeight, RCMin: pi.RcMin, RCMax: pi.RcMax,
		vcs: map[string]air.VirtualColumn{}}
	for _, v := range layout.VirtualColumns() {
		t.vcs[v.Name] = v
	}
	t.Columns = make([][]fp.Element, layout.NColumnsFirst)
	for c := range t.Columns {
		t.Columns[c] = make([]fp.Element, t.Length)
	}
	addrVC, err := t.vc("mem_pool/addr")
	if err != nil {
		return nil, err
	}
	valueVC, err := t.vc("mem_pool/value")
	if err != nil {
		return nil, err
	}
	np := addrVC.Size(t.Length)
	t.mem = &memPool{addrVC: addrVC, valueVC: valueVC, addr: make([]uint64, np), value: make([]fp.Element, np),
		set: make([]bool, np), public: make([]bool, np)}
	rcVC, err := t.vc("range_check16_pool")
	if err != nil {
		return nil, err
	}
	t.rc = newTablePool(rcVC, t.Length)
	if layout.HasDilutedPool {
		dv, err := t.vc("diluted_pool")
		if err != nil {
			return nil, err
		}
		t.dil = newTablePool(dv, t.Length)
	}

	if err := t.writeCPU(e, mem); err != nil {
		return nil, err
	}
	if err := t.writePublicMemory(e); err != nil {
		return nil, err
	}
	seg := func(name string) (uint64, bool) {
		for _, s := range pi.MemorySegments {
			if s.Name == name {
				return s.BeginAddr, true
			}
		}
		return 0, false
	}
	var rcFinalize func() error
	for _, b := range layout.Trace.Builtins {
		if !b.Used || b.Name == "output" {
			continue
		}
		begin, ok := seg(b.Name)
		if !ok {
			return nil, fmt.Errorf("%w: public input has no %s segment", ErrExecution, b.Name)
		}
		if b.Ratio == 0 || n%b.Ratio != 0 {
			return nil, fmt.Errorf("%w: %d steps do not hold whole %s instances (ratio %d)", ErrExecution, n, b.Name, b.Ratio)
		}
		nInst := n / b.Ratio
		if b.Name == "keccak" {
			// A keccak component holds one invocation per diluted bit.
			if nInst%layout.DilutedNBits != 0 || layout.DilutedNBits == 0 {
				return nil, fmt.Errorf("%w: %d keccak instances are not whole components", ErrExecution, nInst)
			}
			nInst /= layout.DilutedNBits
		}
		switch b.Name {
		case "pedersen":
			err = t.writePedersen(begin, nInst, priv.Pedersen)
		case "range_check":
			rcFinalize, err = t.writeRangeCheck(begin, nInst, priv.RangeCheck)
		case "bitwise":
			err = t.writeBitwise(begin, nInst, priv.Bitwise)
		case "poseidon":
			err = t.writePoseidon(begin, nInst, priv.Poseidon)
		case "ec_op":
			err = t.writeEcOp(begin, nInst, priv.EcOp)
		case "keccak":
			err = t.writeKeccak(begin, nInst, priv.Keccak)
		case "ecdsa":
			err = t.writeEcdsa(begin, nInst, priv.Ecdsa)
		default:
			err = fmt.Errorf("%w: the %s builtin's trace is not implemented", ErrExecution, b.Name)
		}
		if err != nil {
			return nil, err
		}
	}

	if err := t.finalizeRC(); err != nil {
		return nil, err
	}
	if rcFinalize != nil {
		if err := rcFinalize(); err != nil {
			return nil, err
		}
	}
	if t.dil != nil {
		if err := t.finalizeDiluted(); err != nil {
			return nil, err
		}
	}
	if err := t.finalizeMemory(); err != nil {
		return nil, err
	}
	if err := t.writeSortedMemory(); err != nil {
		return nil, err
	}
	if err := t.writeSortedRC(); err != nil {
		return nil, err
	}
	if t.dil != nil {
		if err := t.writeSortedDiluted(); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// writeCPU is Stone's CpuComponent::WriteTrace for every step.
func (t *Trace) writeCPU(e *runner.Execution, mem *memory) error {
	inst, _, err := t.memWriter("cpu/decode/mem_inst")
	if err != nil {
		return err
	}
	dstW, _, err := t.memWriter("cpu/operands/mem_dst")
	if err != nil {
		return err
	}
	op0W, _, err := t.memWriter("cpu/operands/mem_op0")
	if err != nil {
		return err
	}
	op1W, _, err := t.memWriter("cpu/operands/mem_op1")
	if err != nil {
		return err
	}
	var offW [3]func(i, v uint64) error
	for k, name := range []string{"cpu/decode/off0", "cpu/decode/off1", "cpu/decode/off2"} {
		if offW[k], _, err = t.tableWriter(t.rc, name); err != nil {
			return err
		}
	}
	names := []string{"cpu/decode/opcode_range_check/column", "cpu/registers/ap", "cpu/registers/fp",
		"cpu/operands/ops_mul", "cpu/operands/res", "cpu/update_registers/update_pc/tmp0", "cpu/update_registers/update_pc/tmp1"}
	var v [7]air.VirtualColumn
	for k, name := range names {
		if v[k], err = t.vc(name); err != nil {
			return err
		}
	}
	flagsVC, apVC, fpVC, mulVC, resVC, tmp0VC, tmp1VC := v[0], v[1], v[2], v[3], v[4], v[5], v[6]
	h := t.Layout.CpuComponentHeight
	read := func(step uint64, what string, addr uint64) (fp.Element, error) {
		v, ok := mem.get(addr)
		if !ok {
			return v, fmt.Errorf("%w: step %d: %s address %d is not in memory", ErrExecution, step, what, addr)
		}
		return v, nil
	}
	for i, te := range e.Trace {
		step := uint64(i)
		instV, err := read(step, "pc", te.PC)
		if err != nil {
			return err
		}
		if !instV.IsUint64() || instV.Uint64()>>63 != 0 {
			return fmt.Errorf("%w: step %d: instruction at pc %d is not below 2^63", ErrExecution, step, te.PC)
		}
		word := instV.Uint64()
		off := [3]uint64{word & 0xffff, word >> 16 & 0xffff, word >> 32 & 0xffff}
		flags := word >> 48
		if err := checkFlags(flags); err != nil {
			return fmt.Errorf("%w: step %d: instruction %#x at pc %d: %v", ErrExecution, step, word, te.PC, err)
		}
		if err := inst(step, te.PC, instV); err != nil {
			return err
		}
		for k := range off {
			if err := offW[k](step, off[k]); err != nil {
				return err
			}
		}
		for j := uint64(0); j < h; j++ {
			var f fp.Element
			f.SetUint64(flags >> j)
			t.set(flagsVC, step*h+j, f)
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
			return fmt.Errorf("%w: step %d: dst address: %v", ErrExecution, step, err)
		}
		dst, err := read(step, "dst", dstAddr)
		if err != nil {
			return err
		}
		op0Addr, err := addOffset(reg(bit(bitOp0Reg)), off[1])
		if err != nil {
			return fmt.Errorf("%w: step %d: op0 address: %v", ErrExecution, step, err)
		}
		op0, err := read(step, "op0", op0Addr)
		if err != nil {
			return err
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
				return fmt.Errorf("%w: step %d: op1 base op0 is not an address", ErrExecution, step)
			}
			base = op0.Uint64()
		}
		op1Addr, err := addOffset(base, off[2])
		if err != nil {
			return fmt.Errorf("%w: step %d: op1 address: %v", ErrExecution, step, err)
		}
		op1, err := read(step, "op1", op1Addr)
		if err != nil {
			return err
		}
		if err := dstW(step, dstAddr, dst); err != nil {
			return err
		}
		if err := op0W(step, op0Addr, op0); err != nil {
			return err
		}
		if err := op1W(step, op1Addr, op1); err != nil {
			return err
		}
		var mul, res, tmp0, tmp1, ap, fpv fp.Element
		mul.Mul(&op0, &op1)
		switch {
		case bit(bitResAdd):
			res.Add(&op0, &op1)
		case bit(bitResMul):
			res = mul
		case bit(bitPCJnz):
			res.Inverse(&dst)
		default:
			res = op1
		}
		if bit(bitPCJnz) {
			tmp0 = dst
		}
		tmp1.Mul(&tmp0, &res)
		ap.SetUint64(te.AP)
		fpv.SetUint64(te.FP)
		t.set(apVC, step, ap)
		t.set(fpVC, step, fpv)
		t.set(mulVC, step, mul)
		t.set(resVC, step, res)
		t.set(tmp0VC, step, tmp0)
		t.set(tmp1VC, step, tmp1)
	}
	return nil
}

// writePublicMemory is CpuAir::WritePublicMemory: the public cells, then
// the first one repeated, as (0, 0) in the trace.
func (t *Trace) writePublicMemory(e *runner.Execution) error {
	pm := e.PublicInput.PublicMemory
	w, err := t.viewOf("orig/public_memory/addr", t.mem.addrVC)
	if err != nil {
		return err
	}
	t.NPublicSlots = w.vc.Size(t.Length)
	if len(pm) == 0 {
		return fmt.Errorf("%w: public memory is empty", ErrExecution)
	}
	if uint64(len(pm)) > t.NPublicSlots {
		return fmt.Errorf("%w: %d public memory cells but room for %d", ErrExecution, len(pm), t.NPublicSlots)
	}
	t.Public = make([]PublicCell, len(pm))
	for i, c := range pm {
		v, err := parseFelt(c.Value)
		if err != nil {
			return fmt.Errorf("%w: public memory entry %d (address %d): %v", ErrExecution, i, c.Address, err)
		}
		t.Public[i] = PublicCell{c.Address, v}
	}
	for k := uint64(0); k < t.NPublicSlots; k++ {
		c := t.Public[0]
		if k < uint64(len(t.Public)) {
			c = t.Public[k]
		}
		if err := t.mem.write(t, w.at(k), c.Addr, c.Value, true); err != nil {
			return fmt.Errorf("public memory cell %d: %w", k, err)
		}
	}
	return nil
}

func (t *Trace) finalizeRC() error {
	return finalizeRange(t, t.rc, t.RCMin, t.RCMax)
}

// finalizeRange is RangeCheckCell::Finalize.
func finalizeRange(t *Trace, p *tablePool, lo, hi uint64) error {
	if hi-lo >= uint64(len(p.set))*4+(1<<16) {
		return fmt.Errorf("%w: range [%d, %d] too wide for the trace", ErrExecution, lo, hi)
	}
	used := make([]bool, hi-lo+1)
	for i, ok := range p.set {
		if !ok {
			continue
		}
		v := p.values[i]
		if v < lo || v > hi {
			return fmt.Errorf("%w: range-check value %d (unit %d) outside [rc_min, rc_max] = [%d, %d]", ErrExecution, v, i, lo, hi)
		}
		used[v-lo] = true
	}
	last := lo - 1
	for i, ok := range p.set {
		if ok {
			continue
		}
		for last != hi {
			last++
			if !used[last-lo] {
				break
			}
		}
		if err := p.write(t, uint64(i), last); err != nil {
			return err
		}
	}
	for last++; last <= hi; last++ {
		if !used[last-lo] {
			return fmt.Errorf("%w: trace too short for the range-check holes in [%d, %d]", ErrExecution, lo, hi)
		}
	}
	return nil
}

// finalizeMemory is MemoryCell::Finalize.
func (t *Trace) finalizeMemory() error {
	m := t.mem
	lo, hi := ^uint64(0), uint64(0)
	for i, ok := range m.set {
		if ok {
			lo, hi = min(lo, m.addr[i]), max(hi, m.addr[i])
		}
	}
	if lo > hi {
		return fmt.Errorf("%w: memory is empty", ErrExecution)
	}
	if hi-lo >= uint64(len(m.set))*4 {
		return fmt.Errorf("%w: memory addresses span [%d, %d], too wide for %d cells", ErrExecution, lo, hi, len(m.set))
	}
	used := make([]bool, hi-lo+1)
	for i, ok := range m.set {
		if ok {
			used[m.addr[i]-lo] = true
		}
	}
	next := lo
	for i, ok := range m.set {
		if ok {
			continue
		}
		for next <= hi && used[next-lo] {
			next++
		}
		if err := m.write(t, uint64(i), next, fp.Element{}, false); err != nil {
			return err
		}
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

// writeSortedMemory is MemoryComponentProverContext::WriteTrace: the pool
// sorted by address, checked continuous.
func (t *Trace) writeSortedMemory() error {
	m := t.mem
	av, err := t.vc("memory/sorted/addr")
	if err != nil {
		return err
	}
	vv, err := t.vc("memory/sorted/value")
	if err != nil {
		return err
	}
	idx := make([]int, len(m.addr))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return m.addr[idx[a]] < m.addr[idx[b]] })
	t.sortedAddr = make([]uint64, len(idx))
	t.sortedValue = make([]fp.Element, len(idx))
	for k, i := range idx {
		t.sortedAddr[k], t.sortedValue[k] = m.addr[i], m.value[i]
		var a fp.Element
		a.SetUint64(m.addr[i])
		t.set(av, uint64(k), a)
		t.set(vv, uint64(k), m.value[i])
		if k == 0 {
			continue
		}
		pa, a2 := t.sortedAddr[k-1], t.sortedAddr[k]
		switch {
		case a2 == pa && !t.sortedValue[k-1].Equal(&t.sortedValue[k]):
			return fmt.Errorf("%w: address %d holds two values (public memory disagrees with memory?)", ErrExecution, a2)
		case a2 != pa && a2 != pa+1:
			return fmt.Errorf("%w: memory gap between addresses %d and %d", ErrExecution, pa, a2)
		}
	}
	return nil
}

func (t *Trace) writeSortedRC() error {
	v, err := t.vc("range_check16/sorted")
	if err != nil {
		return err
	}
	t.rcSorted = slices.Clone(t.rc.values)
	slices.Sort(t.rcSorted)
	for i, x := range t.rcSorted {
		var e fp.Element
		e.SetUint64(x)
		t.set(v, uint64(i), e)
	}
	return nil
}

// decodeJSON re-decodes an in-memory JSON-like value into out.
func decodeJSON(in any, out any) error {
	raw, err := json.Marshal(in)
	if err != nil {
		return err
	}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	return d.Decode(out)
}
