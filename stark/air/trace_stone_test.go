package air

import (
	"encoding/binary"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/stark/proof"
	"github.com/cairn-vm/cairn/stark/testvectors"
)

// cpuOnly are the virtual columns the CPU component alone writes (Stone's
// CpuComponent::WriteTrace), besides its memory and range-check pool cells.
var cpuOnly = map[string]bool{
	"cpu/registers/ap": true, "cpu/registers/fp": true, "cpu/operands/ops_mul": true, "cpu/operands/res": true,
	"cpu/update_registers/update_pc/tmp0": true, "cpu/update_registers/update_pc/tmp1": true,
	"cpu/decode/opcode_range_check/column": true,
}

// TestStoneCPUColumns places each Stone vector's CPU values with its
// layout's virtual columns and checks them against Stone's proof of that
// run: every main-trace column that only CPU virtual columns use (plain:
// the opcode range check's bit-unpacking column and the
// registers/operands column; the other layouts: the bit-unpacking column)
// is interpolated over the trace domain and evaluated at the OODS point
// z·g^offset of every mask item that reads it; each value must equal the
// OODS value Stone sent. A misplaced virtual column (wrong column, step or
// row offset) changes the polynomial and fails this. The values follow
// Stone's CpuComponent::WriteTrace; cells no virtual column names stay
// zero, as in Stone's zero-initialized trace.
func TestStoneCPUColumns(t *testing.T) {
	dir := testvectors.Require(t)
	for _, name := range []string{"plain", "small", "dex", "recursive", "recursive_with_poseidon", "starknet_with_keccak", "starknet"} {
		if testing.Short() && name == "starknet" {
			continue // 2^21 trace rows
		}
		t.Run(name, func(t *testing.T) { checkCPUColumns(t, filepath.Join(dir, name+"-stone")) })
	}
}

