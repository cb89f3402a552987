package keccak

import (
	"encoding/binary"
	"math/bits"
)

// roundConstants are the 24 ι constants of Keccak-f[1600].
var roundConstants = [Rounds]uint64{
	0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
	0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
	0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
	0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
	0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
	0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
}

// Rounds is the number of rounds of Keccak-f[1600].
const Rounds = 24

// KeccakF1600 applies the Keccak-f[1600] permutation to state in place.
// Lane (x, y) is state[x+5*y], and a lane's bytes are little-endian, as in
// FIPS 202 and cairo-lang's keccak_func. It does not allocate.
func KeccakF1600(state *[25]uint64) {
	// Lane a<x><y> is state[x+5y].
	a00 := state[0]
	a10 := state[1]
	a20 := state[2]
	a30 := state[3]
	a40 := state[4]
	a01 := state[5]
	a11 := state[6]
	a21 := state[7]
	a31 := state[8]
	a41 := state[9]
	a02 := state[10]
	a12 := state[11]
	a22 := state[12]
	a32 := state[13]
	a42 := state[14]
	a03 := state[15]
	a13 := state[16]
	a23 := state[17]
	a33 := state[18]
	a43 := state[19]
	a04 := state[20]
	a14 := state[21]
	a24 := state[22]
	a34 := state[23]
	a44 := state[24]
	for _, rc := range roundConstants {
		// θ
		c0 := a00 ^ a01 ^ a02 ^ a03 ^ a04
		c1 := a10 ^ a11 ^ a12 ^ a13 ^ a14
		c2 := a20 ^ a21 ^ a22 ^ a23 ^ a24
		c3 := a30 ^ a31 ^ a32 ^ a33 ^ a34
		c4 := a40 ^ a41 ^ a42 ^ a43 ^ a44
		d0 := c4 ^ bits.RotateLeft64(c1, 1)
		d1 := c0 ^ bits.RotateLeft64(c2, 1)
		d2 := c1 ^ bits.RotateLeft64(c3, 1)
		d3 := c2 ^ bits.RotateLeft64(c4, 1)
		d4 := c3 ^ bits.RotateLeft64(c0, 1)
		// ρ and π: b[y][2x+3y] = rot(a[x][y] ^ d[x], r[x][y])
		b00 := a00 ^ d0
		b13 := bits.RotateLeft64(a01^d0, 36)
		b21 := bits.RotateLeft64(a02^d0, 3)
		b34 := bits.RotateLeft64(a03^d0, 41)
		b42 := bits.RotateLeft64(a04^d0, 18)
		b02 := bits.RotateLeft64(a10^d1, 1)
		b10 := bits.RotateLeft64(a11^d1, 44)
		b23 := bits.RotateLeft64(a12^d1, 10)
		b31 := bits.RotateLeft64(a13^d1, 45)
		b44 := bits.RotateLeft64(a14^d1, 2)
		b04 := bits.RotateLeft64(a20^d2, 62)
		b12 := bits.RotateLeft64(a21^d2, 6)
		b20 := bits.RotateLeft64(a22^d2, 43)
		b33 := bits.RotateLeft64(a23^d2, 15)
		b41 := bits.RotateLeft64(a24^d2, 61)
		b01 := bits.RotateLeft64(a30^d3, 28)
		b14 := bits.RotateLeft64(a31^d3, 55)
		b22 := bits.RotateLeft64(a32^d3, 25)
		b30 := bits.RotateLeft64(a33^d3, 21)
		b43 := bits.RotateLeft64(a34^d3, 56)
		b03 := bits.RotateLeft64(a40^d4, 27)
		b11 := bits.RotateLeft64(a41^d4, 20)
		b24 := bits.RotateLeft64(a42^d4, 39)
		b32 := bits.RotateLeft64(a43^d4, 8)
		b40 := bits.RotateLeft64(a44^d4, 14)
		// χ
		a00 = b00 ^ (^b10 & b20)
		a10 = b10 ^ (^b20 & b30)
		a20 = b20 ^ (^b30 & b40)
		a30 = b30 ^ (^b40 & b00)
		a40 = b40 ^ (^b00 & b10)
		a01 = b01 ^ (^b11 & b21)
		a11 = b11 ^ (^b21 & b31)
		a21 = b21 ^ (^b31 & b41)
		a31 = b31 ^ (^b41 & b01)
		a41 = b41 ^ (^b01 & b11)
		a02 = b02 ^ (^b12 & b22)
		a12 = b12 ^ (^b22 & b32)
		a22 = b22 ^ (^b32 & b42)
		a32 = b32 ^ (^b42 & b02)
		a42 = b42 ^ (^b02 & b12)
		a03 = b03 ^ (^b13 & b23)
		a13 = b13 ^ (^b23 & b33)
		a23 = b23 ^ (^b33 & b43)
		a33 = b33 ^ (^b43 & b03)
		a43 = b43 ^ (^b03 & b13)
		a04 = b04 ^ (^b14 & b24)
		a14 = b14 ^ (^b24 & b34)
		a24 = b24 ^ (^b34 & b44)
		a34 = b34 ^ (^b44 & b04)
		a44 = b44 ^ (^b04 & b14)
		// ι
		a00 ^= rc
	}
	state[0] = a00
	state[1] = a10
	state[2] = a20
	state[3] = a30
	state[4] = a40
	state[5] = a01
	state[6] = a11
	state[7] = a21
	state[8] = a31
	state[9] = a41
	state[10] = a02
	state[11] = a12
	state[12] = a22
	state[13] = a32
	state[14] = a42
	state[15] = a03
	state[16] = a13
	state[17] = a23
	state[18] = a33
	state[19] = a43
	state[20] = a04
	state[21] = a14
	state[22] = a24
	state[23] = a34
	state[24] = a44
}

// StateBytes is the size of the Keccak-f[1600] state in bytes.
const StateBytes = 200

// PermuteBytes applies KeccakF1600 to a 200-byte state whose lanes are
// little-endian 8-byte words, which is how cairo-lang's keccak_f (and so the
// keccak builtin, on its 8 little-endian 200-bit input felts) lays it out.
func PermuteBytes(b *[StateBytes]byte) {
	var s [25]uint64
	for i := range s {
		s[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	KeccakF1600(&s)
	for i := range s {
		binary.LittleEndian.PutUint64(b[8*i:], s[i])
	}
}

// Rate256 is the sponge rate of Keccak-256 in bytes (1600 - 2*256 bits).
const Rate256 = 136

// Keccak256 is the original (pre-FIPS, "legacy") Keccak-256 hash used by
// Ethereum, Starknet and cairo-lang: pad10*1 with the domain byte 0x01
// (SHA3-256 uses 0x06).
func Keccak256(data []byte) [32]byte {
	return sponge256(data, 0x01)
}

func sponge256(data []byte, domain byte) [32]byte {
	var s [25]uint64
	for len(data) >= Rate256 {
		for i := range Rate256 / 8 {
			s[i] ^= binary.LittleEndian.Uint64(data[8*i:])
		}
		KeccakF1600(&s)
		data = data[Rate256:]
	}
	var last [Rate256]byte
	copy(last[:], data)
	last[len(data)] ^= domain
	last[Rate256-1] ^= 0x80
	for i := range Rate256 / 8 {
		s[i] ^= binary.LittleEndian.Uint64(last[8*i:])
	}
	KeccakF1600(&s)
	var out [32]byte
	for i := range 4 {
		binary.LittleEndian.PutUint64(out[8*i:], s[i])
	}
	return out
}
