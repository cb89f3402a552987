package channel

import (
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/crypto/poseidon"
	"github.com/cairn-vm/cairn/felt"
	vchannel "github.com/cairn-vm/cairn/stark/channel"
	"github.com/cairn-vm/cairn/stark/hash"
)

// FeltProver is the prover side of Stone's poseidon3 channel
// (NoninteractiveProverFeltChannel, the cairo-verifier preset), mirroring
// stark/channel's FeltVerifier: the proof is 32-byte words below p;
// sending words sets state = poseidon_hash_many(state+1, words...) and
// resets the counter; a random element is poseidon_hash(state, counter++);
// a random number its low 64 bits modulo a power-of-two bound. Table
// values travel as the bytes of their Montgomery form, "Field Elements"
// messages as standard-form words. The proof of work hashes the state's
// standard-form bytes with pow_hash and sends a 32-byte nonce word.
type FeltProver struct {
	state      fp.Element
	counter    uint64
	proof      []byte
	queryPhase bool
	powHash    PoWHash
	powName    string
	ann        *vchannel.Annotator
	stats      Statistics
	nonce      *uint64
	powFrom    uint64
	// err is the first message that could not be sent (sticky).
	err error
}

// SearchPoWFrom makes ProofOfWork search nonces from n on instead of 0.
func (c *FeltProver) SearchPoWFrom(n uint64) { c.powFrom = n }

// Err returns the first message the channel could not carry: one that
// is not a whole number of words, or has a word not below p (Stone's
// prover asserts both). The message is left out of the proof.
func (c *FeltProver) Err() error { return c.err }

// UseNonce makes the next ProofOfWork send n (checked) without searching.
func (c *FeltProver) UseNonce(n uint64) { c.nonce = &n }

// NewFeltProver starts the channel at state (stark/statement.SeedFelt)
// with the proof's pow_hash ("blake256" or "keccak256").
func NewFeltProver(state fp.Element, powHash string) (*FeltProver, error) {
	h, err := PoWHashByName(powHash)
	if err != nil {
		return nil, err
	}
	return &FeltProver{state: state, powHash: h, powName: powHash}, nil
}

// SetAnnotator makes the channel record Stone's annotation lines.
func (c *FeltProver) SetAnnotator(a *vchannel.Annotator) { c.ann = a }

// Annotator returns the annotator, or nil.
func (c *FeltProver) Annotator() *vchannel.Annotator { return c.ann }

// Enter opens an annotation scope.
func (c *FeltProver) Enter(scope string) {
	if c.ann != nil {
		c.ann.Push(scope)
	}
}

// Exit closes the innermost annotation scope.
func (c *FeltProver) Exit() {
	if c.ann != nil {
		c.ann.Pop()
	}
}

// Proof returns the words sent so far.
func (c *FeltProver) Proof() []byte { return c.proof }

// State returns the channel state.
func (c *FeltProver) State() fp.Element { return c.state }

// BeginQueryPhase stops mixing messages into the state.
func (c *FeltProver) BeginQueryPhase() { c.queryPhase = true }

// Statistics returns the counts so far.
func (c *FeltProver) Statistics() Statistics { return c.stats }

// StatisticsLines are Stone's "Proof Statistics" lines.
func (c *FeltProver) StatisticsLines() []string { return statisticsLines(len(c.proof), c.stats) }

func (c *FeltProver) send(b []byte, label, kind, value string) {
	start := len(c.proof)
	words, err := c.words(b)
	if err != nil {
		if c.err == nil {
			c.err = &SendError{Offset: start, What: c.what(label), Err: err}
		}
		return
	}
	c.proof = append(c.proof, b...)
	if !c.queryPhase {
		var one fp.Element
		one.SetOne()
		(*fp.Element)(&words[0]).Add(&c.state, &one)
		c.state = fp.Element(poseidon.HashMany(words))
		c.counter = 0
	}
	if c.ann != nil {
		c.ann.Lines = append(c.ann.Lines, "P->V["+strconv.Itoa(start)+":"+strconv.Itoa(len(c.proof))+"]: "+
			c.ann.Scope()+": "+label+": "+kind+"("+value+")")
	}
}

