package channel

import (
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/crypto/poseidon"
	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/stark/hash"
)

// FeltVerifier is Stone's NoninteractiveVerifierFeltChannel: the poseidon3
// channel of the cairo-verifier preset, designed so that a Cairo program
// can replay it cheaply.
//
//   - The proof is a sequence of field elements, 32 bytes big-endian in
//     standard form, each below p (NewFeltVerifier checks this up front,
//     as Stone's constructor does).
//   - Receiving n words before the query phase sets
//     state = poseidon_hash_many(state+1, w_1, ..., w_n) and counter = 0.
//   - A random field element is poseidon_hash(state, counter++), taken as
//     is (standard form; no rejection sampling).
//   - A random number is the low 64 bits of such an element modulo a
//     power-of-two bound.
//   - Byte messages (hashes, table values, the PoW nonce) are the words'
//     standard-form bytes; a table value is then read from those bytes as
//     Montgomery form, exactly as the keccak channel reads it, while
//     "Field Elements" spans (OODS values, FRI last layer) are the words
//     themselves.
//   - The proof of work hashes the state's standard-form bytes with the
//     proof's pow_hash (blake256) and uses the last 8 bytes of a 32-byte
//     nonce.
type FeltVerifier struct {
	state      fp.Element
	counter    uint64
	proof      []byte
	pos        int
	queryPhase bool
	powHash    func(parts ...[]byte) hash.Digest
	ann        *Annotator
}

// NewFeltVerifier returns the poseidon3 channel over proof with the given
// initial state and proof-of-work hash ("blake256" or "keccak256").
func NewFeltVerifier(state fp.Element, proof []byte, powHash string) (*FeltVerifier, error) {
	var h func(parts ...[]byte) hash.Digest
	switch powHash {
	case "blake256":
		h = hash.Blake2s256
	case "keccak256":
		h = hash.Keccak256
	default:
		return nil, fmt.Errorf("%w: pow_hash %q", hash.ErrUnknownHash, powHash)
	}
	if len(proof)%32 != 0 {
		return nil, &ReadError{Offset: len(proof) - len(proof)%32, What: "proof", Err: fmt.Errorf("%w: length %d is not a multiple of 32", ErrProofTooShort, len(proof))}
	}
	for i := 0; i < len(proof); i += 32 {
		if !hash.Below(proof[i : i+32]) {
			return nil, &ReadError{Offset: i, What: "proof word " + strconv.Itoa(i/32), Err: ErrNotInField}
		}
	}
	return &FeltVerifier{state: state, proof: proof, powHash: h}, nil
}

// SetAnnotator makes the channel record Stone's annotation lines.
func (c *FeltVerifier) SetAnnotator(a *Annotator) { c.ann = a }

// Annotator returns the annotator, or nil.
func (c *FeltVerifier) Annotator() *Annotator { return c.ann }

// Annotating reports whether an annotator is attached.
func (c *FeltVerifier) Annotating() bool { return c.ann != nil }

// Enter opens an annotation scope.
func (c *FeltVerifier) Enter(scope string) {
	if c.ann != nil {
		c.ann.Push(scope)
	}
}

// Exit closes the innermost annotation scope.
func (c *FeltVerifier) Exit() {
	if c.ann != nil {
		c.ann.Pop()
	}
}

// State returns the channel state.
func (c *FeltVerifier) State() fp.Element { return c.state }

// Offset returns the number of proof bytes read so far.
func (c *FeltVerifier) Offset() int { return c.pos }

// Done reports whether the whole proof was read.
func (c *FeltVerifier) Done() bool { return c.pos >= len(c.proof) }

// BeginQueryPhase stops mixing prover messages and forbids randomness.
func (c *FeltVerifier) BeginQueryPhase() { c.queryPhase = true }

func (c *FeltVerifier) what(label string) string {
	if c.ann != nil {
		return c.ann.Scope() + ": " + label
	}
	return label
}

// receive reads n bytes (a whole number of words) and mixes them.
func (c *FeltVerifier) receive(n int, label string) ([]byte, int, error) {
	if n < 0 || n%32 != 0 || len(c.proof)-c.pos < n {
		return nil, c.pos, &ReadError{Offset: c.pos, What: c.what(label), Err: ErrProofTooShort}
	}
	start := c.pos
	b := c.proof[start : start+n]
	c.pos += n
	if !c.queryPhase {
		words := make([]felt.Felt, 1+n/32)
		var one fp.Element
		one.SetOne()
		(*fp.Element)(&words[0]).Add(&c.state, &one)
		for i := 1; i < len(words); i++ {
			// Below p: checked by NewFeltVerifier.
			words[i] = hash.FeltOf(hash.Digest(b[32*(i-1) : 32*i]))
		}
		c.state = fp.Element(poseidon.HashMany(words))
		c.counter = 0
	}
	return b, start, nil
}

func (c *FeltVerifier) annotateP2V(start int, label, kind, value string) {
	if c.ann != nil {
		c.ann.add("P->V[" + strconv.Itoa(start) + ":" + strconv.Itoa(c.pos) + "]: " + c.ann.Scope() + ": " + label + ": " + kind + "(" + value + ")")
	}
}

