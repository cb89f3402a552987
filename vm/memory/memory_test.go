package memory

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/big"
	"math/rand"
	"testing"

	"github.com/cairn-vm/cairn/felt"
)

func TestWriteOnce(t *testing.T) {
	m := New()
	s := m.AddSegment()
	a := s.AddUint(3)
	if err := m.Set(a, FromUint64(5)); err != nil {
		t.Fatal(err)
	}
	if err := m.Set(a, FromUint64(5)); err != nil {
		t.Fatalf("same value rewrite: %v", err)
	}
	err := m.Set(a, FromUint64(6))
	var iw *InconsistentWriteError
	if !errors.As(err, &iw) || err.Error() != "Inconsistent memory assignment at address 0:3. 5 != 6." {
		t.Fatalf("got %v", err)
	}
	if _, err := m.Read(s); err == nil || err.Error() != "Unknown value for memory cell at address 0:0." {
		t.Fatalf("unknown cell: %v", err)
	}
	if m.UsedSize(0) != 4 || m.CountCells() != 1 {
		t.Fatalf("sizes %d %d", m.UsedSize(0), m.CountCells())
	}
}

func TestFarWrites(t *testing.T) {
	m := New()
	s := m.AddSegment()
	far := s.AddUint(1 << 40)
	if err := m.Set(far, FromUint64(1)); err != nil {
		t.Fatal(err)
	}
	if v := m.Get(far); v != FromUint64(1) {
		t.Fatalf("far read %v", v)
	}
	if err := m.Set(far, FromUint64(2)); err == nil {
		t.Fatal("inconsistent far write accepted")
	}
	if m.UsedSize(0) != 1<<40+1 {
		t.Fatalf("used size %d", m.UsedSize(0))
	}
	// Growing the dense part past a far cell keeps it.
	mid := s.AddUint(5000)
	if err := m.Set(mid, FromUint64(3)); err != nil {
		t.Fatal(err)
	}
	m2 := New()
	s2 := m2.AddSegment()
	_ = m2.Set(s2.AddUint(farThreshold+10), FromUint64(9))
	for i := uint64(0); i < 2*farThreshold; i += 1 << 10 {
		if err := m2.Set(s2.AddUint(i), FromUint64(i)); err != nil {
			t.Fatal(err)
		}
	}
	if v := m2.Get(s2.AddUint(farThreshold + 10)); v != FromUint64(9) {
		t.Fatalf("far cell lost after growth: %v", v)
	}
	if !m2.TrySet(s2.AddUint(farThreshold+11), FromUint64(1)) {
		t.Log("fast path declined (allowed)")
	}
	if err := m2.Set(s2.AddUint(farThreshold+10), FromUint64(8)); err == nil {
		t.Fatal("overwrite of migrated far cell accepted")
	}
}

func TestArithmetic(t *testing.T) {
	p := FromPtr(Ptr{2, 10})
	if v, err := Add(p, FromFelt(felt.FromInt64(-3))); err != nil || v != FromPtr(Ptr{2, 7}) {
		t.Fatalf("ptr - 3: %v %v", v, err)
	}
	if _, err := Add(p, FromFelt(felt.FromInt64(-11))); err == nil {
		t.Fatal("negative offset accepted")
	}
	if _, err := Add(p, p); !errors.Is(err, ErrAddPointers) {
		t.Fatalf("ptr + ptr: %v", err)
	}
	if v, err := Sub(p, FromPtr(Ptr{2, 4})); err != nil || v != FromUint64(6) {
		t.Fatalf("ptr - ptr: %v %v", v, err)
	}
	if v, err := Sub(FromPtr(Ptr{2, 4}), p); err != nil || v != FromFelt(felt.FromInt64(-6)) {
		t.Fatalf("ptr - ptr negative: %v %v", v, err)
	}
	if _, err := Sub(p, FromPtr(Ptr{3, 4})); err == nil || err.Error() != "Can only subtract two relocatable values of the same segment (2 != 3)." {
		t.Fatalf("cross segment: %v", err)
	}
	if _, err := Mul(p, FromUint64(2)); err == nil {
		t.Fatal("ptr * 2 accepted")
	}
	f := FromFelt(felt.FromInt64(-1))
	if g, ok := f.Felt(); !ok || g != felt.FromInt64(-1) || f.IsPtr() {
		t.Fatal("felt round trip through Value")
	}
	if q, ok := p.Ptr(); !ok || q != (Ptr{2, 10}) || p.IsFelt() {
		t.Fatal("ptr round trip through Value")
	}
	if AddFelts(FromUint64(2), FromFelt(felt.FromInt64(-5))) != FromFelt(felt.FromInt64(-3)) {
		t.Fatal("AddFelts")
	}
	if !FromUint64(0).IsZeroFelt() || FromUint64(1).IsZeroFelt() || FromPtr(Ptr{0, 0}).IsZeroFelt() {
		t.Fatal("IsZeroFelt")
	}
	neg := FromPtr(Ptr{-3, 1})
	if q, _ := neg.Ptr(); q.Segment != -3 {
		t.Fatal("temporary segment index lost")
	}
}

