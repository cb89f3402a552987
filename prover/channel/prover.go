package channel

import (
	"encoding/binary"
	"errors"
	"math/big"
	"strconv"
	"strings"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"
	"golang.org/x/crypto/sha3"

	vchannel "github.com/cairn-vm/cairn/stark/channel"
	"github.com/cairn-vm/cairn/stark/hash"
)

// ErrQueryPhase is returned for randomness requested after the query
// phase began.
var ErrQueryPhase = errors.New("channel: randomness requested in the query phase")

// maxDivisible is 31·p, the largest multiple of p below 2^256: Stone
// redraws random 256-bit values at or above it.
var maxDivisible = new(big.Int).Mul(fp.Modulus(), big.NewInt(31))

// Prover is the prover's channel: it writes the proof and draws the
// verifier's randomness.
type Prover struct {
	prng       *vchannel.KeccakPrng
	proof      []byte
	queryPhase bool
	ann        *vchannel.Annotator
	stats      Statistics
	nonce      *uint64
	powFrom    uint64
}

// SearchPoWFrom makes ProofOfWork search nonces from n on instead of 0.
func (c *Prover) SearchPoWFrom(n uint64) { c.powFrom = n }

// Err is always nil: any bytes can go into a keccak256 proof.
func (c *Prover) Err() error { return nil }

// UseNonce makes the next ProofOfWork send n (checked) without searching.
func (c *Prover) UseNonce(n uint64) { c.nonce = &n }

// Statistics counts what was sent, as Stone's ProofStatistics.
type Statistics struct {
	Hashes, Commitments, FieldElements, Data int
}

// Statistics returns the counts so far.
func (c *Prover) Statistics() Statistics { return c.stats }

// StatisticsLines are Stone's "Proof Statistics" lines.
func (c *Prover) StatisticsLines() []string { return statisticsLines(len(c.proof), c.stats) }

func statisticsLines(bytes int, s Statistics) []string {
	return []string{
		"Byte count: " + strconv.Itoa(bytes),
		"Hash count: " + strconv.Itoa(s.Hashes),
		"Commitment count: " + strconv.Itoa(s.Commitments),
		"Field element count: " + strconv.Itoa(s.FieldElements),
		"Data count: " + strconv.Itoa(s.Data),
	}
}

// NewProver starts a channel whose hash chain begins at seed (the
// statement's public-input hash, stark/statement.Seed).
func NewProver(seed hash.Digest) *Prover {
	return &Prover{prng: vchannel.NewKeccakPrng(seed)}
}

// SetAnnotator makes the channel record Stone's annotation lines.
func (c *Prover) SetAnnotator(a *vchannel.Annotator) { c.ann = a }

// Annotator returns the annotator, or nil.
func (c *Prover) Annotator() *vchannel.Annotator { return c.ann }

// Enter opens an annotation scope.
func (c *Prover) Enter(scope string) {
	if c.ann != nil {
		c.ann.Push(scope)
	}
}

// Exit closes the innermost annotation scope.
func (c *Prover) Exit() {
	if c.ann != nil {
		c.ann.Pop()
	}
}

// Proof returns the bytes sent so far.
func (c *Prover) Proof() []byte { return c.proof }

// State returns the hash-chain state.
func (c *Prover) State() hash.Digest { return c.prng.State() }

// BeginQueryPhase stops mixing messages into the chain.
func (c *Prover) BeginQueryPhase() { c.queryPhase = true }

func (c *Prover) send(b []byte, label, kind, value string) {
	start := len(c.proof)
	c.proof = append(c.proof, b...)
	if !c.queryPhase {
		c.prng.MixSeedWithBytes(b)
	}
	if c.ann != nil {
		c.ann.Lines = append(c.ann.Lines, "P->V["+strconv.Itoa(start)+":"+strconv.Itoa(len(c.proof))+"]: "+
			c.ann.Scope()+": "+label+": "+kind+"("+value+")")
	}
}

