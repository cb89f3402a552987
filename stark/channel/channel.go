package channel

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/stark/hash"
)

var (
	// ErrProofTooShort is returned when the proof ends before a message.
	ErrProofTooShort = errors.New("proof too short")
	// ErrNotInField is returned when a field element in the proof is not below p.
	ErrNotInField = errors.New("field element in proof is not below the prime")
	// ErrProofOfWork is returned when the proof-of-work nonce is wrong.
	ErrProofOfWork = errors.New("wrong proof of work")
	// ErrQueryPhase is returned when randomness is asked for after the query phase began.
	ErrQueryPhase = errors.New("verifier randomness requested in the query phase")
	// ErrBound is returned for a random-number bound Stone does not allow.
	ErrBound = errors.New("random number bound out of range")
)

// ReadError reports a failed read of the proof at a byte offset.
type ReadError struct {
	Offset int
	What   string // scope and label of the message
	Err    error
}

func (e *ReadError) Error() string {
	return fmt.Sprintf("channel: reading %s at proof byte %d: %v", e.What, e.Offset, e.Err)
}

func (e *ReadError) Unwrap() error { return e.Err }

// maxDivisible is the largest multiple of p below 2^256 (31·p): Stone
// rejects random 256-bit values at or above it.
var maxDivisible = func() *big.Int {
	v, _ := new(big.Int).SetString("f80000000000020f00000000000000000000000000000000000000000000001f", 16)
	return v
}()

// Verifier is Stone's non-interactive verifier channel over keccak256 (the
// channel of the "stone" preset). It reads prover messages from the proof
// bytes, mixes every message read before the query phase into the PRNG,
// and draws the verifier's randomness from it.
//
// Field elements travel in Montgomery form (x·2^256 mod p, 32 bytes
// big-endian); since gnark-crypto's fp.Element also stores x·2^256 mod p,
// the bytes are the element's limbs. Random field elements are drawn the
// same way: 32 random bytes read big-endian, redrawn while at or above
// 31·p, reduced mod p, and taken as the Montgomery form.
type Verifier struct {
	prng       *KeccakPrng
	proof      []byte
	pos        int
	queryPhase bool
	ann        *Annotator
}

// NewVerifier returns a channel over proof whose PRNG starts at seed (the
// keccak256 of the serialized public input; see the statement package).
func NewVerifier(seed hash.Digest, proof []byte) *Verifier {
	return &Verifier{prng: NewKeccakPrng(seed), proof: proof}
}

// SetAnnotator makes the channel record Stone's annotation lines.
func (c *Verifier) SetAnnotator(a *Annotator) { c.ann = a }

// Annotator returns the annotator, or nil.
func (c *Verifier) Annotator() *Annotator { return c.ann }

// Enter opens an annotation scope; Exit closes it.
func (c *Verifier) Enter(scope string) {
	if c.ann != nil {
		c.ann.Push(scope)
	}
}

// Exit closes the innermost annotation scope.
func (c *Verifier) Exit() {
	if c.ann != nil {
		c.ann.Pop()
	}
}

// State returns the PRNG state digest.
func (c *Verifier) State() hash.Digest { return c.prng.State() }

// Offset returns the number of proof bytes read so far.
func (c *Verifier) Offset() int { return c.pos }

// Done reports whether the whole proof was read.
func (c *Verifier) Done() bool { return c.pos >= len(c.proof) }

// BeginQueryPhase stops mixing prover messages into the PRNG and forbids
// further randomness.
func (c *Verifier) BeginQueryPhase() { c.queryPhase = true }

func (c *Verifier) what(label string) string {
	if c.ann != nil {
		return c.ann.Scope() + ": " + label
	}
	return label
}

func (c *Verifier) receive(n int, label string) ([]byte, int, error) {
	if n < 0 || len(c.proof)-c.pos < n {
		return nil, c.pos, &ReadError{Offset: c.pos, What: c.what(label), Err: ErrProofTooShort}
	}
	start := c.pos
	b := c.proof[start : start+n]
	c.pos += n
	if !c.queryPhase {
		c.prng.MixSeedWithBytes(b)
	}
	return b, start, nil
}