func checkCPUColumns(t *testing.T, vec string) {
	raw, err := os.ReadFile(filepath.Join(vec, "trace.bin"))
	if err != nil {
		t.Fatal(err)
	}
	type entry struct{ ap, fp, pc uint64 }
	var steps []entry
	for i := 0; i+24 <= len(raw); i += 24 {
		steps = append(steps, entry{binary.LittleEndian.Uint64(raw[i:]), binary.LittleEndian.Uint64(raw[i+8:]), binary.LittleEndian.Uint64(raw[i+16:])})
	}
	raw, err = os.ReadFile(filepath.Join(vec, "memory.bin"))
	if err != nil {
		t.Fatal(err)
	}
	mem := map[uint64]fp.Element{}
	for i := 0; i+40 <= len(raw); i += 40 {
		le := raw[i+8 : i+40]
		be := make([]byte, 32)
		for k := range be {
			be[k] = le[31-k]
		}
		var v fp.Element
		v.SetBigInt(new(big.Int).SetBytes(be))
		mem[binary.LittleEndian.Uint64(raw[i:])] = v
	}
	data, err := os.ReadFile(filepath.Join(vec, "proof.json"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := proof.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if uint64(len(steps)) != p.PublicInput.NSteps {
		t.Fatalf("%d trace entries, n_steps %d", len(steps), p.PublicInput.NSteps)
	}
	l, err := ByName(p.PublicInput.Layout)
	if err != nil {
		t.Fatal(err)
	}
	n := l.TraceLength(p.PublicInput.NSteps)
	// The columns only CPU virtual columns use.
	owned := map[int]bool{}
	for _, v := range l.VirtualColumns() {
		if cpuOnly[v.Name] {
			if _, seen := owned[v.Column]; !seen {
				owned[v.Column] = true
			}
		} else {
			owned[v.Column] = false
		}
	}
	at := func(addr uint64) fp.Element {
		v, ok := mem[addr]
		if !ok {
			t.Fatalf("memory cell %d not in memory.bin", addr)
		}
		return v
	}
	cols := map[int][]fp.Element{}
	set := func(name string, i uint64, v fp.Element) {
		vc, ok := l.VirtualColumn(name)
		if !ok {
			t.Fatalf("no virtual column %s", name)
		}
		if !owned[vc.Column] {
			return
		}
		if cols[vc.Column] == nil {
			cols[vc.Column] = make([]fp.Element, n)
		}
		cols[vc.Column][vc.Row(i)] = v
	}
	const rcHeight = offsetBits // RangeCheckComponent's height: one bit-unpacking cell per flag shift
	for i, s := range steps {
		inst := at(s.pc)
		enc := inst.Uint64()
		off := func(k uint) int64 { return int64((enc>>(16*k))&0xffff) - 1<<15 }
		flags := enc >> 48
		bit := func(b uint) bool { return flags>>b&1 == 1 }
		reg := func(isFp bool) uint64 {
			if isFp {
				return s.fp
			}
			return s.ap
		}
		dstAddr := uint64(int64(reg(bit(0))) + off(0))
		op0Addr := uint64(int64(reg(bit(1))) + off(1))
		dst, op0 := at(dstAddr), at(op0Addr)
		var op1Base uint64
		switch {
		case bit(2):
			op1Base = s.pc
		case bit(3):
			op1Base = s.fp
		case bit(4):
			op1Base = s.ap
		default:
			op1Base = op0.Uint64()
		}
		op1 := at(uint64(int64(op1Base) + off(2)))
		var mul, res, tmp0, tmp1 fp.Element
		mul.Mul(&op0, &op1)
		switch {
		case bit(5):
			res.Add(&op0, &op1)
		case bit(6):
			res = mul
		case bit(9):
			if !dst.IsZero() {
				res.Inverse(&dst)
			}
		default:
			res = op1
		}
		if bit(9) {
			tmp0 = dst
		}
		tmp1.Mul(&tmp0, &res)
		var ap, fpv fp.Element
		ap.SetUint64(s.ap)
		fpv.SetUint64(s.fp)
		u := uint64(i)
		set("cpu/registers/ap", u, ap)
		set("cpu/registers/fp", u, fpv)
		set("cpu/operands/ops_mul", u, mul)
		set("cpu/operands/res", u, res)
		set("cpu/update_registers/update_pc/tmp0", u, tmp0)
		set("cpu/update_registers/update_pc/tmp1", u, tmp1)
		for j := uint64(0); j < rcHeight; j++ {
			var v fp.Element
			v.SetUint64(flags >> j)
			set("cpu/decode/opcode_range_check/column", u*rcHeight+j, v)
		}
	}

	ann, err := p.TranscriptAnnotations()
	if err != nil {
		t.Fatal(err)
	}
	var z fp.Element
	oods := map[int]fp.Element{}
	for _, a := range ann {
		if !strings.HasSuffix(a.Scope, "/Out Of Domain Sampling/OODS values") || a.Kind != "Field Element" {
			continue
		}
		var v fp.Element
		if _, err := v.SetString(a.Value); err != nil {
			t.Fatal(err)
		}
		if a.Label == "Evaluation point" {
			z = v
			continue
		}
		k, err := strconv.Atoi(a.Label)
		if err != nil {
			t.Fatal(err)
		}
		oods[k] = v
	}
	if z.IsZero() || len(oods) != len(l.Mask)+l.ConstraintDegree {
		t.Fatalf("OODS point %v, %d values", z, len(oods))
	}
	basis := lagrangeAt(n, TraceGenerator(n), z)
	checked := 0
	for k, m := range l.Mask {
		col, ok := cols[m.Column]
		if !ok {
			continue
		}
		// p(z·g^r) is the interpolant of the rows shifted by r, at z.
		var got, term fp.Element
		for i := range basis {
			term.Mul(&basis[i], &col[(uint64(i)+uint64(m.RowOffset))%n])
			got.Add(&got, &term)
		}
		if want := oods[k]; !got.Equal(&want) {
			t.Errorf("mask item %d (column %d, row %d): %s from the virtual columns, Stone's OODS value %s", k, m.Column, m.RowOffset, got.Text(16), want.Text(16))
		}
		checked++
	}
	if len(cols) == 0 || checked < int(rcHeight) {
		t.Errorf("%d CPU-only columns, %d mask items checked", len(cols), checked)
	}
	t.Logf("%s: %d mask items of columns %v checked", l.Name, checked, keys(cols))
}

func keys(m map[int][]fp.Element) []int {
	var out []int
	for k := range m {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}

// lagrangeAt returns the Lagrange basis of the subgroup <g> of order n at
// x: L_i(x) = (x^n - 1)/n · g^i/(x - g^i), so that the interpolant of ys
// is Σ ys[i]·L_i(x).
func lagrangeAt(n uint64, g, x fp.Element) []fp.Element {
	dens := make([]fp.Element, n)
	pows := make([]fp.Element, n)
	var w fp.Element
	w.SetOne()
	for i := range dens {
		pows[i] = w
		dens[i].Sub(&x, &w)
		w.Mul(&w, &g)
	}
	inv := fp.BatchInvert(dens)
	var c, nInv, one fp.Element
	c.Exp(x, new(big.Int).SetUint64(n))
	one.SetOne()
	c.Sub(&c, &one)
	nInv.SetUint64(n)
	nInv.Inverse(&nInv)
	c.Mul(&c, &nInv)
	for i := range inv {
		inv[i].Mul(&inv[i], &pows[i])
		inv[i].Mul(&inv[i], &c)
	}
	return inv
}
