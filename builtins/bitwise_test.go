package builtins

import (
	"errors"
	"math/big"
	"math/rand"
	"strings"
	"testing"

	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/vm/memory"
)

var testLB = LayoutBuiltin{Ratio: 8, RatioDen: 1}

// setup gives a memory with one builtin segment (segment 0) and its rules.
func setup(t testing.TB, r Runner) *memory.Memory {
	t.Helper()
	m := memory.New()
	r.InitSegments(m)
	r.AddRules(m)
	return m
}

func set(t testing.TB, m *memory.Memory, off uint64, v memory.Value) {
	t.Helper()
	if err := m.Set(memory.Ptr{Offset: off}, v); err != nil {
		t.Fatal(err)
	}
}

func bigValue(v *big.Int) memory.Value { return memory.FromFelt(felt.FromBigInt(v)) }

func deduce(t testing.TB, m *memory.Memory, off uint64) memory.Value {
	t.Helper()
	v, ok, err := m.Deduce(memory.Ptr{Offset: off})
	if err != nil || !ok {
		t.Fatalf("deduce %d: ok %v, err %v", off, ok, err)
	}
	return v
}

func TestBitwiseRandom(t *testing.T) {
	b := NewBitwise(true, testLB)
	m := setup(t, b)
	rng := rand.New(rand.NewSource(1))
	lim := new(big.Int).Lsh(big.NewInt(1), 251)
	edge := []*big.Int{big.NewInt(0), new(big.Int).Sub(lim, big.NewInt(1)), big.NewInt(1), new(big.Int).Lsh(big.NewInt(1), 250)}
	for i := 0; i < 200; i++ {
		var x, y *big.Int
		if i < len(edge)*len(edge) {
			x, y = edge[i/len(edge)], edge[i%len(edge)]
		} else {
			x, y = new(big.Int).Rand(rng, lim), new(big.Int).Rand(rng, lim)
		}
		base := uint64(5 * i)
		set(t, m, base, bigValue(x))
		set(t, m, base+1, bigValue(y))
		want := []*big.Int{new(big.Int).And(x, y), new(big.Int).Xor(x, y), new(big.Int).Or(x, y)}
		for j := 2; j >= 0; j-- { // outputs in any order
			if got := deduce(t, m, base+2+uint64(j)).MustFelt().BigInt(); got.Cmp(want[j]) != 0 {
				t.Fatalf("instance %d output %d: %v, want %v", i, j, got, want[j])
			}
		}
	}
	if err := b.VerifyAutoDeductions(m); err != nil {
		t.Fatal(err)
	}
	if err := b.SecurityCheck(m); err != nil {
		t.Fatal(err)
	}
}

func TestBitwiseErrors(t *testing.T) {
	b := NewBitwise(true, testLB)
	m := setup(t, b)
	// Missing input: nothing deduced.
	set(t, m, 0, memory.FromUint64(3))
	if _, ok, err := m.Deduce(memory.Ptr{Offset: 2}); ok || err != nil {
		t.Fatalf("deduced without y: %v %v", ok, err)
	}
	// Input cells are never deduced.
	if _, ok, _ := m.Deduce(memory.Ptr{Offset: 1}); ok {
		t.Fatal("deduced an input cell")
	}
	set(t, m, 1, memory.FromFelt(felt.FromInt64(-1)))
	_, _, err := m.Deduce(memory.Ptr{Offset: 3})
	want := "bitwise builtin: Expected integer at address 0:1 to be smaller than 2^251. Got: 3618502788666131213697322783095070105623107215331596699973092056135872020480."
	if err == nil || err.Error() != want {
		t.Fatalf("got %v\nwant %s", err, want)
	}
	// The secure run checks the unset outputs too.
	if err := b.SecurityCheck(m); err == nil || err.Error() != want {
		t.Fatalf("security check: %v", err)
	}
	set(t, m, 5, memory.FromPtr(memory.Ptr{Segment: 3, Offset: 4}))
	set(t, m, 6, memory.FromUint64(1))
	if _, _, err := m.Deduce(memory.Ptr{Offset: 9}); err == nil || err.Error() != "bitwise builtin: Expected integer at address 0:5. Got: 3:4." {
		t.Fatalf("pointer input: %v", err)
	}
}

func TestBitwiseVerifyAutoDeductions(t *testing.T) {
	b := NewBitwise(true, testLB)
	m := setup(t, b)
	set(t, m, 2, memory.FromUint64(5)) // x & y written before x and y
	set(t, m, 0, memory.FromUint64(6))
	set(t, m, 1, memory.FromUint64(3))
	err := b.VerifyAutoDeductions(m)
	var ie *InconsistentAutoDeductionError
	if !errors.As(err, &ie) || err.Error() != "Inconsistent auto deduction rule at address 0:2. 5 != 2." {
		t.Fatalf("got %v", err)
	}
}

func TestSecurityCheckMissing(t *testing.T) {
	b := NewBitwise(true, testLB)
	m := setup(t, b)
	set(t, m, 0, memory.FromUint64(1))
	set(t, m, 1, memory.FromUint64(1))
	set(t, m, 5, memory.FromUint64(1))
	set(t, m, 3, memory.FromUint64(0))
	if err := b.SecurityCheck(m); err == nil || err.Error() != "Missing memory cells for bitwise: 6." {
		t.Fatalf("got %v", err)
	}
	m = setup(t, NewBitwise(true, testLB))
	set(t, m, 5*30, memory.FromUint64(1))
	if err := NewBitwise(true, testLB).SecurityCheck(m); err == nil || err.Error() != "Missing memory cells for bitwise." {
		t.Fatalf("got %v", err)
	}
	// Many missing cells: the first 20 and "...".
	b = NewBitwise(true, testLB)
	m = setup(t, b)
	for i := uint64(0); i < 40; i++ {
		set(t, m, 5*i+2, memory.FromUint64(0))
		set(t, m, 5*i+3, memory.FromUint64(0))
		set(t, m, 5*i+4, memory.FromUint64(0))
	}
	set(t, m, 5*40, memory.FromUint64(0))
	err := b.SecurityCheck(m)
	if err == nil || !strings.HasPrefix(err.Error(), "Missing memory cells for bitwise: 0, 1, 5, 6,") || !strings.HasSuffix(err.Error(), ", 45, 46...") {
		t.Fatalf("got %v", err)
	}
}

func TestBitwiseDilutedUnits(t *testing.T) {
	// cairo-lang: BitwiseInstanceDef(total_n_bits=251).get_diluted_units_per_builtin(4, 16).
	if got := NewBitwise(true, testLB).UsedDilutedCheckUnits(4, 16); got != 68 {
		t.Fatalf("got %d", got)
	}
}
