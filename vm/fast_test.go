package vm

import (
	"fmt"
	"math/rand"
	"testing"

	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/vm/memory"
)

// The fast paths must be invisible: on random programs built from the
// shapes they handle (and their near misses), a run with them and a run
// through the generic path alone (which the corpus checks against
// cairo-run) end with the same error, registers, memory and trace.
func TestFastPathMatchesGeneric(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	for i := range 5000 {
		seed := make([]byte, 64+r.Intn(192))
		r.Read(seed)
		if msg := compareFastGeneric(seed); msg != "" {
			t.Fatalf("program %d (seed %x): %s", i, seed, msg)
		}
	}
}

func FuzzFastPathMatchesGeneric(f *testing.F) {
	f.Add([]byte("fib-like seed: the generic and fast paths agree"))
	f.Fuzz(func(t *testing.T, seed []byte) {
		if msg := compareFastGeneric(seed); msg != "" {
			t.Fatal(msg)
		}
	})
}

// Flag words (bits 48..62) of the shapes the fast path knows, and a few
// it does not: the generated programs mix them.
var fuzzFlags = []uint64{
	0x4806, // [ap+o] = imm, ap++ (op0 [fp+o])
	0x480a, // [ap+o] = [fp+o], ap++
	0x4812, // [ap+o] = [ap+o], ap++
	0x4826, // [ap+o] = [fp+o] + imm, ap++
	0x4832, // [ap+o] = [fp+o] + [ap+o], ap++
	0x4830, // [ap+o] = [ap+o] + [ap+o], ap++
	0x4846, // [ap+o] = [fp+o] * imm, ap++
	0x4852, // [ap+o] = [fp+o] * [ap+o], ap++
	0x400a, // [ap+o] = [fp+o]
	0x400b, // [fp+o] = [fp+o]
	0x4000, // [ap+o] = [[ap+o]+o]
	0x4002, // [ap+o] = [[fp+o]+o]
	0x4802, // [ap+o] = [[fp+o]+o], ap++
	0x4022, // [ap+o] = [fp+o] + [[fp+o]+o]
	0x4001, // [fp+o] = [[ap+o]+o]
	0x0206, // jmp rel imm if [ap+o] != 0
	0x0a06, // the same with ap++
	0x4a06, // jnz with assert_eq (a decode-valid, run-time error)
	0x0106, // jmp rel imm
	0x0086, // jmp abs imm (generic only)
	0x0406, // ap += imm
	0x1104, // call rel imm
	0x1084, // call abs imm (generic only)
	0x1088, // call abs [fp+o] (generic only: changes fp, maybe the segment)
	0x1090, // call abs [ap+o]
	0x008a, // jmp abs [fp+o] (generic only)
	0x0092, // jmp abs [ap+o]
	0x208b, // ret
	0x208b, // ret (twice as likely: returns through frames the calls made)
}

func compareFastGeneric(seed []byte) string {
	a, ea := fuzzRun(seed, false)
	b, eb := fuzzRun(seed, true)
	if ea != eb {
		return fmt.Sprintf("errors differ:\nfast:    %s\ngeneric: %s", ea, eb)
	}
	if a.PC != b.PC || a.AP != b.AP || a.FP != b.FP || a.Steps != b.Steps {
		return fmt.Sprintf("registers differ: fast pc=%v ap=%v fp=%v steps=%d, generic pc=%v ap=%v fp=%v steps=%d",
			a.PC, a.AP, a.FP, a.Steps, b.PC, b.AP, b.FP, b.Steps)
	}
	for seg := 0; seg < 3; seg++ {
		if m, n := a.Mem.CountCells(), b.Mem.CountCells(); m != n {
			return fmt.Sprintf("cell counts differ: %d != %d", m, n)
		}
		for off := uint64(0); off < max(a.Mem.DenseLen(seg), b.Mem.DenseLen(seg)); off++ {
			p := memory.Ptr{Segment: seg, Offset: off}
			if x, y := a.Mem.Get(p), b.Mem.Get(p); x != y {
				return fmt.Sprintf("memory at %v: fast %v, generic %v", p, x, y)
			}
		}
	}
	ta, tb := a.Trace(), b.Trace()
	if len(ta) != len(tb) {
		return fmt.Sprintf("trace lengths %d != %d", len(ta), len(tb))
	}
	for i := range ta {
		if ta[i] != tb[i] {
			return fmt.Sprintf("trace step %d: fast %+v, generic %+v", i, ta[i], tb[i])
		}
	}
	return ""
}

