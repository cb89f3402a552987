package channel

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	vchannel "github.com/cairn-vm/cairn/stark/channel"
	"github.com/cairn-vm/cairn/stark/hash"
)

// Channel is a prover channel: Prover (keccak256) or FeltProver
// (poseidon3). The phases write to it without knowing which.
type Channel interface {
	Enter(scope string)
	Exit()
	SetAnnotator(a *vchannel.Annotator)
	Annotator() *vchannel.Annotator
	// SendCommitment sends a table root; SendHash a decommitment node.
	SendCommitment(label string, h hash.Hasher, d hash.Digest)
	SendHash(label string, h hash.Hasher, d hash.Digest)
	// SendFelt sends a table value (its Montgomery form's bytes).
	SendFelt(label string, e fp.Element)
	// SendFelts sends field elements as one message (OODS values with
	// verifier-friendly updates, FRI last-layer coefficients).
	SendFelts(label string, es []fp.Element)
	SendData(label string, b []byte)
	RandomFelt(label string) (fp.Element, error)
	RandomNumber(bound uint64, label string) (uint64, error)
	// ProofOfWork grinds and sends the nonce (scope "Proof of Work").
	ProofOfWork(bits int) error
	BeginQueryPhase()
	Proof() []byte
	StatisticsLines() []string
	// UseNonce makes the next ProofOfWork send n instead of searching
	// (after checking it), to replay a known proof quickly.
	UseNonce(n uint64)
	// SearchPoWFrom makes ProofOfWork search from nonce n instead of 0;
	// the proof is Stone's only when no valid nonce lies below n.
	SearchPoWFrom(n uint64)
	// Err is the first message the channel could not carry (the felt
	// channel's words must be field elements); nil for the keccak channel.
	Err() error
}

var (
	_ Channel = (*Prover)(nil)
	_ Channel = (*FeltProver)(nil)
)

// ErrNotFelt is the felt channel's refusal of a 32-byte word not below p
// (or of a message that is not a whole number of words): its proof is a
// sequence of field elements.
var ErrNotFelt = errors.New("channel: message word is not a field element")

// SendError reports a message the channel could not send, at a proof byte
// offset.
type SendError struct {
	Offset int
	What   string // scope and label of the message
	Err    error
}

func (e *SendError) Error() string {
	return fmt.Sprintf("channel: sending %s at proof byte %d: %v", e.What, e.Offset, e.Err)
}

func (e *SendError) Unwrap() error { return e.Err }

// ErrNonce is returned when a nonce given to UseNonce fails the proof of
// work.
var ErrNonce = errors.New("channel: the given nonce does not meet the proof of work")

// checkNonce reports whether n meets the proof of work for seed.
func checkNonce(newHash PoWHash, seed []byte, bits int, n uint64) bool {
	h := newHash()
	h.Write([]byte{0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xed})
	h.Write(seed)
	h.Write([]byte{byte(bits)})
	init := h.Sum(nil)
	h.Reset()
	h.Write(init)
	var nb [8]byte
	binary.BigEndian.PutUint64(nb[:], n)
	h.Write(nb[:])
	return binary.BigEndian.Uint64(h.Sum(nil)[:8]) < uint64(1)<<(64-bits)
}
