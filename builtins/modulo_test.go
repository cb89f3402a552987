package builtins

import (
	"math/big"
	"math/rand"
	"strings"
	"testing"

	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/vm/memory"
)

// modSetup gives a memory with the add_mod and mul_mod segments (0 and 1),
// a values segment (2) and two offsets segments (3, 4).
func modSetup(t *testing.T) (*memory.Memory, *ModBuiltin, *ModBuiltin) {
	m := memory.New()
	add, mul := NewAddMod(true, testLB), NewMulMod(true, testLB)
	add.InitSegments(m)
	mul.InitSegments(m)
	for i := 0; i < 3; i++ {
		m.AddSegment()
	}
	return m, add, mul
}

func setWords(t *testing.T, m *memory.Memory, at memory.Ptr, v *big.Int) {
	t.Helper()
	if err := writeWords(m, at, v); err != nil {
		t.Fatal(err)
	}
}

func readValue(t *testing.T, m *memory.Memory, at memory.Ptr) *big.Int {
	t.Helper()
	_, v, ok, err := readWords(m, at)
	if err != nil || !ok {
		t.Fatalf("value at %v: %v %v", at, ok, err)
	}
	return v
}

// writeInstance writes the first instance of a modulo builtin.
func writeInstance(t *testing.T, m *memory.Memory, b *ModBuiltin, p *big.Int, offs memory.Ptr, n uint64) {
	t.Helper()
	setWords(t, m, b.Base(), p)
	mustSet(t, m, b.Base().AddUint(modValuesPtr), memory.FromPtr(memory.Ptr{Segment: 2}))
	mustSet(t, m, b.Base().AddUint(modOffsetsPtr), memory.FromPtr(offs))
	mustSet(t, m, b.Base().AddUint(modN), memory.FromUint64(n))
}

func mustSet(t *testing.T, m *memory.Memory, p memory.Ptr, v memory.Value) {
	t.Helper()
	if err := m.Set(p, v); err != nil {
		t.Fatal(err)
	}
}

func TestFillModMemoryRandom(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	p, _ := new(big.Int).SetString("1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab", 16)
	for round := 0; round < 20; round++ {
		m, add, mul := modSetup(t)
		vals := memory.Ptr{Segment: 2}
		// Inputs v0..v3; gate i writes v(4+i): alternately add and mul of
		// two earlier values; some gates are given c and deduce an operand.
		known := []*big.Int{}
		for i := 0; i < 4; i++ {
			v := new(big.Int).Rand(rng, p)
			known = append(known, v)
			setWords(t, m, vals.AddUint(uint64(4*i)), v)
		}
		var addN, mulN uint64
		type gate struct {
			mul     bool
			a, b, c int
		}
		var gates []gate
		for g := 0; g < 12; g++ {
			a, b := rng.Intn(len(known)), rng.Intn(len(known))
			c := len(known)
			isMul := g%2 == 1
			var v *big.Int
			if isMul {
				v = new(big.Int).Mul(known[a], known[b])
			} else {
				v = new(big.Int).Add(known[a], known[b])
			}
			known = append(known, v.Mod(v, p))
			gates = append(gates, gate{isMul, a, b, c})
		}
		for _, g := range gates {
			seg, n := 3, &addN
			if g.mul {
				seg, n = 4, &mulN
			}
			o := memory.Ptr{Segment: seg, Offset: 3 * *n}
			mustSet(t, m, o, memory.FromUint64(uint64(4*g.a)))
			mustSet(t, m, o.AddUint(1), memory.FromUint64(uint64(4*g.b)))
			mustSet(t, m, o.AddUint(2), memory.FromUint64(uint64(4*g.c)))
			*n++
		}
		writeInstance(t, m, add, p, memory.Ptr{Segment: 3}, addN)
		writeInstance(t, m, mul, p, memory.Ptr{Segment: 4}, mulN)
		err := FillModMemory(m, &ModFill{B: add, Ptr: add.Base(), N: felt.FromUint64(addN)}, &ModFill{B: mul, Ptr: mul.Base(), N: felt.FromUint64(mulN)})
		if err != nil {
			t.Fatal(err)
		}
		for i, want := range known {
			if got := readValue(t, m, vals.AddUint(uint64(4*i))); got.Cmp(want) != 0 {
				t.Fatalf("round %d value %d: %v, want %v", round, i, got, want)
			}
		}
		for _, b := range []*ModBuiltin{add, mul} {
			if err := b.SecurityCheck(m); err != nil {
				t.Fatalf("%s: %v", b.Name(), err)
			}
			if got := b.UsedInstances(m); got != 6 {
				t.Fatalf("%s: %d instances", b.Name(), got)
			}
		}
	}
}