// fuzzRun builds a program and an execution segment from seed and runs
// it for at most 64 steps. The frame below fp is filled (felts, pointers
// into the program and another segment, a few holes), and operands mostly
// read below ap or fp and write at [ap], so that runs go on for a while
// instead of failing at their first step.
func fuzzRun(seed []byte, generic bool) (*VM, string) {
	next := func() byte {
		if len(seed) == 0 {
			return 0
		}
		b := seed[0]
		seed = seed[1:]
		return b
	}
	m := memory.New()
	prog, exec, other := m.AddSegment(), m.AddSegment(), m.AddSegment()
	// other deduces every third cell, as a builtin segment would: the fast
	// path must leave its unknown cells to the generic path.
	m.AddDeducer(other.Segment, func(_ *memory.Memory, a memory.Ptr) (memory.Value, bool, error) {
		return memory.FromUint64(a.Offset), a.Offset%3 == 0, nil
	})
	const frame = 8
	for off := uint64(0); off < frame; off++ {
		b := next()
		if b%16 == 0 {
			continue // a hole
		}
		switch b % 5 {
		case 0:
			_ = m.Set(exec.AddUint(off), memory.FromUint64(uint64(b>>4)))
		case 1:
			_ = m.Set(exec.AddUint(off), memory.FromPtr(prog.AddUint(uint64(b>>3)%24)))
		case 2:
			_ = m.Set(exec.AddUint(off), memory.FromPtr(other.AddUint(uint64(b>>3))))
		case 3:
			_ = m.Set(exec.AddUint(off), memory.FromPtr(exec.AddUint(uint64(b>>3)%frame)))
		case 4:
			_ = m.Set(exec.AddUint(off), memory.FromFelt(felt.FromInt64(-int64(b>>3))))
		default:
			_ = m.Set(exec.AddUint(off), memory.FromUint64(uint64(b>>3)%3))
		}
	}
	// A small capacity makes writes near its end leave the fast path.
	m.Reserve(exec.Segment, 16+int(next()%64))
	var off uint64
	for len(seed) > 0 && off < 120 {
		flags := fuzzFlags[int(next())%len(fuzzFlags)]
		b := next()
		rd := func() uint64 { // a read: mostly below the register
			below := b&3 != 0
			b >>= 2
			if below {
				return uint64(0x8000 - 1 - int(next()%4))
			}
			return uint64(0x8000 + int(next()%6) - 4) // -4..1
		}
		off0 := uint64(0x8000) // dst: mostly [ap] (fresh) for asserts and calls
		if flags&0x5000 == 0 || next()%4 == 0 {
			off0 = rd()
		}
		w := flags<<48 | rd()<<32 | rd()<<16 | off0
		imm := flags&0x4 != 0 // op1 is the immediate
		if imm {
			w = w&^(0xffff<<32) | 0x8001<<32 // off2 = 1
			if next()%32 == 0 {
				w = w&^(0xffff<<32) | 0x8002<<32 // off2 != 1: generic error path
			}
		}
		if flags&0x1000 != 0 { // calls: dst [ap], op0 [ap+1], as compiled
			w = w&^0xffffffff | 0x8001<<16 | 0x8000
		}
		_ = m.Set(prog.AddUint(off), memory.FromUint64(w))
		off++
		if imm {
			var v felt.Felt
			switch b := next(); b % 4 {
			case 0:
				v = felt.FromInt64(-int64(b>>2)%int64(off+1) - 1) // backward jumps stay in the program
			case 1:
				v = felt.FromInt64(int64(b>>2) % 12)
			case 2:
				v = felt.FromUint64(uint64(b) << 60).Mul(felt.FromUint64(1 << 40))
			default:
				v = felt.FromInt64(int64(b>>2) - 20)
			}
			_ = m.Set(prog.AddUint(off), memory.FromFelt(v))
			off++
		}
	}
	start := exec.AddUint(frame)
	v := New(m, prog, start, start, true)
	v.generic = generic
	err := v.RunTo(memory.Ptr{Segment: 99}, 64)
	if err != nil {
		return v, err.Error()
	}
	return v, ""
}
