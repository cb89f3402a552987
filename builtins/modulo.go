package builtins

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/vm/memory"
)

// The modulo builtins' parameters, the same in every layout of cairo-lang
// 0.14.0.1 (AddModInstanceDef / MulModInstanceDef in instances.py).
const (
	modWordBits  = 96
	modNWords    = 4
	modBatchSize = 1
	// modMaxN is MAX_N of mod_builtin_runner.py.
	modMaxN = 100000
)

// The input cells of a modulo builtin instance.
const (
	modP0 = iota
	_
	_
	_
	modValuesPtr
	modOffsetsPtr
	modN
	modInputCells
)

var modInputNames = []string{"p0", "p1", "p2", "p3", "values_ptr", "offsets_ptr", "n"}

var (
	modShift  = new(big.Int).Lsh(big.NewInt(1), modWordBits)
	modIntLim = new(big.Int).Lsh(big.NewInt(1), modWordBits*modNWords)
)

// ModBuiltin is the add_mod or mul_mod builtin: instances of seven cells
// (the modulus p in four 96-bit words, a pointer to a table of values, a
// pointer to a table of offsets into it, and the number n of operations
// left), each asserting op(a, b) = c (mod p) for the values at the next
// three offsets. Nothing is deduced: common/modulo.cairo's hint fills the
// instances and the values table (FillModMemory), and the security check
// verifies them.
type ModBuiltin struct {
	base
	mul    bool
	kBound *big.Int
	zeros  memory.Ptr
}

// NewAddMod returns the add_mod builtin.
func NewAddMod(included bool, lb LayoutBuiltin) *ModBuiltin {
	sh := Shapes["add_mod"]
	return &ModBuiltin{base: newBase("add_mod", included, lb, sh.Cells, sh.Inputs, sh.InstPerComponent, sh.ExtraUnits), kBound: big.NewInt(2)}
}

// NewMulMod returns the mul_mod builtin.
func NewMulMod(included bool, lb LayoutBuiltin) *ModBuiltin {
	sh := Shapes["mul_mod"]
	return &ModBuiltin{base: newBase("mul_mod", included, lb, sh.Cells, sh.Inputs, sh.InstPerComponent, sh.ExtraUnits), mul: true, kBound: modIntLim}
}

// BatchSize is instance_def.batch_size.
func (b *ModBuiltin) BatchSize() int { return modBatchSize }

// NeededZeros is get_needed_number_allocated_zeros: max(n_words, 3 * batch_size).
func (b *ModBuiltin) NeededZeros() uint64 { return max(modNWords, 3*modBatchSize) }

// SetZeros records where the zeros are.
func (b *ModBuiltin) SetZeros(z memory.Ptr) { b.zeros = z }

func (b *ModBuiltin) opName() string {
	if b.mul {
		return "<built-in function mul>"
	}
	return "<built-in function add>"
}

func (b *ModBuiltin) op(x, y *big.Int) *big.Int {
	if b.mul {
		return new(big.Int).Mul(x, y)
	}
	return new(big.Int).Add(x, y)
}

func modAssert(format string, args ...any) error {
	return &AssertionError{Msg: fmt.Sprintf(format, args...)}
}

// readWords is read_n_words_value: the n_words words at addr and their
// value; ok is false (with the words read so far) when a word is missing.
func readWords(m *memory.Memory, addr memory.Ptr) (words []*big.Int, value *big.Int, ok bool, err error) {
	value = new(big.Int)
	for i := 0; i < modNWords; i++ {
		a := addr.AddUint(uint64(i))
		v := m.Get(a)
		if !v.IsSet() {
			return words, nil, false, nil
		}
		f, isFelt := v.Felt()
		if !isFelt {
			return nil, nil, false, modAssert("Expected integer at address %v. Got: %v.", a, v)
		}
		w := f.BigInt()
		if w.Cmp(modShift) >= 0 {
			return nil, nil, false, modAssert("Expected integer at address %v to be smaller than 2^%d. Got: %v.", a, modWordBits, w)
		}
		words = append(words, w)
		value.Add(value, new(big.Int).Lsh(w, uint(modWordBits*i)))
	}
	return words, value, true, nil
}