// words reads a message as field elements, after a free first slot (for
// state+1).
func (c *FeltProver) words(b []byte) ([]felt.Felt, error) {
	if len(b)%32 != 0 {
		return nil, fmt.Errorf("%w: %d bytes", ErrNotFelt, len(b))
	}
	words := make([]felt.Felt, 1+len(b)/32)
	for i := 1; i < len(words); i++ {
		w := b[32*(i-1) : 32*i]
		if !hash.Below(w) {
			return nil, fmt.Errorf("%w: word %d", ErrNotFelt, i-1)
		}
		words[i] = hash.FeltOf(hash.Digest(w))
	}
	return words, nil
}

func (c *FeltProver) what(label string) string {
	if c.ann != nil {
		return c.ann.Scope() + ": " + label
	}
	return label
}

func (c *FeltProver) annotateV2P(label, kind, value string) {
	if c.ann != nil {
		c.ann.Lines = append(c.ann.Lines, "V->P: "+c.ann.Scope()+": "+label+": "+kind+"("+value+")")
	}
}

// SendHash sends a decommitment node.
func (c *FeltProver) SendHash(label string, h hash.Hasher, d hash.Digest) {
	c.stats.Hashes++
	c.send(d[:], label, "Hash", hash.Format(h, d))
}

// SendCommitment sends a table root.
func (c *FeltProver) SendCommitment(label string, h hash.Hasher, d hash.Digest) {
	c.stats.Commitments++
	c.SendHash(label, h, d)
}

// SendFelt sends a table value as the word of its Montgomery form.
func (c *FeltProver) SendFelt(label string, e fp.Element) {
	var b [32]byte
	vchannel.MontgomeryBytes(&e, b[:])
	c.stats.FieldElements++
	c.send(b[:], label, "Field Element", vchannel.FeltHex(&e))
}

// SendFelts sends elements as standard-form words, one message.
func (c *FeltProver) SendFelts(label string, es []fp.Element) {
	b := make([]byte, 0, 32*len(es))
	parts := make([]string, len(es))
	for i := range es {
		w := es[i].Bytes()
		b = append(b, w[:]...)
		parts[i] = vchannel.FeltHex(&es[i])
	}
	c.stats.FieldElements += len(es)
	c.send(b, label, "Field Elements", strings.Join(parts, ", "))
}

// SendData sends raw words.
func (c *FeltProver) SendData(label string, b []byte) {
	c.stats.Data++
	c.send(b, label, "Data", hash.HexNoLeadingZeros(b))
}

func (c *FeltProver) next() fp.Element {
	r := poseidon.Hash(felt.Felt(c.state), felt.FromUint64(c.counter))
	c.counter++
	return fp.Element(r)
}

// RandomFelt draws poseidon_hash(state, counter).
func (c *FeltProver) RandomFelt(label string) (fp.Element, error) {
	if c.queryPhase {
		return fp.Element{}, ErrQueryPhase
	}
	e := c.next()
	c.annotateV2P(label, "Field Element", vchannel.FeltHex(&e))
	return e, nil
}

// RandomNumber draws a number below a power-of-two bound.
func (c *FeltProver) RandomNumber(bound uint64, label string) (uint64, error) {
	if c.queryPhase {
		return 0, ErrQueryPhase
	}
	if bound == 0 || bound&(bound-1) != 0 {
		return 0, ErrBound
	}
	e := c.next()
	n := e.Bits()[0] % bound
	c.annotateV2P(label, "Number", strconv.FormatUint(n, 10))
	return n, nil
}

// ProofOfWork finds the smallest nonce for the state and sends it as a
// word (24 zero bytes, then the nonce big-endian).
func (c *FeltProver) ProofOfWork(bits int) error {
	if bits == 0 {
		return nil
	}
	if bits < 0 || bits > 64 {
		return ErrBound
	}
	st := c.state.Bytes()
	var nonce uint64
	if c.nonce != nil {
		if nonce = *c.nonce; !checkNonce(c.powHash, st[:], bits, nonce) {
			return ErrNonce
		}
		c.nonce = nil
	} else {
		var err error
		if nonce, err = Solve(c.powName, st[:], bits, c.powFrom); err != nil {
			return err
		}
	}
	var b [32]byte
	binary.BigEndian.PutUint64(b[24:], nonce)
	c.Enter("Proof of Work")
	c.SendData("POW", b[:])
	c.Exit()
	return nil
}
