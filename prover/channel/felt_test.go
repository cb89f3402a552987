package channel

import (
	"errors"
	"slices"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	vchannel "github.com/cairn-vm/cairn/stark/channel"
	"github.com/cairn-vm/cairn/stark/hash"
)

// TestFeltMirrorsVerifier: the poseidon3 prover channel and the verifier's
// FeltVerifier, fed the same proof, draw the same values and write the
// same annotations; a given nonce is checked, a wrong one refused.
func TestFeltMirrorsVerifier(t *testing.T) {
	var st fp.Element
	st.SetUint64(424242)
	p, err := NewFeltProver(st, "blake256")
	if err != nil {
		t.Fatal(err)
	}
	p.SetAnnotator(vchannel.NewAnnotator("t"))
	d := hash.Blake256Masked248LSB.HashBytes([]byte("leaf"))
	var e fp.Element
	e.SetUint64(777)
	es := []fp.Element{e, st}
	p.SendCommitment("Commitment", hash.Blake256Masked248LSB, d)
	x1, _ := p.RandomFelt("a")
	p.SendFelt("v", e)
	p.SendFelts("", es)
	n1, _ := p.RandomNumber(1<<20, "q")
	if err := p.ProofOfWork(8); err != nil {
		t.Fatal(err)
	}
	p.SendData("d", make([]byte, 64))

	v, err := vchannel.NewFeltVerifier(st, p.Proof(), "blake256")
	if err != nil {
		t.Fatal(err)
	}
	ann := vchannel.NewAnnotator("t")
	v.SetAnnotator(ann)
	if got, err := v.ReceiveHashAs("Commitment", hash.Blake256Masked248LSB); err != nil || got != d {
		t.Fatal("hash", err)
	}
	if y, _ := v.RandomFelt("a"); !y.Equal(&x1) {
		t.Fatal("draw differs")
	}
	if got, _ := v.ReceiveFelt("v"); !got.Equal(&e) {
		t.Fatal("felt differs")
	}
	if got, _ := v.ReceiveFelts(2, ""); !got[0].Equal(&es[0]) || !got[1].Equal(&es[1]) {
		t.Fatal("felts differ")
	}
	if m, _ := v.RandomNumber(1<<20, "q"); m != n1 {
		t.Fatal("number differs")
	}
	if err := v.ProofOfWork(8); err != nil {
		t.Fatalf("verifier rejects the nonce: %v", err)
	}
	if _, err := v.ReceiveData(64, "d"); err != nil {
		t.Fatal(err)
	}
	if !v.Done() || v.State() != p.State() {
		t.Fatal("channels diverged")
	}
	if !slices.Equal(ann.Lines, p.Annotator().Lines) {
		t.Fatalf("annotations differ:\n%q\n%q", ann.Lines, p.Annotator().Lines)
	}

	// A nonce handed in is checked.
	seed := st.Bytes()
	blake := mustPoW(t, "blake256")
	good, err := Solve("blake256", seed[:], 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	q, _ := NewFeltProver(st, "blake256")
	q.UseNonce(good)
	if err := q.ProofOfWork(10); err != nil {
		t.Fatal(err)
	}
	bad := good + 1
	for checkNonce(blake, seed[:], 10, bad) {
		bad++
	}
	r, _ := NewFeltProver(st, "blake256")
	r.UseNonce(bad)
	if err := r.ProofOfWork(10); !errors.Is(err, ErrNonce) {
		t.Fatalf("invalid nonce accepted: %v", err)
	}
	if _, err := NewFeltProver(st, "sha1"); !errors.Is(err, hash.ErrUnknownHash) {
		t.Fatalf("got %v", err)
	}
}

func mustPoW(t *testing.T, name string) PoWHash {
	h, err := PoWHashByName(name)
	if err != nil {
		t.Fatal(err)
	}
	return h
}
