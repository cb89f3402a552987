package channel_test

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/cairn-vm/cairn/stark/channel"
	"github.com/cairn-vm/cairn/stark/hash"
	"github.com/cairn-vm/cairn/stark/proof"
	"github.com/cairn-vm/cairn/stark/statement"
	vectors "github.com/cairn-vm/cairn/stark/testvectors"
)

func load(t *testing.T, name string) *proof.Proof {
	t.Helper()
	data, err := os.ReadFile(vectors.Path(t, name, "proof.json"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := proof.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestReplayAnnotations drives the keccak channel with the prover messages
// of each stone-preset vector, in the order its annotations list them, and
// checks that every verifier message (interaction elements, composition
// and OODS coefficients, OODS point, FRI evaluation points, query indices)
// comes out exactly as annotated, and that the proof of work passes.
func TestReplayAnnotations(t *testing.T) {
	for _, name := range vectors.StoneVectors {
		t.Run(name, func(t *testing.T) {
			p := load(t, name)
			seed, err := statement.Seed(&p.Parameters, &p.PublicInput)
			if err != nil {
				t.Fatal(err)
			}
			anns, err := p.TranscriptAnnotations()
			if err != nil {
				t.Fatal(err)
			}
			fri := p.Parameters.Stark.Fri
			logRows := 0
			for _, s := range fri.FriStepList {
				logRows += int(s)
			}
			for d := fri.LastLayerDegreeBound; d > 1; d >>= 1 {
				logRows++
			}
			queryBound := uint64(1) << (logRows + int(p.Parameters.Stark.LogNCosets) - int(fri.FriStepList[0]))
			ch := channel.NewVerifier(seed, p.ProofBytes)
			nV2P := 0
			for i, a := range anns {
				if strings.Contains(a.Scope, "/Decommitment") {
					ch.BeginQueryPhase()
				}
				var got string
				switch {
				case a.Dir == proof.VerifierToProver && a.Kind == "Field Element":
					e, err := ch.RandomFelt(a.Label)
					if err != nil {
						t.Fatal(err)
					}
					got = channel.FeltHex(&e)
					nV2P++
				case a.Dir == proof.VerifierToProver && a.Kind == "Number":
					n, err := ch.RandomNumber(queryBound, a.Label)
					if err != nil {
						t.Fatal(err)
					}
					got = strconv.FormatUint(n, 10)
					nV2P++
				case a.Kind == "Hash":
					d, err := ch.ReceiveHash(a.Label)
					if err != nil {
						t.Fatal(err)
					}
					got = d.Hex()
				case a.Kind == "Field Element":
					e, err := ch.ReceiveFelt(a.Label)
					if err != nil {
						t.Fatal(err)
					}
					got = channel.FeltHex(&e)
				case a.Kind == "Field Elements":
					es, err := ch.ReceiveFelts((a.End-a.Start)/32, a.Label)
					if err != nil {
						t.Fatal(err)
					}
					parts := make([]string, len(es))
					for i := range es {
						parts[i] = channel.FeltHex(&es[i])
					}
					got = strings.Join(parts, ", ")
				case a.Kind == "Data" && a.Label == "POW":
					if err := ch.ProofOfWork(int(fri.ProofOfWorkBits)); err != nil {
						t.Fatalf("line %d: %v", i, err)
					}
					got = hash.HexNoLeadingZeros(p.ProofBytes[a.Start:a.End])
				case a.Kind == "Data":
					b, err := ch.ReceiveData(a.End-a.Start, a.Label)
					if err != nil {
						t.Fatal(err)
					}
					got = hash.HexNoLeadingZeros(b)
				default:
					t.Fatalf("line %d: unexpected %q", i, a)
				}
				if got != a.Value {
					t.Fatalf("line %d (%s: %s): got %s, want %s", i, a.Scope, a.Label, got, a.Value)
				}
				if a.Dir == proof.ProverToVerifier && ch.Offset() != a.End {
					t.Fatalf("line %d: offset %d, want %d", i, ch.Offset(), a.End)
				}
			}
			if !ch.Done() {
				t.Errorf("proof not fully read")
			}
			if nV2P < 20 {
				t.Errorf("only %d verifier messages", nV2P)
			}
		})
	}
}

func TestPoWRejectsWrongNonce(t *testing.T) {
	p := load(t, "plain-stone")
	seed, err := statement.Seed(&p.Parameters, &p.PublicInput)
	if err != nil {
		t.Fatal(err)
	}
	// The nonce sits at bytes [3840:3848] after the FRI commitments; replay
	// the prefix then flip a nonce bit.
	bad := append([]byte(nil), p.ProofBytes...)
	bad[3847] ^= 1
	for _, tc := range []struct {
		proof []byte
		ok    bool
	}{{p.ProofBytes, true}, {bad, false}} {
		ch := channel.NewVerifier(seed, tc.proof)
		replayPrefix(t, ch, p, 3840)
		err := ch.ProofOfWork(24)
		if (err == nil) != tc.ok {
			t.Fatalf("ProofOfWork: %v, want ok=%v", err, tc.ok)
		}
	}
}

// replayPrefix reads and draws messages as the annotations say until the
// proof offset reaches end.
func replayPrefix(t *testing.T, ch *channel.Verifier, p *proof.Proof, end int) {
	t.Helper()
	anns, _ := p.TranscriptAnnotations()
	for _, a := range anns {
		if ch.Offset() >= end {
			return
		}
		var err error
		switch {
		case a.Dir == proof.VerifierToProver:
			_, err = ch.RandomFelt(a.Label)
		case a.Kind == "Hash":
			_, err = ch.ReceiveHash(a.Label)
		case a.Kind == "Field Element":
			_, err = ch.ReceiveFelt(a.Label)
		case a.Kind == "Field Elements":
			_, err = ch.ReceiveFelts((a.End-a.Start)/32, a.Label)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestShortProof(t *testing.T) {
	ch := channel.NewVerifier(hash.Digest{}, make([]byte, 40))
	if _, err := ch.ReceiveHash("a"); err != nil {
		t.Fatal(err)
	}
	if _, err := ch.ReceiveHash("b"); err == nil {
		t.Fatal("read past the end")
	}
	if _, err := ch.ReceiveFelts(1<<40, "c"); err == nil {
		t.Fatal("huge read accepted")
	}
	// 32 bytes of 0xff are not below p.
	ch = channel.NewVerifier(hash.Digest{}, []byte(strings.Repeat("\xff", 32)))
	if _, err := ch.ReceiveFelt("x"); err == nil {
		t.Fatal("accepted a value above p")
	}
}

func TestPrngSpareBytes(t *testing.T) {
	// Two 8-byte draws use the first 16 bytes of one digest, then a 32-byte
	// draw takes a new digest (counter 1), and a later 8-byte draw uses
	// the spare bytes of digest 0.
	p := channel.NewKeccakPrng(hash.Digest{1})
	var a, b, c, d [8]byte
	var full [32]byte
	p.RandomBytes(a[:])
	p.RandomBytes(b[:])
	p.RandomBytes(full[:])
	p.RandomBytes(c[:])
	q := channel.NewKeccakPrng(hash.Digest{1})
	var all [64]byte
	q.RandomBytes(all[:])
	if string(a[:]) != string(all[0:8]) || string(b[:]) != string(all[8:16]) ||
		string(full[:]) != string(all[32:64]) || string(c[:]) != string(all[16:24]) {
		t.Fatal("spare bytes are not used as Stone does")
	}
	p.RandomBytes(d[:])
	if string(d[:]) != string(all[24:32]) {
		t.Fatal("spare bytes exhausted too early")
	}
}
