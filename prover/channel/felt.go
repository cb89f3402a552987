package channel

import (
	"errors"
	"fmt"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/crypto/poseidon"
	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/stark/hash"
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

// feltChain is the state of Stone's NoninteractiveProverFeltChannel (the
// cairo-verifier preset's poseidon3 channel); stark/channel.FeltVerifier
// is its reading side.
type feltChain struct {
	state   fp.Element
	counter uint64
	powHash string
}

// NewFeltProver starts a poseidon3 felt channel at state (the statement's
// public-input hash read as a field element, stark/statement.SeedFelt)
// whose proof of work uses powHash ("blake256" or "keccak256").
func NewFeltProver(state fp.Element, powHash string) (*Prover, error) {
	if _, err := powFunc(powHash); err != nil {
		return nil, err
	}
	return &Prover{felt: &feltChain{state: state, powHash: powHash}}, nil
}

// mix absorbs a message: state = poseidon_hash_many(state+1, words...),
// counter = 0 (Stone's InnerSendFieldElements), unless in the query phase.
// Every word must be below p even then: it is still part of the proof.
func (f *feltChain) mix(b []byte, queryPhase bool) error {
	if len(b)%32 != 0 {
		return fmt.Errorf("%w: %d bytes", ErrNotFelt, len(b))
	}
	words := make([]felt.Felt, 1+len(b)/32)
	for i := 1; i < len(words); i++ {
		w := b[32*(i-1) : 32*i]
		if !hash.Below(w) {
			return fmt.Errorf("%w: word %d", ErrNotFelt, i-1)
		}
		words[i] = hash.FeltOf(hash.Digest(w))
	}
	if queryPhase {
		return nil
	}
	var one fp.Element
	one.SetOne()
	(*fp.Element)(&words[0]).Add(&f.state, &one)
	f.state = fp.Element(poseidon.HashMany(words))
	f.counter = 0
	return nil
}

// next is the verifier's next random element: poseidon_hash(state,
// counter++).
func (f *feltChain) next() fp.Element {
	r := poseidon.Hash(felt.Felt(f.state), felt.FromUint64(f.counter))
	f.counter++
	return fp.Element(r)
}