// writeWords is write_n_words_value.
func writeWords(m *memory.Memory, addr memory.Ptr, value *big.Int) error {
	v := new(big.Int).Set(value)
	mask := new(big.Int).Sub(modShift, big.NewInt(1))
	for i := 0; i < modNWords; i++ {
		w := new(big.Int).And(v, mask)
		if err := m.Set(addr.AddUint(uint64(i)), memory.FromFelt(felt.FromBigInt(w))); err != nil {
			return err
		}
		v.Rsh(v, modWordBits)
	}
	if v.Sign() != 0 {
		return modAssert("")
	}
	return nil
}

// modInputs is the dictionary read_inputs returns.
type modInputs struct {
	valuesPtr, offsetsPtr memory.Ptr
	n                     *big.Int // nil when not read
	p                     *big.Int
	pw                    []*big.Int
}

// repr is Python's repr of the inputs dictionary.
func (in *modInputs) repr() string {
	var b strings.Builder
	fmt.Fprintf(&b, "{'values_ptr': %s, 'offsets_ptr': %s", pyReprPtr(in.valuesPtr), pyReprPtr(in.offsetsPtr))
	if in.n != nil {
		fmt.Fprintf(&b, ", 'n': %v", in.n)
	}
	fmt.Fprintf(&b, ", 'p': %v", in.p)
	for i, w := range in.pw {
		fmt.Fprintf(&b, ", 'p%d': %v", i, w)
	}
	b.WriteString("}")
	return b.String()
}

func pyReprPtr(p memory.Ptr) string {
	return fmt.Sprintf("RelocatableValue(segment_index=%d, offset=%d)", p.Segment, p.Offset)
}

func (b *ModBuiltin) readPtr(m *memory.Memory, addr memory.Ptr) (memory.Ptr, error) {
	v, err := m.Read(addr)
	if err != nil {
		return memory.Ptr{}, err
	}
	p, ok := v.Ptr()
	if !ok {
		return memory.Ptr{}, modAssert("%s builtin: Expected RelocatableValue at address %v. Got: %v.", b.name, addr, v)
	}
	return p, nil
}

// readInputs is read_inputs.
func (b *ModBuiltin) readInputs(m *memory.Memory, addr memory.Ptr, readN bool) (*modInputs, error) {
	in := &modInputs{}
	var err error
	if in.valuesPtr, err = b.readPtr(m, addr.AddUint(modValuesPtr)); err != nil {
		return nil, err
	}
	if in.offsetsPtr, err = b.readPtr(m, addr.AddUint(modOffsetsPtr)); err != nil {
		return nil, err
	}
	if readN {
		nAddr := addr.AddUint(modN)
		v, err := m.Read(nAddr)
		if err != nil {
			return nil, err
		}
		f, ok := v.Felt()
		if !ok {
			return nil, modAssert("%s builtin: Expected integer at address %v. Got: %v.", b.name, nAddr, v)
		}
		if f.IsZero() {
			return nil, modAssert("%s builtin: Expected n >= 1. Got: %v.", b.name, f)
		}
		in.n = f.BigInt()
	}
	pAddr := addr.AddUint(modP0)
	words, value, ok, err := readWords(m, pAddr)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, modAssert("%s builtin: Missing value at address %v.", b.name, pAddr.AddUint(uint64(len(words))))
	}
	in.p, in.pw = value, words
	return in, nil
}

// cellAt is base + off for a felt offset; ok is false for offsets no
// memory cell can have.
func cellAt(base memory.Ptr, off *big.Int) (memory.Ptr, bool) {
	if !off.IsUint64() || base.Offset+off.Uint64() < base.Offset {
		return memory.Ptr{}, false
	}
	return base.AddUint(off.Uint64()), true
}

func readOffset(m *memory.Memory, addr memory.Ptr) (*big.Int, memory.Value, error) {
	v, err := m.Read(addr)
	if err != nil {
		return nil, v, err
	}
	f, ok := v.Felt()
	if !ok {
		return nil, v, nil
	}
	return f.BigInt(), v, nil
}

// modVars is read_memory_vars' dictionary for one operation.
type modVars struct {
	off   [3]*big.Int
	val   [3]*big.Int
	words [3][]*big.Int
}