func TestTemporarySegments(t *testing.T) {
	m := New()
	real := m.AddSegment()
	other := m.AddSegment()
	tmp := m.AddTempSegment()
	if tmp.Segment != -1 {
		t.Fatalf("temp index %d", tmp.Segment)
	}
	_ = m.Set(tmp, FromUint64(7))
	_ = m.Set(tmp.AddUint(1), FromUint64(8))
	_ = m.Set(other, FromPtr(tmp.AddUint(1)))
	if err := m.AddRelocationRule(tmp, real.AddUint(2)); err != nil {
		t.Fatal(err)
	}
	if v := m.Get(other); v != FromPtr(real.AddUint(3)) {
		t.Fatalf("pointer not relocated on read: %v", v)
	}
	if err := m.AddRelocationRule(tmp, real); err == nil {
		t.Fatal("second rule accepted")
	}
	if err := m.RelocateTemporary(); err != nil {
		t.Fatal(err)
	}
	if v := m.Get(real.AddUint(2)); v != FromUint64(7) {
		t.Fatalf("cell not moved: %v", v)
	}
	rel, err := m.Relocate(nil)
	if err != nil {
		t.Fatal(err)
	}
	if rel.Bases[0] != 1 || rel.Bases[1] != 5 {
		t.Fatalf("bases %v", rel.Bases)
	}
	cells, err := m.Relocated(rel)
	if err != nil {
		t.Fatal(err)
	}
	if len(cells) != 3 || cells[2].Addr != 5 || cells[2].Value != felt.FromUint64(4) {
		t.Fatalf("relocated %+v", cells)
	}
}

func TestValidation(t *testing.T) {
	m := New()
	s := m.AddSegment()
	m.AddValidator(s.Segment, func(_ *Memory, _ Ptr, v Value) error {
		if !v.IsFelt() {
			return errors.New("felt only")
		}
		return nil
	})
	if err := m.Set(s, FromPtr(s)); err == nil {
		t.Fatal("validator skipped")
	}
	if m.TrySet(s.AddUint(1), FromPtr(s)) {
		t.Fatal("fast path bypassed a validator")
	}
	m.Freeze()
	if err := m.Set(s.AddUint(2), FromUint64(1)); !errors.Is(err, ErrFrozen) {
		t.Fatalf("frozen: %v", err)
	}
}

func TestSecureScans(t *testing.T) {
	m := New()
	s0 := m.AddSegment()
	m.AddSegment()
	set := func(off uint64, v Value) {
		if err := m.Set(s0.AddUint(off), v); err != nil {
			t.Fatal(err)
		}
	}
	set(2, FromUint64(1))
	set(5, FromPtr(Ptr{Segment: 1}))
	set(9, FromPtr(Ptr{Segment: 3, Offset: 4}))
	set(1<<40, FromPtr(Ptr{Segment: -1}))
	set(1<<41, FromUint64(3))
	for _, c := range []struct {
		from uint64
		want uint64
		ok   bool
	}{{0, 2, true}, {3, 5, true}, {10, 1 << 40, true}, {1<<40 + 1, 1 << 41, true}, {1<<41 + 1, 0, false}} {
		if got, ok := m.FirstSetFrom(0, c.from); got != c.want || ok != c.ok {
			t.Errorf("FirstSetFrom(%d) = %d %v, want %d %v", c.from, got, ok, c.want, c.ok)
		}
	}
	if got, ok := m.FirstPointerOutside(0, 2); got != 9 || !ok {
		t.Errorf("FirstPointerOutside(0, 2) = %d %v", got, ok)
	}
	if got, ok := m.FirstPointerOutside(0, 4); got != 1<<40 || !ok {
		t.Errorf("FirstPointerOutside(0, 4) = %d %v", got, ok)
	}
	if _, ok := m.FirstPointerOutside(1, 4); ok {
		t.Error("empty segment has a bad pointer")
	}
}

