package air

import (
	"encoding/binary"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/stark/proof"
	"github.com/cairn-vm/cairn/stark/testvectors"
)

// TestPlainStoneCPUColumns places the plain-stone run's CPU values with the
// plain layout's virtual columns and checks them against Stone's proof of
// that run: the two main-trace columns the CPU alone fills (the opcode
// range check's bit-unpacking column and the registers/operands column)
// are interpolated over the trace domain and evaluated at the OODS point
// z·g^offset of every mask item that reads them; each value must equal
// the OODS value Stone sent. A misplaced virtual column (wrong column,
// step or row offset) changes the polynomial and fails this. The values
// follow Stone's CpuComponent::WriteTrace; cells no virtual column names
// stay zero, as in Stone's zero-initialized trace.
func TestPlainStoneCPUColumns(t *testing.T) {
	dir := testvectors.Require(t)
	vec := filepath.Join(dir, "plain-stone")
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
	l := Plain
	n := l.TraceLength(p.PublicInput.NSteps)
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
		if cols[vc.Column] == nil {
			cols[vc.Column] = make([]fp.Element, n)
		}
		cols[vc.Column][vc.Row(i)] = v
	}
	rcHeight := l.Trace.Constants["kCpuComponentHeight"] // Stone's kOffsetBits: one bit-unpacking row per flag
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
	g := TraceGenerator(n)
	checked := 0
	for k, m := range l.Mask {
		col, ok := cols[m.Column]
		if !ok {
			continue
		}
		var x, gOff fp.Element
		gOff.Exp(g, big.NewInt(int64(m.RowOffset)))
		x.Mul(&z, &gOff)
		got := interpolateAt(col, g, x)
		if want := oods[k]; !got.Equal(&want) {
			t.Errorf("mask item %d (column %d, row %d): %s from the virtual columns, Stone's OODS value %s", k, m.Column, m.RowOffset, got.Text(16), want.Text(16))
		}
		checked++
	}
	if checked != 24 {
		t.Errorf("%d mask items checked, want the 24 of columns 1 and 5", checked)
	}
}

// interpolateAt evaluates at x the polynomial that takes ys[i] at g^i
// (barycentric form over the subgroup of order len(ys)):
// (x^n - 1)/n · Σ ys[i]·g^i/(x - g^i).
func interpolateAt(ys []fp.Element, g, x fp.Element) fp.Element {
	n := len(ys)
	dens := make([]fp.Element, n)
	pows := make([]fp.Element, n)
	var w fp.Element
	w.SetOne()
	for i := range ys {
		pows[i] = w
		dens[i].Sub(&x, &w)
		w.Mul(&w, &g)
	}
	inv := fp.BatchInvert(dens)
	var sum, term fp.Element
	for i := range ys {
		term.Mul(&ys[i], &pows[i])
		term.Mul(&term, &inv[i])
		sum.Add(&sum, &term)
	}
	var xn, nInv, one fp.Element
	xn.Exp(x, big.NewInt(int64(n)))
	one.SetOne()
	xn.Sub(&xn, &one)
	nInv.SetUint64(uint64(n))
	nInv.Inverse(&nInv)
	sum.Mul(&sum, &xn)
	sum.Mul(&sum, &nInv)
	return sum
}
