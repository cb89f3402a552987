package builtins

import (
	"math/big"
	"testing"

	"github.com/cairn-vm/cairn/vm/memory"
)

func TestKeccakBuiltin(t *testing.T) {
	k := NewKeccak(true, LayoutBuiltin{Ratio: 2048, RatioDen: 1})
	m := setup(t, k)
	in := []uint64{1, 2, 3, 4, 5, 6, 7}
	for i, v := range in {
		set(t, m, uint64(i), memory.FromUint64(v))
	}
	set(t, m, 7, bigValue(new(big.Int).Lsh(big.NewInt(1), 199)))
	// cairo-lang: keccak_f of the eight 25-byte little-endian words.
	want := []string{
		"1603923469521579730318129927290056759412806570207633083481840",
		"1471704334777560005253111728833292518846446546284492968128042",
		"1195761591682801278668353658225703392880488516105896097615788",
		"1531005362422645946582273799806513651040258567934420325752221",
		"1207743542492285495757602425702965549479060582440432649016732",
		"613311971126844279345215375304047217285532172974259002936813",
		"1074044847915653826679350804201833486350259856708369139442865",
		"18378018301843047587059014706257728017998967361894197659113",
	}
	for _, j := range []int{5, 0, 7, 1, 2, 3, 4, 6} {
		if got := deduce(t, m, uint64(8+j)); got != memory.FromFelt(mustFelt(t, want[j])) {
			t.Fatalf("output %d: %v", j, got)
		}
	}
	set(t, m, 16, bigValue(new(big.Int).Lsh(big.NewInt(1), 200)))
	for i := uint64(17); i < 24; i++ {
		set(t, m, i, memory.FromUint64(0))
	}
	_, _, err := m.Deduce(memory.Ptr{Offset: 24})
	if err == nil || err.Error() != "Keccak builtin: Expected integer at address 0:16 to be smaller than 2^200. Got: 1606938044258990275541962092341162602522202993782792835301376." {
		t.Fatalf("got %v", err)
	}
	if got := k.UsedDilutedCheckUnits(4, 16); got != 16384 {
		t.Fatalf("diluted units %d", got)
	}
	// Instances per component: at least 16 * ratio steps.
	if _, err := k.AllocatedInstances(m, 2048*16-1); err == nil {
		t.Fatal("allocated instances below 16 * ratio steps")
	}
}

func TestPedersenBuiltin(t *testing.T) {
	p := NewPedersen(true, testLB)
	m := setup(t, p)
	set(t, m, 0, memory.FromUint64(1))
	set(t, m, 1, memory.FromUint64(2))
	// cairo-lang: pedersen_hash(1, 2).
	if got := deduce(t, m, 2); got != memory.FromFelt(mustFelt(t, "2592987851775965742543459319508348457290966253241455514226127639100457844774")) {
		t.Fatalf("got %v", got)
	}
	if _, ok, _ := m.Deduce(memory.Ptr{Offset: 1}); ok {
		t.Fatal("deduced an input")
	}
	set(t, m, 3, memory.FromPtr(memory.Ptr{Segment: 1}))
	set(t, m, 4, memory.FromUint64(2))
	if _, _, err := m.Deduce(memory.Ptr{Offset: 5}); err == nil || err.Error() != "pedersen builtin: Expected integer at address 0:3. Got: 1:0." {
		t.Fatalf("got %v", err)
	}
	set(t, m, 8, memory.FromUint64(0)) // an output written, its inputs missing
	if _, _, err := p.RelocatedPrivateInput(m, nil); err == nil {
		t.Fatal("private input with a pointer input")
	}
}
