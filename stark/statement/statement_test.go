package statement

import (
	"errors"
	"os"
	"testing"

	"github.com/cairn-vm/cairn/stark/proof"
	vectors "github.com/cairn-vm/cairn/stark/testvectors"
)

func load(t *testing.T, file string) *proof.Proof {
	t.Helper()
	data, err := os.ReadFile(vectors.Path(t, file))
	if err != nil {
		t.Fatal(err)
	}
	p, err := proof.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSeedDependsOnPublicInput(t *testing.T) {
	good := load(t, "plain-stone/proof.json")
	bad := load(t, "negative/plain-stone-public-memory-value.json")
	s1, err := Seed(&good.Parameters, &good.PublicInput)
	if err != nil {
		t.Fatal(err)
	}
	s2, err := Seed(&bad.Parameters, &bad.PublicInput)
	if err != nil {
		t.Fatal(err)
	}
	if s1 == s2 {
		t.Fatal("tampered public memory gives the same seed")
	}
	b, err := Serialize(&good.Parameters, &good.PublicInput, keccakPage)
	if err != nil {
		t.Fatal(err)
	}
	// 5 words, 2 segments x 2 words, padding address and value, n_pages,
	// page 0 size and hash.
	if want := 32 * (5 + 4 + 2 + 1 + 1 + 1); len(b) != want {
		t.Errorf("serialized %d bytes, want %d", len(b), want)
	}
}

func TestSeedErrors(t *testing.T) {
	p := load(t, "plain-stone/proof.json")
	cases := map[string]func(pi *proof.PublicInput, pp *proof.Parameters){
		"layout":   func(pi *proof.PublicInput, _ *proof.Parameters) { pi.Layout = "nope" },
		"n_steps":  func(pi *proof.PublicInput, _ *proof.Parameters) { pi.NSteps = 1000 },
		"segments": func(pi *proof.PublicInput, _ *proof.Parameters) { delete(pi.MemorySegments, "program") },
		"memory":   func(pi *proof.PublicInput, _ *proof.Parameters) { pi.PublicMemory = nil },
		"page hash": func(_ *proof.PublicInput, pp *proof.Parameters) {
			pp.Statement.PageHash = "sha1"
		},
		"page continuity": func(pi *proof.PublicInput, _ *proof.Parameters) {
			pi.PublicMemory = append(pi.PublicMemory, proof.MemoryCell{Address: 100, Page: 1}, proof.MemoryCell{Address: 102, Page: 1})
		},
	}
	for name, f := range cases {
		pi := p.PublicInput
		pi.MemorySegments = map[string]proof.Segment{}
		for k, v := range p.PublicInput.MemorySegments {
			pi.MemorySegments[k] = v
		}
		pi.PublicMemory = append([]proof.MemoryCell(nil), p.PublicInput.PublicMemory...)
		pp := p.Parameters
		f(&pi, &pp)
		if _, err := Seed(&pp, &pi); err == nil {
			t.Errorf("%s: accepted", name)
		} else if !errors.Is(err, ErrUnknownLayout) && !errors.Is(err, ErrBadPublicInput) && !errors.Is(err, ErrUnsupported) {
			t.Errorf("%s: untyped error %v", name, err)
		}
	}
}