func (c *Verifier) annotateP2V(start int, label, kind, value string) {
	if c.ann != nil {
		c.ann.add("P->V[" + strconv.Itoa(start) + ":" + strconv.Itoa(c.pos) + "]: " + c.ann.Scope() + ": " + label + ": " + kind + "(" + value + ")")
	}
}

func (c *Verifier) annotateV2P(label, kind, value string) {
	if c.ann != nil {
		c.ann.add("V->P: " + c.ann.Scope() + ": " + label + ": " + kind + "(" + value + ")")
	}
}

// ReceiveHash reads a 32-byte commitment or decommitment node.
func (c *Verifier) ReceiveHash(label string) (hash.Digest, error) { return c.ReceiveHashAs(label, nil) }

// ReceiveHashAs reads a node of hash h, annotated as Stone prints h's
// digests.
func (c *Verifier) ReceiveHashAs(label string, h hash.Hasher) (hash.Digest, error) {
	var d hash.Digest
	b, start, err := c.receive(32, label)
	if err != nil {
		return d, err
	}
	copy(d[:], b)
	c.annotateP2V(start, label, "Hash", hash.Format(h, d))
	return d, nil
}

// ReceiveData reads n raw bytes (the proof-of-work nonce, package
// completions).
func (c *Verifier) ReceiveData(n int, label string) ([]byte, error) {
	b, start, err := c.receive(n, label)
	if err != nil {
		return nil, err
	}
	c.annotateP2V(start, label, "Data", hash.HexNoLeadingZeros(b))
	return b, nil
}

// FeltFromMontgomeryBytes reads 32 big-endian bytes as the Montgomery form
// of a field element. It fails for values not below p.
func FeltFromMontgomeryBytes(b []byte) (fp.Element, bool) {
	var e fp.Element
	if len(b) != 32 {
		return e, false
	}
	e[3] = binary.BigEndian.Uint64(b[0:8])
	e[2] = binary.BigEndian.Uint64(b[8:16])
	e[1] = binary.BigEndian.Uint64(b[16:24])
	e[0] = binary.BigEndian.Uint64(b[24:32])
	if !lessThanModulus(&e) {
		return fp.Element{}, false
	}
	return e, true
}

// MontgomeryBytes writes the Montgomery form of e as 32 big-endian bytes,
// as Stone serializes field elements for hashing.
func MontgomeryBytes(e *fp.Element, out []byte) {
	binary.BigEndian.PutUint64(out[0:8], e[3])
	binary.BigEndian.PutUint64(out[8:16], e[2])
	binary.BigEndian.PutUint64(out[16:24], e[1])
	binary.BigEndian.PutUint64(out[24:32], e[0])
}

func lessThanModulus(e *fp.Element) bool {
	for i := 3; i >= 0; i-- {
		if e[i] != modulusWords[i] {
			return e[i] < modulusWords[i]
		}
	}
	return false
}

var modulusWords = func() [4]uint64 {
	var w [4]uint64
	m := fp.Modulus()
	for i := 0; i < 4; i++ {
		w[i] = new(big.Int).Rsh(m, uint(64*i)).Uint64()
	}
	return w
}()

// FeltHex formats e in standard form as the annotations do.
func FeltHex(e *fp.Element) string { return "0x" + e.Text(16) }

