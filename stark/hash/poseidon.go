package hash

import (
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/crypto/poseidon"
	"github.com/cairn-vm/cairn/felt"
)

// poseidon3 is Stone's Poseidon3 as a commitment hash (the
// verifier-friendly top layers of the cairo-verifier preset's Merkle trees).
// A digest is a field element in standard form, 32 bytes big-endian.
//
//   - HashPair(a, b) = Permute(a, b, 2)[0]  (Stone's Poseidon3::Hash)
//   - HashBytes(b)   = the sponge over b's 32-byte words, padded with 1 and
//     then 0 to an even count (Stone's HashBytesWithLength), which is
//     cairo-lang's poseidon_hash_many.
//
// Stone asserts every word is below p; in a verifier run the words are
// proof values already checked below p (hashes, Montgomery limbs) or
// masked blake digests (below 2^248), so a word at or above p cannot reach
// here from a proof. It is reduced mod p rather than panicking.
type poseidon3 struct{}

func (poseidon3) Name() string { return "poseidon3" }

// FeltOf reads a digest (32 bytes big-endian) as a field element, reduced
// mod p.
func FeltOf(d Digest) felt.Felt {
	e, err := fp.BigEndian.Element((*[32]byte)(&d))
	if err != nil {
		return felt.FromBytesBEReduce(d[:])
	}
	return felt.Felt(e)
}

// DigestOf writes a field element's standard form as a digest.
func DigestOf(e felt.Felt) Digest { return Digest(e.BytesBE()) }

func (poseidon3) HashPair(a, b Digest) Digest {
	return DigestOf(poseidon.Hash(FeltOf(a), FeltOf(b)))
}

func (poseidon3) HashBytes(b []byte) Digest { return DigestOf(Poseidon3Bytes(b)) }

// Poseidon3Bytes is Stone's Poseidon3::HashBytesWithLength: b (a multiple
// of 32 bytes; a short tail is zero-padded on the right) read as
// big-endian words, hashed with poseidon_hash_many.
func Poseidon3Bytes(b []byte) felt.Felt {
	n := (len(b) + 31) / 32
	words := make([]felt.Felt, n)
	for i := range words {
		var w Digest
		copy(w[:], b[32*i:min(len(b), 32*i+32)])
		words[i] = FeltOf(w)
	}
	return poseidon.HashMany(words)
}

// Poseidon3Hasher is Stone's "poseidon3".
var Poseidon3Hasher Hasher = poseidon3{}

// Below reports whether the 32 big-endian bytes of d are below p (the
// check Stone makes before reading bytes as a field element).
func Below(d []byte) bool {
	return len(d) == 32 && new(big.Int).SetBytes(d).Cmp(fp.Modulus()) < 0
}
