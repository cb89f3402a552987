package prover

import (
	"math/big"
	"math/rand/v2"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/stark/air"
	"github.com/cairn-vm/cairn/stark/proof"
)

func startPlainStone(t *testing.T) (*Session, *proof.Proof) {
	t.Helper()
	p, dir := loadVector(t, "plain-stone")
	e, err := ReadExecution(filepath.Join(dir, "trace.bin"), filepath.Join(dir, "memory.bin"), filepath.Join(dir, "air_public_input.json"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Start(e, &p.Parameters, Options{Annotate: true})
	if err != nil {
		t.Fatal(err)
	}
	return s, p
}

func parseFelt(t *testing.T, s string) fp.Element {
	t.Helper()
	v, ok := new(big.Int).SetString(strings.TrimPrefix(s, "0x"), 16)
	if !ok {
		t.Fatalf("bad felt %q", s)
	}
	var e fp.Element
	e.SetBigInt(v)
	return e
}

// TestPlainStoneMaskValues evaluates the main and interaction traces at
// Stone's OODS point and compares with the 49 trace values of Stone's
// "OODS values" (the two after them are the composition's).
func TestPlainStoneMaskValues(t *testing.T) {
	s, p := startPlainStone(t)
	anns, err := p.TranscriptAnnotations()
	if err != nil {
		t.Fatal(err)
	}
	var z fp.Element
	var want []string
	for _, a := range anns {
		if a.Scope != "/cpu air/STARK/Out Of Domain Sampling/OODS values" {
			continue
		}
		if a.Label == "Evaluation point" {
			z = parseFelt(t, a.Value)
		} else {
			want = append(want, a.Value)
		}
	}
	mask := air.Plain.Mask
	if len(want) != len(mask)+2 {
		t.Fatalf("%d OODS values, mask has %d", len(want), len(mask))
	}
	got, err := s.MaskValues(z, mask)
	if err != nil {
		t.Fatal(err)
	}
	for k := range mask {
		if h := "0x" + got[k].Text(16); h != want[k] {
			t.Errorf("mask value %d (column %d, row %+d): got %s, Stone %s", k, mask[k].Column, mask[k].RowOffset, h, want[k])
		}
	}
}

var rangeRE = regexp.MustCompile(`^P->V\[(\d+):(\d+)\]: `)

// TestPlainStoneTraceDecommitment decommits the main and interaction
// traces at Stone's query indices and compares every line (byte ranges
// shifted to Stone's position) and every byte with Stone's "Layer 0"
// decommitment of Trace 0 and Trace 1.
func TestPlainStoneTraceDecommitment(t *testing.T) {
	s, p := startPlainStone(t)
	anns, err := p.TranscriptAnnotations()
	if err != nil {
		t.Fatal(err)
	}
	var queries []uint64
	for _, a := range anns {
		if a.Scope == "/cpu air/STARK/FRI/QueryIndices" {
			q, err := strconv.ParseUint(a.Value, 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			queries = append(queries, q)
		}
	}
	prefix := "/cpu air/STARK/FRI/Decommitment/Layer 0/Virtual Oracle/Trace "
	var want []string
	start := -1
	for _, l := range p.Annotations {
		if strings.Contains(l, prefix+"0: ") || strings.Contains(l, prefix+"1: ") {
			if start < 0 {
				m := rangeRE.FindStringSubmatch(l)
				start, _ = strconv.Atoi(m[1])
			}
			want = append(want, l)
		}
	}
	before := len(s.Channel.Proof())
	s.Channel.BeginQueryPhase()
	for _, sc := range []string{"FRI", "Decommitment", "Layer 0"} {
		s.Channel.Enter(sc)
	}
	nLines := len(s.Channel.Annotator().Lines)
	if err := s.DecommitTraces(queries); err != nil {
		t.Fatal(err)
	}
	got := s.Channel.Annotator().Lines[nLines:]
	if len(got) != len(want) {
		t.Fatalf("%d lines, Stone has %d", len(got), len(want))
	}
	for i, l := range got {
		m := rangeRE.FindStringSubmatch(l)
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		shifted := "P->V[" + strconv.Itoa(a-before+start) + ":" + strconv.Itoa(b-before+start) + "]: " + l[len(m[0]):]
		if shifted != want[i] {
			t.Fatalf("line %d:\n got  %s\n want %s", i, shifted, want[i])
		}
	}
	sent := s.Channel.Proof()[before:]
	if string(sent) != string(p.ProofBytes[start:start+len(sent)]) {
		t.Fatal("decommitment bytes differ")
	}
	t.Logf("%d decommitment lines, %d bytes equal Stone's", len(got), len(sent))
}

// TestEvalPolyEqualsHorner checks the blocked evaluation against Horner's
// rule for lengths around the block size and zero, one and random points.
func TestEvalPolyEqualsHorner(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 7, 255, 511, 512, 513, 1000, 4096, 4097, 1 << 15} {
		c := make([]fp.Element, n)
		for i := range c {
			c[i].SetUint64(r.Uint64())
			c[i].Square(&c[i])
		}
		var x fp.Element
		x.SetUint64(r.Uint64())
		x.Square(&x)
		for _, p := range []fp.Element{{}, fp.One(), x} {
			got, want := evalPoly(c, &p), horner(c, &p)
			if !got.Equal(&want) {
				t.Fatalf("%d coefficients at %v: %v, Horner %v", n, p.String(), got.String(), want.String())
			}
		}
	}
}

func BenchmarkEvalPoly2p18(b *testing.B) {
	c := make([]fp.Element, 1<<18)
	for i := range c {
		c[i].SetUint64(uint64(i) * 7919)
	}
	var x fp.Element
	x.SetUint64(123456789)
	b.Run("blocked", func(b *testing.B) {
		for b.Loop() {
			evalPoly(c, &x)
		}
	})
	b.Run("horner", func(b *testing.B) {
		for b.Loop() {
			horner(c, &x)
		}
	})
}
