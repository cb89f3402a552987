package channel

import (
	"errors"
	"slices"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	vchannel "github.com/cairn-vm/cairn/stark/channel"
	"github.com/cairn-vm/cairn/stark/hash"
)

// TestMirrorsVerifier: whatever the prover sends and draws, the verifier
// channel reading the same bytes draws the same values and writes the
// same annotation lines.
func TestMirrorsVerifier(t *testing.T) {
	var seed hash.Digest
	seed[5] = 9
	p := NewProver(seed)
	p.SetAnnotator(vchannel.NewAnnotator("t"))
	d := hash.Keccak256Masked160MSB.HashBytes([]byte("x"))
	var e fp.Element
	e.SetUint64(12345)
	p.Enter("A")
	p.SendHash("Commitment", hash.Keccak256Masked160MSB, d)
	var drawn []fp.Element
	for range 40 { // enough draws to hit the 31·p rejection now and then
		x, err := p.RandomFelt("r")
		if err != nil {
			t.Fatal(err)
		}
		drawn = append(drawn, x)
	}
	p.SendFelt("v", e)
	p.SendData("d", []byte{0, 1, 2, 3, 4, 5, 6, 7})
	y, _ := p.RandomFelt("after")
	p.Exit()
	p.BeginQueryPhase()
	if _, err := p.RandomFelt("late"); !errors.Is(err, ErrQueryPhase) {
		t.Fatalf("got %v", err)
	}

	v := vchannel.NewVerifier(seed, p.Proof())
	ann := vchannel.NewAnnotator("t")
	v.SetAnnotator(ann)
	v.Enter("A")
	if got, err := v.ReceiveHashAs("Commitment", hash.Keccak256Masked160MSB); err != nil || got != d {
		t.Fatal("hash", err)
	}
	for i := range drawn {
		if x, _ := v.RandomFelt("r"); !x.Equal(&drawn[i]) {
			t.Fatalf("draw %d differs", i)
		}
	}
	if got, _ := v.ReceiveFelt("v"); !got.Equal(&e) {
		t.Fatal("felt differs")
	}
	if _, err := v.ReceiveData(8, "d"); err != nil {
		t.Fatal(err)
	}
	if got, _ := v.RandomFelt("after"); !got.Equal(&y) {
		t.Fatal("last draw differs")
	}
	v.Exit()
	if !v.Done() || v.State() != p.State() {
		t.Fatal("channels diverged")
	}
	if !slices.Equal(ann.Lines, p.Annotator().Lines) {
		t.Fatalf("annotations differ:\n%q\n%q", ann.Lines, p.Annotator().Lines)
	}
}
