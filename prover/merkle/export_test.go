package merkle

import "github.com/cairn-vm/cairn/stark/hash"

// Test hooks for the external test package.
type TestByteHasher struct{ b *byteHasher }

func NewByteHasherForTest(h hash.Hasher) TestByteHasher { return TestByteHasher{newByteHasher(h)} }

func (t TestByteHasher) Bytes(p []byte) hash.Digest { return t.b.bytes(p) }

func (t TestByteHasher) Pair(x, y *hash.Digest) hash.Digest { return t.b.pairOf(x, y) }