func (c *Prover) annotateV2P(label, kind, value string) {
	if c.ann != nil {
		c.ann.Lines = append(c.ann.Lines, "V->P: "+c.ann.Scope()+": "+label+": "+kind+"("+value+")")
	}
}

// SendHash sends a commitment or decommitment node of hash h (which
// decides how the annotation prints it).
func (c *Prover) SendHash(label string, h hash.Hasher, d hash.Digest) {
	c.stats.Hashes++
	c.send(d[:], label, "Hash", hash.Format(h, d))
}

// SendCommitment sends a table's root (a hash Stone counts as a
// commitment too).
func (c *Prover) SendCommitment(label string, h hash.Hasher, d hash.Digest) {
	c.stats.Commitments++
	c.SendHash(label, h, d)
}

// SendFelt sends one field element (Montgomery form, big-endian).
func (c *Prover) SendFelt(label string, e fp.Element) {
	var b [32]byte
	vchannel.MontgomeryBytes(&e, b[:])
	c.stats.FieldElements++
	c.send(b[:], label, "Field Element", vchannel.FeltHex(&e))
}

// SendData sends raw bytes.
func (c *Prover) SendData(label string, b []byte) {
	c.stats.Data++
	c.send(b, label, "Data", hash.HexNoLeadingZeros(b))
}

// RandomFelt draws a field element: 32 bytes read big-endian, redrawn
// while at or above 31·p, reduced mod p and taken as Montgomery form.
func (c *Prover) RandomFelt(label string) (fp.Element, error) {
	if c.queryPhase {
		return fp.Element{}, ErrQueryPhase
	}
	var b [32]byte
	v := new(big.Int)
	for {
		c.prng.RandomBytes(b[:])
		v.SetBytes(b[:])
		if v.Cmp(maxDivisible) < 0 {
			break
		}
	}
	v.Mod(v, fp.Modulus())
	v.FillBytes(b[:])
	e, _ := vchannel.FeltFromMontgomeryBytes(b[:])
	c.annotateV2P(label, "Field Element", vchannel.FeltHex(&e))
	return e, nil
}

// SendFelts sends field elements as one message (one mix), annotated as
// "Field Elements".
func (c *Prover) SendFelts(label string, es []fp.Element) {
	b := make([]byte, 32*len(es))
	parts := make([]string, len(es))
	for i := range es {
		vchannel.MontgomeryBytes(&es[i], b[32*i:])
		parts[i] = vchannel.FeltHex(&es[i])
	}
	c.stats.FieldElements += len(es)
	c.send(b, label, "Field Elements", strings.Join(parts, ", "))
}

// ErrBound is returned for a random-number bound Stone does not allow.
var ErrBound = errors.New("channel: bad bound")

// RandomNumber draws a number in [0, bound): 8 random bytes read
// big-endian, modulo bound (Stone requires bound < 2^48).
func (c *Prover) RandomNumber(bound uint64, label string) (uint64, error) {
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

// ProofOfWork finds and sends (scope "Proof of Work", label "POW") the
// smallest nonce that meets the keccak256 proof of work of the current
// state, the nonce Stone's ProofOfWorkProver returns. Zero bits sends
// nothing.
func (c *Prover) ProofOfWork(bits int) error {
	if bits == 0 {
		return nil
	}
	if bits < 0 || bits > 64 {
		return ErrBound
	}
	st := c.prng.State()
	var nonce uint64
	if c.nonce != nil {
		if nonce = *c.nonce; !checkNonce(sha3.NewLegacyKeccak256, st[:], bits, nonce) {
			return ErrNonce
		}
		c.nonce = nil
	} else {
		var err error
		if nonce, err = Solve("keccak256", st[:], bits, c.powFrom); err != nil {
			return err
		}
	}
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], nonce)
	c.Enter("Proof of Work")
	c.SendData("POW", b[:])
	c.Exit()
	return nil
}