// AddFelts works on raw Montgomery words; it must agree with the field
// library at the edges of the range (0, p-1, values near 2^251) and at
// random points.
func TestAddFelts(t *testing.T) {
	pm1 := felt.FromInt64(-1)
	edges := []felt.Felt{felt.FromUint64(0), felt.FromUint64(1), pm1, pm1.Sub(felt.FromUint64(1)),
		felt.FromBigInt(new(big.Int).Lsh(big.NewInt(1), 251)), felt.FromBigInt(new(big.Int).Lsh(big.NewInt(1), 250))}
	r := rand.New(rand.NewSource(1))
	for range 2000 {
		edges = append(edges, felt.FromBigInt(new(big.Int).Rand(r, felt.Prime())))
	}
	for i, a := range edges {
		for _, b := range edges[max(0, i-8) : i+1] {
			got := AddFelts(FromFelt(a), FromFelt(b))
			if want := FromFelt(a.Add(b)); got != want {
				t.Fatalf("%v + %v: got %v, want %v", a, b, got, want)
			}
		}
	}
}

// AppendRecords' inline Montgomery reduction must agree with the field
// library's canonical bytes, and pointers relocate to their addresses;
// it stops at pointers it cannot relocate.
func TestAppendRecords(t *testing.T) {
	pm1 := felt.FromInt64(-1)
	vals := []felt.Felt{felt.FromUint64(0), felt.FromUint64(1), felt.FromUint64(1 << 63), pm1, pm1.Sub(felt.FromUint64(1)),
		felt.FromBigInt(new(big.Int).Lsh(big.NewInt(1), 251)), felt.FromBigInt(new(big.Int).Lsh(big.NewInt(1), 192))}
	r := rand.New(rand.NewSource(2))
	for range 5000 {
		vals = append(vals, felt.FromBigInt(new(big.Int).Rand(r, felt.Prime())))
	}
	rel := &Relocation{Bases: []uint64{1, 100}}
	cells := []Value{{}, FromPtr(Ptr{Segment: 1, Offset: 7})}
	for _, f := range vals {
		cells = append(cells, FromFelt(f))
	}
	cells = append(cells, Value{}, FromPtr(Ptr{Segment: 2}), FromUint64(9))
	out, stop := rel.AppendRecords([]byte("prefix"), cells, 1000)
	if stop != len(cells)-2 {
		t.Fatalf("stopped at %d, want %d", stop, len(cells)-2)
	}
	if string(out[:6]) != "prefix" {
		t.Fatal("prefix lost")
	}
	out = out[6:]
	want := func(addr uint64, v [32]byte) []byte {
		var b [RecordSize]byte
		binary.LittleEndian.PutUint64(b[:], addr)
		copy(b[8:], v[:])
		return b[:]
	}
	exp := want(1001, felt.FromUint64(107).BytesLE())
	for i, f := range vals {
		exp = append(exp, want(1002+uint64(i), f.BytesLE())...)
	}
	if !bytes.Equal(out, exp) {
		for i := 0; i < len(exp); i += RecordSize {
			if !bytes.Equal(out[i:i+RecordSize], exp[i:i+RecordSize]) {
				t.Fatalf("record %d: got %x, want %x", i/RecordSize, out[i:i+RecordSize], exp[i:i+RecordSize])
			}
		}
		t.Fatalf("got %d bytes, want %d", len(out), len(exp))
	}
}

// TestSetCells: the cells come back only while no dense cell is a hole
// and no cell is far, through every way of writing (Set's fast and slow
// paths, TrySet and Claim, which can skip cells).
func TestSetCells(t *testing.T) {
	m := New()
	s := m.AddSegment()
	if c, ok := m.SetCells(0); !ok || len(c) != 0 {
		t.Fatalf("empty segment: %v %v", c, ok)
	}
	if _, ok := m.SetCells(1); ok {
		t.Fatal("unknown segment")
	}
	for i := uint64(0); i < 3; i++ {
		if err := m.Set(s.AddUint(i), FromUint64(i)); err != nil {
			t.Fatal(err)
		}
	}
	if c, ok := m.SetCells(0); !ok || len(c) != 3 || c[2] != FromUint64(2) {
		t.Fatalf("3 cells: %v %v", c, ok)
	}
	m.Reserve(0, 64)
	if !m.TrySet(s.AddUint(5), FromUint64(5)) {
		t.Fatal("TrySet")
	}
	if _, ok := m.SetCells(0); ok {
		t.Fatal("holes at 3 and 4")
	}
	*m.Claim(s.AddUint(4)) = FromUint64(4)
	if _, ok := m.SetCells(0); ok {
		t.Fatal("hole at 3")
	}
	if err := m.Set(s.AddUint(3), FromUint64(3)); err != nil {
		t.Fatal(err)
	}
	c, ok := m.SetCells(0)
	if !ok || len(c) != 6 || cap(c) != 6 {
		t.Fatalf("6 cells: %d %d %v", len(c), cap(c), ok)
	}
	if err := m.Set(s.AddUint(1<<40), FromUint64(7)); err != nil {
		t.Fatal(err)
	}
	if _, ok := m.SetCells(0); ok {
		t.Fatal("far cell")
	}
}
