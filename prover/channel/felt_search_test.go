package channel

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	vchannel "github.com/cairn-vm/cairn/stark/channel"
	"github.com/cairn-vm/cairn/stark/hash"
	"github.com/cairn-vm/cairn/stark/proof"
	"github.com/cairn-vm/cairn/stark/statement"
	"github.com/cairn-vm/cairn/stark/testvectors"
)

// TestFeltMirrorsVerifierEveryMessage: whatever the felt channel sends and draws, the
// verifier's felt channel reading the same bytes draws the same values,
// accepts the proof of work and writes the same annotation lines.
func TestFeltMirrorsVerifierEveryMessage(t *testing.T) {
	var state fp.Element
	state.SetUint64(77)
	p, err := NewFeltProver(state, "blake256")
	if err != nil {
		t.Fatal(err)
	}
	p.SetAnnotator(vchannel.NewAnnotator("t"))
	d := hash.Blake256Masked248LSB.HashBytes([]byte("x"))
	top := hash.Poseidon3Hasher.HashBytes([]byte("y"))
	var e fp.Element
	e.SetUint64(12345)
	es := []fp.Element{e, state, {}}
	p.Enter("A")
	p.SendCommitment("Commitment", hash.Blake256Masked248LSB, d)
	var drawn []fp.Element
	for range 5 {
		x, err := p.RandomFelt("r")
		if err != nil {
			t.Fatal(err)
		}
		drawn = append(drawn, x)
	}
	p.SendFelt("v", e)
	p.SendFelts("vs", es)
	p.SendHash("node", hash.Poseidon3Hasher, top)
	n, err := p.RandomNumber(1<<20, "q")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.RandomNumber(1000, "q"); !errors.Is(err, ErrBound) {
		t.Fatalf("bound 1000: %v", err)
	}
	if err := p.ProofOfWork(10); err != nil {
		t.Fatal(err)
	}
	y, _ := p.RandomFelt("after")
	p.Exit()
	p.BeginQueryPhase()
	p.SendData("late", make([]byte, 32))
	if _, err := p.RandomFelt("late"); !errors.Is(err, ErrQueryPhase) {
		t.Fatalf("got %v", err)
	}
	if p.Err() != nil {
		t.Fatal(p.Err())
	}

	v, err := vchannel.NewFeltVerifier(state, p.Proof(), "blake256")
	if err != nil {
		t.Fatal(err)
	}
	ann := vchannel.NewAnnotator("t")
	v.SetAnnotator(ann)
	v.Enter("A")
	if got, err := v.ReceiveHashAs("Commitment", hash.Blake256Masked248LSB); err != nil || got != d {
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
	if got, _ := v.ReceiveFelts(len(es), "vs"); !slices.Equal(got, es) {
		t.Fatal("felts differ")
	}
	if got, _ := v.ReceiveHashAs("node", hash.Poseidon3Hasher); got != top {
		t.Fatal("node differs")
	}
	if got, _ := v.RandomNumber(1<<20, "q"); got != n {
		t.Fatal("number differs")
	}
	if err := v.ProofOfWork(10); err != nil {
		t.Fatal(err)
	}
	if got, _ := v.RandomFelt("after"); !got.Equal(&y) {
		t.Fatal("last draw differs")
	}
	v.Exit()
	v.BeginQueryPhase()
	if _, err := v.ReceiveData(32, "late"); err != nil {
		t.Fatal(err)
	}
	if !v.Done() || v.State() != p.State() {
		t.Fatal("channels diverged")
	}
	if !slices.Equal(ann.Lines, p.Annotator().Lines) {
		t.Fatalf("annotations differ:\n%q\n%q", ann.Lines, p.Annotator().Lines)
	}
	if s := p.Statistics(); s.Commitments != 1 || s.Hashes != 2 || s.FieldElements != 4 || s.Data != 2 {
		t.Fatalf("statistics %+v", s)
	}
}

// TestFeltRejectsNonFelt: a word at or above p, or a message that is not
// whole words, cannot go into a felt proof; the first one is reported,
// with its offset and label.
func TestFeltRejectsNonFelt(t *testing.T) {
	p, err := NewFeltProver(fp.Element{}, "blake256")
	if err != nil {
		t.Fatal(err)
	}
	p.SetAnnotator(vchannel.NewAnnotator("t"))
	p.SendData("ok", make([]byte, 32))
	big := make([]byte, 64)
	for i := range big[32:] {
		big[32+i] = 0xff
	}
	p.SendData("too big", big)
	p.SendData("odd", make([]byte, 31))
	var se *SendError
	if !errors.As(p.Err(), &se) || !errors.Is(p.Err(), ErrNotFelt) || se.Offset != 32 || !strings.Contains(se.What, "too big") {
		t.Fatalf("got %v", p.Err())
	}
	q, _ := NewFeltProver(fp.Element{}, "blake256")
	q.SendData("odd", make([]byte, 31))
	if !errors.Is(q.Err(), ErrNotFelt) {
		t.Fatalf("31 bytes: %v", q.Err())
	}
	if _, err := NewFeltProver(fp.Element{}, "sha256"); !errors.Is(err, hash.ErrUnknownHash) {
		t.Fatalf("sha256: %v", err)
	}
}

// feltStateBeforePoW replays a cairo-verifier vector's transcript through
// the prover's felt chain up to the proof of work; it returns the state
// and Stone's nonce.
func feltStateBeforePoW(t testing.TB, name string) (hash.Digest, uint64, int) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(testvectors.Require(t), name, "proof.json"))
	if err != nil {
		t.Fatal(err)
	}
	pr, err := proof.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	state, err := statement.SeedFelt(&pr.Parameters, &pr.PublicInput)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := NewFeltProver(state, pr.Parameters.EffectivePowHash())
	if err != nil {
		t.Fatal(err)
	}
	anns, err := pr.TranscriptAnnotations()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range anns {
		if a.Dir != proof.ProverToVerifier {
			continue
		}
		if strings.HasSuffix(a.Scope, "/Proof of Work") {
			want, err := strconv.ParseUint(strings.TrimPrefix(a.Value, "0x"), 16, 64)
			if err != nil {
				t.Fatal(err)
			}
			st := ch.State()
			return st.Bytes(), want, int(pr.Parameters.Stark.Fri.ProofOfWorkBits)
		}
		ch.SendData("replay", pr.ProofBytes[a.Start:a.End])
	}
	t.Fatal("no proof of work in the transcript")
	return hash.Digest{}, 0, 0
}