func TestModDeduceOperands(t *testing.T) {
	m, add, mul := modSetup(t)
	p := big.NewInt(97)
	vals := memory.Ptr{Segment: 2}
	setWords(t, m, vals, big.NewInt(90))
	setWords(t, m, vals.AddUint(4), big.NewInt(10))
	// add: v0 + v2 = v1 (v2 = 10 - 90 + 97 = 17); mul: v0 * v3 = v1 (v3 = 10 / 90).
	for i, o := range []uint64{0, 8, 4} {
		mustSet(t, m, memory.Ptr{Segment: 3, Offset: uint64(i)}, memory.FromUint64(o))
	}
	for i, o := range []uint64{0, 12, 4} {
		mustSet(t, m, memory.Ptr{Segment: 4, Offset: uint64(i)}, memory.FromUint64(o))
	}
	writeInstance(t, m, add, p, memory.Ptr{Segment: 3}, 1)
	writeInstance(t, m, mul, p, memory.Ptr{Segment: 4}, 1)
	if err := FillModMemory(m, &ModFill{B: add, Ptr: add.Base(), N: felt.FromUint64(1)}, &ModFill{B: mul, Ptr: mul.Base(), N: felt.FromUint64(1)}); err != nil {
		t.Fatal(err)
	}
	if got := readValue(t, m, vals.AddUint(8)); got.Int64() != 17 {
		t.Fatalf("add operand %v", got)
	}
	q := readValue(t, m, vals.AddUint(12))
	if new(big.Int).Mod(new(big.Int).Mul(q, big.NewInt(90)), p).Int64() != 10 {
		t.Fatalf("mul operand %v", q)
	}
	// Break the add gate's c: the security check names the gate.
	m2, add2, _ := modSetup(t)
	setWords(t, m2, vals, big.NewInt(5))
	setWords(t, m2, vals.AddUint(4), big.NewInt(6))
	setWords(t, m2, vals.AddUint(8), big.NewInt(12))
	for i, o := range []uint64{0, 4, 8} {
		mustSet(t, m2, memory.Ptr{Segment: 3, Offset: uint64(i)}, memory.FromUint64(o))
	}
	writeInstance(t, m2, add2, p, memory.Ptr{Segment: 3}, 1)
	err := add2.SecurityCheck(m2)
	want := "add_mod builtin: Expected a <built-in function add> b == c (mod p). Got: instance=0, batch=0, inputs={'values_ptr': RelocatableValue(segment_index=2, offset=0), 'offsets_ptr': RelocatableValue(segment_index=3, offset=0), 'n': 1, 'p': 97, 'p0': 97, 'p1': 0, 'p2': 0, 'p3': 0}, values={'a_offset': 0, 'a': 5, 'a0': 5, 'a1': 0, 'a2': 0, 'a3': 0, 'b_offset': 4, 'b': 6, 'b0': 6, 'b1': 0, 'b2': 0, 'b3': 0, 'c_offset': 8, 'c': 12, 'c0': 12, 'c1': 0, 'c2': 0, 'c3': 0}."
	if err == nil || err.Error() != want {
		t.Fatalf("got %v", err)
	}
	// c = a + b + 2p is out of the k range.
	m3, add3, _ := modSetup(t)
	setWords(t, m3, vals, big.NewInt(5))
	setWords(t, m3, vals.AddUint(4), big.NewInt(6))
	setWords(t, m3, vals.AddUint(8), big.NewInt(11+2*97))
	for i, o := range []uint64{0, 4, 8} {
		mustSet(t, m3, memory.Ptr{Segment: 3, Offset: uint64(i)}, memory.FromUint64(o))
	}
	writeInstance(t, m3, add3, p, memory.Ptr{Segment: 3}, 1)
	if err := add3.SecurityCheck(m3); err == nil || !strings.HasPrefix(err.Error(), "add_mod builtin: Expected (a <built-in function add> b - c)/p to be in {0,1,...,1} Got: instance=0") {
		t.Fatalf("got %v", err)
	}
}