func (c *FeltVerifier) annotateV2P(label, kind, value string) {
	if c.ann != nil {
		c.ann.add("V->P: " + c.ann.Scope() + ": " + label + ": " + kind + "(" + value + ")")
	}
}

// ReceiveHash reads a 32-byte commitment or decommitment node.
func (c *FeltVerifier) ReceiveHash(label string) (hash.Digest, error) {
	return c.ReceiveHashAs(label, nil)
}

// ReceiveHashAs reads a node of hash h, annotated as Stone prints h's
// digests.
func (c *FeltVerifier) ReceiveHashAs(label string, h hash.Hasher) (hash.Digest, error) {
	var d hash.Digest
	b, start, err := c.receive(32, label)
	if err != nil {
		return d, err
	}
	copy(d[:], b)
	c.annotateP2V(start, label, "Hash", hash.Format(h, d))
	return d, nil
}

// ReceiveData reads n raw bytes (n a multiple of 32).
func (c *FeltVerifier) ReceiveData(n int, label string) ([]byte, error) {
	b, start, err := c.receive(n, label)
	if err != nil {
		return nil, err
	}
	c.annotateP2V(start, label, "Data", hash.HexNoLeadingZeros(b))
	return b, nil
}

// ReceiveFelt reads one table value: a word whose bytes are the value's
// Montgomery form (Stone's VerifierChannel::ReceiveFieldElementImpl over
// ReceiveBytes).
func (c *FeltVerifier) ReceiveFelt(label string) (fp.Element, error) {
	b, start, err := c.receive(32, label)
	if err != nil {
		return fp.Element{}, err
	}
	e, ok := FeltFromMontgomeryBytes(b)
	if !ok {
		return e, &ReadError{Offset: start, What: c.what(label), Err: ErrNotInField}
	}
	c.annotateP2V(start, label, "Field Element", FeltHex(&e))
	return e, nil
}

// ReceiveFelts reads n words as field elements in standard form, one
// message (ReceiveFieldElementSpanImpl), annotated as "Field Elements".
func (c *FeltVerifier) ReceiveFelts(n int, label string) ([]fp.Element, error) {
	if n < 0 || n > (len(c.proof)-c.pos)/32 {
		return nil, &ReadError{Offset: c.pos, What: c.what(label), Err: ErrProofTooShort}
	}
	b, start, err := c.receive(32*n, label)
	if err != nil {
		return nil, err
	}
	out := make([]fp.Element, n)
	for i := range out {
		out[i] = fp.Element(hash.FeltOf(hash.Digest(b[32*i : 32*i+32])))
	}
	if c.ann != nil {
		parts := make([]string, n)
		for i := range out {
			parts[i] = FeltHex(&out[i])
		}
		c.annotateP2V(start, label, "Field Elements", strings.Join(parts, ", "))
	}
	return out, nil
}

func (c *FeltVerifier) next() fp.Element {
	r := poseidon.Hash(felt.Felt(c.state), felt.FromUint64(c.counter))
	c.counter++
	return fp.Element(r)
}

// RandomFelt draws a field element: poseidon_hash(state, counter).
func (c *FeltVerifier) RandomFelt(label string) (fp.Element, error) {
	if c.queryPhase {
		return fp.Element{}, ErrQueryPhase
	}
	e := c.next()
	c.annotateV2P(label, "Field Element", FeltHex(&e))
	return e, nil
}

// RandomNumber draws a number in [0, bound), bound a power of two: the low
// 64 bits of a random element's standard form, modulo bound. Stone's felt
// channel does not itself forbid this in the query phase; we do, as the
// keccak channel does.
func (c *FeltVerifier) RandomNumber(bound uint64, label string) (uint64, error) {
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

// ProofOfWork reads the 32-byte nonce word and checks its last 8 bytes
// against the state before it: with init = H(0x0123456789abcded || state
// bytes || bits), H(init || nonce8) must start with bits zero bits (H the
// pow hash). Zero bits reads nothing.
func (c *FeltVerifier) ProofOfWork(bits int) error {
	if bits == 0 {
		return nil
	}
	if bits < 0 || bits > 64 {
		return ErrBound
	}
	c.Enter("Proof of Work")
	defer c.Exit()
	state := c.state.Bytes()
	nonce, err := c.ReceiveData(32, "POW")
	if err != nil {
		return err
	}
	magic := []byte{0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xed}
	init := c.powHash(magic, state[:], []byte{byte(bits)})
	h := c.powHash(init[:], nonce[24:])
	word := binary.BigEndian.Uint64(h[:8])
	if (bits >= 64 && word != 0) || (bits < 64 && word >= uint64(1)<<(64-bits)) {
		return &ReadError{Offset: c.pos - 32, What: c.what("POW"), Err: ErrProofOfWork}
	}
	return nil
}

// AnnotateExtraHash records a verifier-computed hash as an extra annotation.
func (c *FeltVerifier) AnnotateExtraHash(label string, h hash.Hasher, d hash.Digest) {
	if c.ann != nil {
		c.ann.addExtra(label, "Hash", hash.Format(h, d))
	}
}

// AnnotateExtraFelt records a verifier-computed field element.
func (c *FeltVerifier) AnnotateExtraFelt(label string, e *fp.Element) {
	if c.ann != nil {
		c.ann.addExtra(label, "Field Element", FeltHex(e))
	}
}