func (v *modVars) repr() string {
	var parts []string
	for i, s := range "abc" {
		parts = append(parts, fmt.Sprintf("'%c_offset': %v", s, v.off[i]), fmt.Sprintf("'%c': %v", s, v.val[i]))
		for d, w := range v.words[i] {
			parts = append(parts, fmt.Sprintf("'%c%d': %v", s, d, w))
		}
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// readVars is read_memory_vars.
func (b *ModBuiltin) readVars(m *memory.Memory, in *modInputs, k int) (*modVars, error) {
	vars := &modVars{}
	for i := 0; i < 3; i++ {
		off, v, err := readOffset(m, in.offsetsPtr.AddUint(uint64(i+3*k)))
		if err != nil {
			return nil, err
		}
		if off == nil {
			return nil, modAssert("%s builtin: Expected integer at address %v. Got: %v.", b.name, in.offsetsPtr.AddUint(uint64(i)), v)
		}
		vars.off[i] = off
		addr, ok := cellAt(in.valuesPtr, off)
		var words []*big.Int
		var value *big.Int
		if ok {
			if words, value, ok, err = readWords(m, addr); err != nil {
				return nil, err
			}
		}
		if !ok {
			return nil, modAssert("%s builtin: Missing value at address %s.", b.name, pyAddr(in.valuesPtr, new(big.Int).Add(off, big.NewInt(int64(len(words))))))
		}
		vars.val[i], vars.words[i] = value, words
	}
	return vars, nil
}

// pyAddr prints base + off as Python does, whatever the size of off.
func pyAddr(base memory.Ptr, off *big.Int) string {
	return fmt.Sprintf("%d:%v", base.Segment, new(big.Int).Add(new(big.Int).SetUint64(base.Offset), off))
}

// SecurityCheck is ModBuiltinRunner.run_security_checks.
func (b *ModBuiltin) SecurityCheck(m *memory.Memory) error {
	if _, err := checkInputCells(m, &b.base); err != nil {
		return err
	}
	size := b.UsedCells(m)
	n := (size + b.cellsPerInst - 1) / b.cellsPerInst
	var prev *modInputs
	one := big.NewInt(1)
	for i := uint64(0); i < n; i++ {
		in, err := b.readInputs(m, b.seg.AddUint(i*b.nInputCells), true)
		if err != nil {
			return err
		}
		if prev != nil && prev.n.Cmp(big.NewInt(modBatchSize)) > 0 {
			for d := range in.pw {
				if in.pw[d].Cmp(prev.pw[d]) != 0 {
					return modAssert("")
				}
			}
			if in.valuesPtr != prev.valuesPtr || in.offsetsPtr != prev.offsetsPtr.AddUint(3*modBatchSize) ||
				in.n.Cmp(new(big.Int).Sub(prev.n, big.NewInt(modBatchSize))) != 0 {
				return modAssert("")
			}
		}
		for k := 0; k < modBatchSize; k++ {
			vars, err := b.readVars(m, in, k)
			if err != nil {
				return err
			}
			a, bb, c := vars.val[0], vars.val[1], vars.val[2]
			res := b.op(a, bb)
			if in.p.Sign() == 0 {
				return modAssert("integer modulo by zero")
			}
			if new(big.Int).Mod(res, in.p).Cmp(new(big.Int).Mod(c, in.p)) != 0 {
				return modAssert("%s builtin: Expected a %s b == c (mod p). Got: instance=%d, batch=%d, inputs=%s, values=%s.",
					b.name, b.opName(), i, k, in.repr(), vars.repr())
			}
			diff := new(big.Int).Sub(res, c)
			if diff.Cmp(new(big.Int).Mul(b.kBound, in.p)) >= 0 || diff.Sign() < 0 {
				return modAssert("%s builtin: Expected (a %s b - c)/p to be in {0,1,...,%v} Got: instance=%d, batch=%d, inputs=%s, values=%s.",
					b.name, b.opName(), new(big.Int).Sub(b.kBound, one), i, k, in.repr(), vars.repr())
			}
		}
		prev = in
	}
	if prev != nil && prev.n.Cmp(big.NewInt(modBatchSize)) != 0 {
		return modAssert("")
	}
	return nil
}

// fillInputs is fill_inputs: instances 1.. copy the first one's inputs.
func (b *ModBuiltin) fillInputs(m *memory.Memory, ptr memory.Ptr, in *modInputs) error {
	if in.n.Cmp(big.NewInt(modMaxN)) > 0 {
		return modAssert("%s builtin: n must be <= %d", b.name, modMaxN)
	}
	nInst := in.n.Uint64() / modBatchSize
	for i := uint64(1); i < nInst; i++ {
		inst := ptr.AddUint(i * modInputCells)
		for d, w := range in.pw {
			if err := m.Set(inst.AddUint(uint64(modP0+d)), memory.FromFelt(felt.FromBigInt(w))); err != nil {
				return err
			}
		}
		if err := m.Set(inst.AddUint(modValuesPtr), memory.FromPtr(in.valuesPtr)); err != nil {
			return err
		}
		if err := m.Set(inst.AddUint(modOffsetsPtr), memory.FromPtr(in.offsetsPtr.AddUint(3*i*modBatchSize))); err != nil {
			return err
		}
		if err := m.Set(inst.AddUint(modN), memory.FromUint64(in.n.Uint64()-i*modBatchSize)); err != nil {
			return err
		}
	}
	return nil
}

// fillOffsets is fill_offsets: the first operation's offsets, copied to
// operations index.. index+copies-1.
func fillOffsets(m *memory.Memory, in *modInputs, index uint64, copies int64) error {
	var offs [3]memory.Value
	for j := range offs {
		v, err := m.Read(in.offsetsPtr.AddUint(uint64(j)))
		if err != nil {
			return err
		}
		offs[j] = v
	}
	for i := int64(0); i < copies; i++ {
		for j := range offs {
			if err := m.Set(in.offsetsPtr.AddUint(3*(index+uint64(i))+uint64(j)), offs[j]); err != nil {
				return err
			}
		}
	}
	return nil
}

type fillResult int

const (
	fillSuccess fillResult = iota
	fillMissingOperand
	fillZeroDivisor
)

// modInstance is ModBuiltinRunner.InstanceData.
type modInstance struct {
	b                     *ModBuiltin
	valuesPtr, offsetsPtr memory.Ptr
	p                     *big.Int
}

func pyOptList(vs []*big.Int) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		if v == nil {
			parts[i] = "None"
		} else {
			parts[i] = v.String()
		}
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// fillValue is InstanceData.fill_value: with exactly one of a, b, c
// unknown, compute and write it.
func (d *modInstance) fillValue(m *memory.Memory, index uint64) (fillResult, error) {
	b := d.b
	var addrs [3]memory.Ptr
	var inMem [3]bool
	values := make([]*big.Int, 3)
	for k := 0; k < 3; k++ {
		v, err := m.Read(d.offsetsPtr.AddUint(3*index + uint64(k)))
		if err != nil {
			return 0, err
		}
		f, ok := v.Felt()
		if !ok {
			return 0, fmt.Errorf("unsupported operand type(s) for +: 'RelocatableValue' and 'RelocatableValue'")
		}
		addrs[k], inMem[k] = cellAt(d.valuesPtr, f.BigInt())
		if inMem[k] {
			_, val, ok, err := readWords(m, addrs[k])
			if err != nil {
				return 0, err
			}
			if ok {
				values[k] = val
			}
		}
	}
	a, bv, c := values[0], values[1], values[2]
	if a != nil && bv != nil && c != nil {
		return fillSuccess, nil
	}
	p := d.p
	if p.Sign() == 0 {
		return 0, errors.New("integer modulo by zero")
	}
	write := func(k int, v *big.Int) error {
		if !inMem[k] {
			return fmt.Errorf("%s builtin: cannot write the value at an offset of 2^64 or more", b.name)
		}
		return writeWords(m, addrs[k], v)
	}
	km1 := new(big.Int).Sub(b.kBound, big.NewInt(1))
	if c == nil && a != nil && bv != nil {
		tmp := b.op(a, bv)
		lhs := new(big.Int).Sub(tmp, new(big.Int).Mul(km1, p))
		lim := new(big.Int).Sub(modIntLim, big.NewInt(1))
		if lhs.Cmp(lim) > 0 {
			return 0, modAssert("%s builtin: Expected a %s b - %v * p <= %v. Got: values=%s, p=%v.", b.name, b.opName(), km1, lim, pyOptList(values), p)
		}
		var v *big.Int
		if tmp.Cmp(new(big.Int).Mul(b.kBound, p)) < 0 {
			v = new(big.Int).Mod(tmp, p)
		} else {
			v = lhs
		}
		return fillSuccess, write(2, v)
	}
	var known, ind = (*big.Int)(nil), 0
	switch {
	case bv == nil && a != nil && c != nil:
		known, ind = a, 1
	case a == nil && bv != nil && c != nil:
		known, ind = bv, 0
	default:
		return fillMissingOperand, nil
	}
	res, v, err := b.calcOperand(known, c, p)
	if err != nil {
		return 0, err
	}
	if err := write(ind, v); err != nil {
		return 0, err
	}
	return res, nil
}

// calcOperand is calc_operand: the least x with op(x, known) = res + k*p,
// k in {0, ..., k_bound - 1}; for mul_mod with gcd(known, p) != 1 a
// nullifier instead.
func (b *ModBuiltin) calcOperand(known, res, p *big.Int) (fillResult, *big.Int, error) {
	if !b.mul {
		if known.Cmp(new(big.Int).Add(res, p)) > 0 {
			return 0, nil, modAssert("add_mod builtin: addend greater than sum + p: %v > %v + %v.", known, res, p)
		}
		if known.Cmp(res) <= 0 {
			return fillSuccess, new(big.Int).Sub(res, known), nil
		}
		return fillSuccess, new(big.Int).Sub(new(big.Int).Add(res, p), known), nil
	}
	g := new(big.Int).GCD(nil, nil, new(big.Int).Abs(known), p)
	if known.Sign() == 0 {
		g.Set(p)
	}
	if g.Cmp(big.NewInt(1)) != 0 {
		return fillZeroDivisor, new(big.Int).Quo(p, g), nil
	}
	x := new(big.Int).ModInverse(new(big.Int).Mod(known, p), p)
	if p.Cmp(big.NewInt(1)) == 0 {
		x = big.NewInt(0)
	}
	tmpVal := new(big.Int).Mod(new(big.Int).Mul(res, x), p)
	num := new(big.Int).Sub(new(big.Int).Mul(known, tmpVal), res)
	tmpK, rem := new(big.Int).QuoRem(num, p, new(big.Int))
	if rem.Sign() != 0 {
		return 0, nil, modAssert("%v is not divisible by %v.", num, p)
	}
	if tmpK.Cmp(b.kBound) >= 0 {
		return 0, nil, modAssert("mul_mod builtin: ((%v * q) - %v) / %v > %v for any q > 0, such that %v * q = %v (mod %v).", known, res, p, b.kBound, known, res, p)
	}
	if tmpK.Sign() >= 0 {
		return fillSuccess, tmpVal, nil
	}
	// tmp_val + p * ((known - 1 - tmp_k) // known), all positive.
	q := new(big.Int).Sub(new(big.Int).Sub(known, big.NewInt(1)), tmpK)
	q.Quo(q, known)
	return fillSuccess, q.Mul(q, p).Add(q, tmpVal), nil
}

// ModFill is one builtin's part of a fill_memory call: the builtin, the
// address of its first instance, and the number of operations n.
type ModFill struct {
	B   *ModBuiltin
	Ptr memory.Ptr
	N   felt.Felt
}

// FillModMemory is ModBuiltinRunner.fill_memory: it completes the inputs
// of the instances after the first, pads the offsets tables, and computes
// the missing values of the values table. A nil part is Python's None.
func FillModMemory(m *memory.Memory, add, mul *ModFill) error {
	if add != nil && add.N.IsZero() {
		add = nil
	}
	if mul != nil && mul.N.IsZero() {
		mul = nil
	}
	maxN := felt.FromUint64(modMaxN)
	var addInst, mulInst *modInstance
	var addN, mulN uint64
	if add != nil {
		if add.N.Cmp(maxN) > 0 {
			return modAssert("%s builtin: n must be <= %d", add.B.name, modMaxN)
		}
		addN = add.N.Uint64()
		in, err := add.B.readInputs(m, add.Ptr, true)
		if err != nil {
			return err
		}
		addInst = &modInstance{b: add.B, valuesPtr: in.valuesPtr, offsetsPtr: in.offsetsPtr, p: in.p}
		if err := add.B.fillInputs(m, add.Ptr, in); err != nil {
			return err
		}
		copies := new(big.Int).Sub(in.n, new(big.Int).SetUint64(addN))
		if copies.Sign() > 0 {
			if err := fillOffsets(m, in, addN, copies.Int64()); err != nil {
				return err
			}
		}
	}
	var mulIn *modInputs
	if mul != nil {
		if mul.N.Cmp(maxN) > 0 {
			return modAssert("%s builtin: n must be <= %d", mul.B.name, modMaxN)
		}
		mulN = mul.N.Uint64()
		in, err := mul.B.readInputs(m, mul.Ptr, false)
		if err != nil {
			return err
		}
		mulIn = in
		mulInst = &modInstance{b: mul.B, valuesPtr: in.valuesPtr, offsetsPtr: in.offsetsPtr, p: in.p}
	}
	if addInst == nil && mulInst == nil {
		return modAssert("At least one of add_mod and mul_mod must be given.")
	}
	var addIdx, mulIdx uint64
	computed, haveComputed := uint64(0), false
	for addIdx < addN || mulIdx < mulN {
		if addIdx < addN {
			r, err := addInst.fillValue(m, addIdx)
			if err != nil {
				return err
			}
			if r == fillSuccess {
				addIdx++
				continue
			}
		}
		if mulIdx < mulN {
			r, err := mulInst.fillValue(m, mulIdx)
			if err != nil {
				return err
			}
			switch {
			case r == fillMissingOperand:
				return fmt.Errorf("Exception: Could not fill the values table, add_mod_index=%d, mul_mod_index=%d", addIdx, mulIdx)
			case r == fillZeroDivisor && !haveComputed:
				computed, haveComputed = mulIdx, true
			}
			mulIdx++
			continue
		}
		// cairo-lang loops forever here.
		return fmt.Errorf("Exception: Could not fill the values table, add_mod_index=%d, mul_mod_index=%d", addIdx, mulIdx)
	}
	if mul == nil {
		return nil
	}
	nAddr := mul.Ptr.AddUint(modN)
	if !haveComputed {
		computed = mulN
		if v := m.Get(nAddr); v.IsSet() {
			f, ok := v.Felt()
			if !ok || !f.IsUint64() {
				return fmt.Errorf("%s builtin: unsupported n %v", mul.B.name, v)
			}
			computed = f.Uint64()
		}
		mulIn.n = new(big.Int).SetUint64(computed)
		if copies := int64(computed) - int64(mulN); copies > 0 {
			if err := fillOffsets(m, mulIn, mulN, copies); err != nil {
				return err
			}
		}
	}
	if err := m.Set(nAddr, memory.FromUint64(computed)); err != nil {
		return err
	}
	mulIn.n = new(big.Int).SetUint64(computed)
	return mul.B.fillInputs(m, mul.Ptr, mulIn)
}

// MemoryAccesser is a builtin whose get_memory_accesses (the cells that
// count as accessed for the memory-holes count of proof mode) reaches
// beyond its own segment, which AccessesWholeSegment covers.
type MemoryAccesser interface {
	MemoryAccesses(m *memory.Memory, segmentSize uint64) ([]memory.Ptr, error)
}

// MemoryAccesses is get_memory_accesses beyond the builtin's own segment:
// each instance's offsets and the values they point at count as accessed
// for the memory-holes count.
func (b *ModBuiltin) MemoryAccesses(m *memory.Memory, segmentSize uint64) ([]memory.Ptr, error) {
	n := (segmentSize + b.cellsPerInst - 1) / b.cellsPerInst
	var out []memory.Ptr
	for i := uint64(0); i < n; i++ {
		inst := b.seg.AddUint(i * b.nInputCells)
		offs, err := b.readPtr(m, inst.AddUint(modOffsetsPtr))
		if err != nil {
			return nil, err
		}
		vals, err := b.readPtr(m, inst.AddUint(modValuesPtr))
		if err != nil {
			return nil, err
		}
		for k := uint64(0); k < 3*modBatchSize; k++ {
			a := offs.AddUint(k)
			out = append(out, a)
			off, _, err := readOffset(m, a)
			if err != nil {
				return nil, err
			}
			if off == nil {
				return nil, fmt.Errorf("%s builtin: offset at %v is not an integer", b.name, a)
			}
			at, ok := cellAt(vals, off)
			if !ok {
				return nil, fmt.Errorf("%s builtin: offset at %v is too large", b.name, a)
			}
			for j := uint64(0); j < modNWords; j++ {
				out = append(out, at.AddUint(j))
			}
		}
	}
	return out, nil
}

// RelocatedPrivateInput is air_private_input: the instances with their
// relocated pointers and the values their operations use, and the address
// of the zeros.
func (b *ModBuiltin) RelocatedPrivateInput(m *memory.Memory, rel *memory.Relocation) (any, bool, error) {
	byIdx := map[uint64]map[string]any{}
	var idxs []uint64
	valuesAt := map[uint64]memory.Ptr{}
	offsetsAt := map[uint64]memory.Ptr{}
	var err error
	m.EachCell(b.seg.Segment, func(off uint64, v memory.Value) bool {
		idx, typ := off/modInputCells, off%modInputCells
		e, ok := byIdx[idx]
		if !ok {
			batch := make([]any, modBatchSize)
			for i := range batch {
				batch[i] = map[string]any{}
			}
			e = map[string]any{"index": idx, "batch": batch}
			byIdx[idx] = e
			idxs = append(idxs, idx)
		}
		var val any
		if p, isPtr := v.Ptr(); isPtr {
			switch typ {
			case modValuesPtr:
				valuesAt[idx] = p
			case modOffsetsPtr:
				offsetsAt[idx] = p
			default:
				err = fmt.Errorf("%s builtin: unexpected pointer at %v", b.name, p)
				return false
			}
			a, e := rel.Ptr(p)
			if e != nil {
				err = e
				return false
			}
			val = a
		} else {
			f := v.MustFelt()
			if typ < modValuesPtr {
				val = f.Hex()
			} else {
				val = json.Number(f.String())
			}
		}
		e[modInputNames[typ]] = val
		return true
	})
	if err != nil {
		return nil, false, err
	}
	for idx, offs := range offsetsAt {
		vals, ok := valuesAt[idx]
		if !ok {
			return nil, false, fmt.Errorf("%s builtin: instance %d has no values_ptr", b.name, idx)
		}
		batch := byIdx[idx]["batch"].([]any)
		for k := 0; k < modBatchSize; k++ {
			entry := batch[k].(map[string]any)
			for i, s := range "abc" {
				off, _, err := readOffset(m, offs.AddUint(uint64(i+3*k)))
				if err != nil {
					return nil, false, err
				}
				if off == nil {
					return nil, false, fmt.Errorf("%s builtin: non-integer offset", b.name)
				}
				entry[fmt.Sprintf("%c_offset", s)] = json.Number(off.String())
				at, ok := cellAt(vals, off)
				if !ok {
					return nil, false, fmt.Errorf("%s builtin: offset too large", b.name)
				}
				for d := uint64(0); d < modNWords; d++ {
					f, err := m.ReadFelt(at.AddUint(d))
					if err != nil {
						return nil, false, err
					}
					entry[fmt.Sprintf("%c%d", s, d)] = f.Hex()
				}
			}
		}
	}
	sortU64(idxs)
	insts := make([]any, 0, len(idxs))
	for _, i := range idxs {
		insts = append(insts, byIdx[i])
	}
	z, err := rel.Ptr(b.zeros)
	if err != nil {
		return nil, false, err
	}
	return map[string]any{"instances": insts, "zero_value_address": z}, true, nil
}

// PrivateInput without a relocation is not defined for the modulo
// builtins (RelocatedPrivateInput is).
func (b *ModBuiltin) PrivateInput(*memory.Memory) (any, bool) { return nil, false }
