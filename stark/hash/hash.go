package hash

import (
	"encoding/hex"
	"fmt"
	"strings"

	"golang.org/x/crypto/blake2s"
	"golang.org/x/crypto/sha3"
)

// Digest is a 32-byte hash value as Stone stores it: the raw digest bytes,
// masked where the hash is a masked one.
type Digest [32]byte

// Hex formats d as Stone's annotations do: the digest read as a big-endian
// number, "0x" then hex without leading zeros.
func (d Digest) Hex() string { return HexNoLeadingZeros(d[:]) }

// HexNoLeadingZeros formats b as a big-endian number in hex with a 0x
// prefix and no leading zeros ("0x0" for all zeros).
func HexNoLeadingZeros(b []byte) string {
	s := strings.TrimLeft(hex.EncodeToString(b), "0")
	if s == "" {
		s = "0"
	}
	return "0x" + s
}

// Hasher is one of Stone's commitment hashes.
type Hasher interface {
	// Name is Stone's name for the hash ("keccak256_masked160_msb").
	Name() string
	// HashBytes hashes a byte string (Stone's HashBytesWithLength).
	HashBytes(b []byte) Digest
	// HashPair hashes two digests (Stone's Hash(a, b)), the Merkle node hash.
	HashPair(a, b Digest) Digest
}

// Keccak256 returns keccak256 (the original Keccak padding, as Ethereum
// uses) of the concatenation of parts.
func Keccak256(parts ...[]byte) Digest {
	h := sha3.NewLegacyKeccak256()
	for _, p := range parts {
		h.Write(p)
	}
	var d Digest
	h.Sum(d[:0])
	return d
}

// Blake2s256 returns BLAKE2s-256 (Stone's "blake256") of the concatenation
// of parts.
func Blake2s256(parts ...[]byte) Digest {
	h, _ := blake2s.New256(nil)
	for _, p := range parts {
		h.Write(p)
	}
	var d Digest
	h.Sum(d[:0])
	return d
}

type masked struct {
	name  string
	base  func(parts ...[]byte) Digest
	bytes int  // effective bytes kept
	msb   bool // keep the first (most significant) bytes, else the last
}

func (m masked) Name() string { return m.name }

func (m masked) mask(d Digest) Digest {
	if m.bytes == len(d) {
		return d
	}
	var out Digest
	if m.msb {
		copy(out[:m.bytes], d[:m.bytes])
	} else {
		off := len(d) - m.bytes
		copy(out[off:], d[off:])
	}
	return out
}

// Hex formats d as Stone's MaskedHash::ToString: MSB-masked digests as a
// number without leading zeros, LSB-masked ones (whose first bytes are the
// zeroed ones) as all 64 hex digits.
func (m masked) Hex(d Digest) string {
	if m.msb {
		return d.Hex()
	}
	return "0x" + hex.EncodeToString(d[:])
}

// Format formats d as Stone annotates a digest of hash h (see masked.Hex);
// a nil h or another hash prints without leading zeros.
func Format(h Hasher, d Digest) string {
	if f, ok := h.(interface{ Hex(Digest) string }); ok {
		return f.Hex(d)
	}
	return d.Hex()
}

func (m masked) HashBytes(b []byte) Digest { return m.mask(m.base(b)) }

func (m masked) HashPair(a, b Digest) Digest { return m.mask(m.base(a[:], b[:])) }

var (
	// Keccak256Hasher is plain keccak256.
	Keccak256Hasher Hasher = masked{"keccak256", Keccak256, 32, true}
	// Keccak256Masked160MSB keeps the first 20 digest bytes and zeroes the rest.
	Keccak256Masked160MSB Hasher = masked{"keccak256_masked160_msb", Keccak256, 20, true}
	// Keccak256Masked160LSB keeps the last 20 digest bytes.
	Keccak256Masked160LSB Hasher = masked{"keccak256_masked160_lsb", Keccak256, 20, false}
	// Blake256Hasher is plain BLAKE2s-256.
	Blake256Hasher Hasher = masked{"blake256", Blake2s256, 32, true}
	// Blake256Masked160LSB keeps the last 20 digest bytes.
	Blake256Masked160LSB Hasher = masked{"blake256_masked160_lsb", Blake2s256, 20, false}
	// Blake256Masked248LSB zeroes the first digest byte.
	Blake256Masked248LSB Hasher = masked{"blake256_masked248_lsb", Blake2s256, 31, false}
)

var byName = map[string]Hasher{}

func init() {
	for _, h := range []Hasher{Keccak256Hasher, Keccak256Masked160MSB, Keccak256Masked160LSB,
		Blake256Hasher, Blake256Masked160LSB, Blake256Masked248LSB, Poseidon3Hasher} {
		byName[h.Name()] = h
	}
}

// ErrUnknownHash is returned by ByName for hashes this package lacks.
var ErrUnknownHash = fmt.Errorf("unknown or unsupported hash")

// ByName returns the hasher Stone calls name.
func ByName(name string) (Hasher, error) {
	if h, ok := byName[name]; ok {
		return h, nil
	}
	return nil, fmt.Errorf("%w: %q", ErrUnknownHash, name)
}