// ReceiveFelt reads one field element (Montgomery form).
func (c *Verifier) ReceiveFelt(label string) (fp.Element, error) {
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

// ReceiveFelts reads n field elements as one message (one PRNG mix for
// all of them), annotated as "Field Elements".
func (c *Verifier) ReceiveFelts(n int, label string) ([]fp.Element, error) {
	if n < 0 || n > (len(c.proof)-c.pos)/32 {
		return nil, &ReadError{Offset: c.pos, What: c.what(label), Err: ErrProofTooShort}
	}
	b, start, err := c.receive(32*n, label)
	if err != nil {
		return nil, err
	}
	out := make([]fp.Element, n)
	for i := range out {
		e, ok := FeltFromMontgomeryBytes(b[32*i : 32*i+32])
		if !ok {
			return nil, &ReadError{Offset: start + 32*i, What: c.what(label), Err: ErrNotInField}
		}
		out[i] = e
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

// RandomFelt draws a field element from the verifier.
func (c *Verifier) RandomFelt(label string) (fp.Element, error) {
	if c.queryPhase {
		return fp.Element{}, ErrQueryPhase
	}
	e := randomFelt(c.prng)
	c.annotateV2P(label, "Field Element", FeltHex(&e))
	return e, nil
}

func randomFelt(p *KeccakPrng) fp.Element {
	var b [32]byte
	v := new(big.Int)
	for {
		p.RandomBytes(b[:])
		v.SetBytes(b[:])
		if v.Cmp(maxDivisible) < 0 {
			break
		}
	}
	v.Mod(v, fp.Modulus())
	var buf [32]byte
	v.FillBytes(buf[:])
	e, _ := FeltFromMontgomeryBytes(buf[:])
	return e
}

// RandomNumber draws a number in [0, bound): 8 random bytes read
// big-endian, modulo bound. Stone requires bound < 2^48.
func (c *Verifier) RandomNumber(bound uint64, label string) (uint64, error) {
	if c.queryPhase {
		return 0, ErrQueryPhase
	}
	if bound == 0 || bound >= 1<<48 {
		return 0, ErrBound
	}
	var b [8]byte
	c.prng.RandomBytes(b[:])
	n := binary.BigEndian.Uint64(b[:]) % bound
	c.annotateV2P(label, "Number", strconv.FormatUint(n, 10))
	return n, nil
}

// ProofOfWork reads the 8-byte nonce and checks it against the PRNG state
// before the nonce: with init = keccak256(0x0123456789abcded || state ||
// bits as one byte), keccak256(init || nonce) must start with bits zero
// bits. Zero bits reads nothing.
func (c *Verifier) ProofOfWork(bits int) error {
	if bits == 0 {
		return nil
	}
	if bits < 0 || bits > 64 {
		return ErrBound
	}
	c.Enter("Proof of Work")
	defer c.Exit()
	state := c.prng.State()
	nonce, err := c.ReceiveData(8, "POW")
	if err != nil {
		return err
	}
	if !CheckKeccakPoW(state, bits, nonce) {
		return &ReadError{Offset: c.pos - 8, What: c.what("POW"), Err: ErrProofOfWork}
	}
	return nil
}

// CheckKeccakPoW checks a keccak256 proof-of-work nonce for seed.
func CheckKeccakPoW(seed hash.Digest, bits int, nonce []byte) bool {
	magic := []byte{0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xed}
	init := hash.Keccak256(magic, seed[:], []byte{byte(bits)})
	h := hash.Keccak256(init[:], nonce)
	word := binary.BigEndian.Uint64(h[:8])
	if bits >= 64 {
		return word == 0
	}
	return word < uint64(1)<<(64-bits)
}

// AnnotateExtraHash records a verifier-computed hash as an extra annotation.
func (c *Verifier) AnnotateExtraHash(label string, h hash.Hasher, d hash.Digest) {
	if c.ann != nil {
		c.ann.addExtra(label, "Hash", hash.Format(h, d))
	}
}

// AnnotateExtraFelt records a verifier-computed field element as an extra
// annotation.
func (c *Verifier) AnnotateExtraFelt(label string, e *fp.Element) {
	if c.ann != nil {
		c.ann.addExtra(label, "Field Element", FeltHex(e))
	}
}

// Annotating reports whether an annotator is attached.
func (c *Verifier) Annotating() bool { return c.ann != nil }