// TestFeltPoWNonceEqualsStone replays every cairo-verifier vector's
// transcript through the felt chain up to the proof of work and searches
// from 2^22 nonces below Stone's nonce: the search must find exactly
// Stone's nonce (the first valid one in that range; a search from 0 is
// ~10^9 hashes, see BenchmarkPoWPlainCairoVerifier), which also shows the
// chain's state equals Stone's.
func TestFeltPoWNonceEqualsStone(t *testing.T) {
	root := testvectors.Require(t)
	dirs, _ := filepath.Glob(filepath.Join(root, "*-cairo-verifier"))
	if len(dirs) == 0 {
		t.Fatal("no cairo-verifier vectors")
	}
	for _, d := range dirs {
		name := filepath.Base(d)
		t.Run(name, func(t *testing.T) {
			state, want, bits := feltStateBeforePoW(t, name)
			from := uint64(0)
			if want > 1<<22 {
				from = want - 1<<22
			}
			got, err := Solve("blake256", state[:], bits, from)
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Fatalf("nonce %#x, Stone %#x", got, want)
			}
			var nb [8]byte
			for i := range 8 {
				nb[i] = byte(got >> (56 - 8*i))
			}
			if ok, err := CheckPoW("blake256", state[:], bits, nb[:]); !ok || err != nil {
				t.Fatalf("check: %v %v", ok, err)
			}
		})
	}
}

// TestSolveSmallestBlake: the blake256 search returns the first valid
// nonce at or after its start.
func TestSolveSmallestBlake(t *testing.T) {
	seed := make([]byte, 32)
	for _, bits := range []int{1, 5, 10, 14} {
		seed[0] = byte(bits)
		for _, from := range []uint64{0, 1000} {
			n, err := Solve("blake256", seed, bits, from)
			if err != nil {
				t.Fatal(err)
			}
			var nb [8]byte
			for k := from; k <= n; k++ {
				for i := range 8 {
					nb[i] = byte(k >> (56 - 8*i))
				}
				if ok, _ := CheckPoW("blake256", seed, bits, nb[:]); ok != (k == n) {
					t.Fatalf("bits %d from %d: nonce %d valid=%v, solver said %d", bits, from, k, ok, n)
				}
			}
		}
	}
	if _, err := Solve("sha256", seed, 10, 0); !errors.Is(err, hash.ErrUnknownHash) {
		t.Fatalf("sha256: %v", err)
	}
	if _, err := Solve("blake256", seed, 65, 0); !errors.Is(err, ErrBound) {
		t.Fatalf("65 bits: %v", err)
	}
}

// BenchmarkPoWPlainCairoVerifier is the whole 30-bit blake256 search of
// plain-cairo-verifier from nonce 0 (Stone's nonce 0x15103ae2: ~3.5·10^8
// hashes), checked against Stone's nonce.
func BenchmarkPoWPlainCairoVerifier(b *testing.B) {
	state, want, bits := feltStateBeforePoW(b, "plain-cairo-verifier")
	for b.Loop() {
		got, err := Solve("blake256", state[:], bits, 0)
		if err != nil || got != want {
			b.Fatalf("nonce %#x (%v), Stone %#x", got, err, want)
		}
	}
}
