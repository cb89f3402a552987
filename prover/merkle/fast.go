package merkle

import (
	gohash "hash"

	"golang.org/x/crypto/blake2s"
	"golang.org/x/crypto/sha3"

	"github.com/cairn-vm/cairn/stark/hash"
)

// byteHasher hashes byte strings as a hash.Hasher does, reusing one hash
// state: a table hashes millions of leaves, and a fresh state per leaf
// (hash.Hasher's HashBytes) costs an allocation and a quarter of the time.
type byteHasher struct {
	h    hash.Hasher
	st   gohash.Hash // nil: fall back to h
	keep int
	msb  bool
	x8   bool // keccak256 with the eight-way permutation
	out  []byte
	pair [64]byte
}

// The masked keccak256 and blake2s hashes by name: digest bytes kept and
// which end (Stone's MaskedHash); TestFastHashers checks each against
// stark/hash.
var fastHashers = map[string]struct {
	keep int
	msb  bool
	blk  bool // blake2s, else keccak256
}{
	"keccak256":               {32, true, false},
	"keccak256_masked160_msb": {20, true, false},
	"keccak256_masked160_lsb": {20, false, false},
	"blake256":                {32, true, true},
	"blake256_masked160_lsb":  {20, false, true},
	"blake256_masked248_lsb":  {31, false, true},
}

func newByteHasher(h hash.Hasher) *byteHasher {
	b := &byteHasher{h: h, out: make([]byte, 0, 32)}
	f, ok := fastHashers[h.Name()]
	if !ok {
		return b
	}
	if f.blk {
		b.st, _ = blake2s.New256(nil) // no key: cannot fail
	} else {
		b.st = sha3.NewLegacyKeccak256()
		b.x8 = haveX8
	}
	b.keep, b.msb = f.keep, f.msb
	return b
}

func (b *byteHasher) bytes(p []byte) hash.Digest {
	if b.st == nil {
		return b.h.HashBytes(p)
	}
	b.st.Reset()
	b.st.Write(p)
	b.out = b.st.Sum(b.out[:0])
	var d hash.Digest
	if b.msb {
		copy(d[:b.keep], b.out[:b.keep])
	} else {
		copy(d[32-b.keep:], b.out[32-b.keep:])
	}
	return d
}

// pairOf hashes two digests (a Merkle node).
func (b *byteHasher) pairOf(x, y *hash.Digest) hash.Digest {
	if b.st == nil {
		return b.h.HashPair(*x, *y)
	}
	copy(b.pair[:32], x[:])
	copy(b.pair[32:], y[:])
	return b.bytes(b.pair[:])
}

// mask keeps the digest bytes of a masked hash.
func (b *byteHasher) mask(full *[32]byte) hash.Digest {
	var d hash.Digest
	if b.msb {
		copy(d[:b.keep], full[:b.keep])
	} else {
		copy(d[32-b.keep:], full[32-b.keep:])
	}
	return d
}

// bytes8 hashes eight inputs of one length (eight at once where the
// eight-way keccak applies).
func (b *byteHasher) bytes8(in *[8][]byte, out *[8]hash.Digest) {
	if !b.x8 {
		for k := range in {
			out[k] = b.bytes(in[k])
		}
		return
	}
	var full [8][32]byte
	keccak256x8(in, &full)
	for k := range full {
		out[k] = b.mask(&full[k])
	}
}

// pairs8 hashes the eight pairs (x[2k], x[2k+1]) (Merkle nodes).
func (b *byteHasher) pairs8(x *[16]hash.Digest, out *[8]hash.Digest) {
	if !b.x8 {
		// a field hash (poseidon) hashes a pair unlike the pair's bytes
		for k := range out {
			out[k] = b.pairOf(&x[2*k], &x[2*k+1])
		}
		return
	}
	var buf [8][64]byte
	var in [8][]byte
	for k := range buf {
		copy(buf[k][:32], x[2*k][:])
		copy(buf[k][32:], x[2*k+1][:])
		in[k] = buf[k][:]
	}
	b.bytes8(&in, out)
}
