package builtins

import (
	"testing"

	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/vm/memory"
)

func mustFelt(t testing.TB, s string) felt.Felt {
	t.Helper()
	f, err := felt.SetString(s)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestPoseidonBuiltin(t *testing.T) {
	p := NewPoseidon(true, testLB)
	m := setup(t, p)
	// cairo-lang: poseidon_perm(1, 2, 3).
	want := []string{
		"442682200349489646213731521593476982257703159825582578145778919623645026501",
		"2233832504250924383748553933071188903279928981104663696710686541536735838182",
		"2512222140811166287287541003826449032093371832913959128171347018667852712082",
	}
	for i := uint64(0); i < 3; i++ {
		set(t, m, i, memory.FromUint64(i+1))
	}
	for _, j := range []uint64{2, 0, 1} {
		if got := deduce(t, m, 3+j); got != memory.FromFelt(mustFelt(t, want[j])) {
			t.Fatalf("output %d: %v", j, got)
		}
	}
	set(t, m, 6, memory.FromUint64(1))
	set(t, m, 7, memory.FromUint64(1))
	set(t, m, 8, memory.FromPtr(memory.Ptr{Segment: 2}))
	if _, _, err := m.Deduce(memory.Ptr{Offset: 9}); err == nil || err.Error() != "poseidon builtin: Expected integer at address 0:8. Got: 2:0." {
		t.Fatalf("got %v", err)
	}
	if _, _, err := p.RelocatedPrivateInput(m, nil); err == nil {
		t.Fatal("private input with a pointer input")
	}
	m = setup(t, p)
	set(t, m, 0, memory.FromUint64(1))
	set(t, m, 2, memory.FromUint64(1))
	if _, _, err := p.RelocatedPrivateInput(m, nil); err == nil || err.Error() != "Missing input #1 of poseidon instance 0." {
		t.Fatalf("got %v", err)
	}
}
