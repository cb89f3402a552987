package poseidon

import (
	"unsafe"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/felt"
)

// Rate is the number of words absorbed per permutation in HashMany.
const Rate = 2

// Width is the state size m.
const Width = 3

const halfFull = FullRounds / 2

// Optimized constant schedule.
//
// In a partial round the S-box touches only state[2], so adding c[0], c[1]
// before the S-box equals adding them after it; by linearity of the MDS matrix
// M, that is the same as adding M*(c[0], c[1], 0) after the round, i.e. to the
// next round's constants. Pushing these carries through all partial rounds
// leaves one scalar per partial round (partialConstants) and a carry that is
// added to the constants of the first full round after them
// (secondHalfConstants[0]).
var (
	partialConstants    [PartialRounds]fp.Element
	secondHalfConstants [halfFull][3]fp.Element
)

func init() { optimizedConstants() }

func optimizedConstants() {
	var carry [3]fp.Element // pending additive term for the state
	for i := range PartialRounds {
		rc := &roundConstants[halfFull+i]
		var a [3]fp.Element
		for j := range 3 {
			a[j].Add(&carry[j], &rc[j])
		}
		partialConstants[i] = a[2]
		a[2].SetZero()
		mds(&a)
		carry = a
	}
	for i := range halfFull {
		secondHalfConstants[i] = roundConstants[halfFull+PartialRounds+i]
	}
	for j := range 3 {
		secondHalfConstants[0][j].Add(&secondHalfConstants[0][j], &carry[j])
	}
}

// mds multiplies s by the MDS matrix in place (plain version, used to derive
// the constant schedule; permute uses mdsFast):
// (3a+b+c, a-b+c, a+b-2c) = t + (2a, -2b, -3c) with t = a+b+c.
func mds(s *[3]fp.Element) {
	var t, u fp.Element
	t.Add(&s[0], &s[1])
	t.Add(&t, &s[2])
	u.Double(&s[0])
	s[0].Add(&t, &u)
	u.Double(&s[1])
	s[1].Sub(&t, &u)
	u.Double(&s[2])
	u.Add(&u, &s[2])
	s[2].Sub(&t, &u)
}

func fullRound(s *[3]fp.Element, c *[3]fp.Element) {
	addMod(&s[0], &s[0], &c[0])
	addMod(&s[1], &s[1], &c[1])
	addMod(&s[2], &s[2], &c[2])
	cube(&s[0], &s[0])
	cube(&s[1], &s[1])
	cube(&s[2], &s[2])
	mdsFast(s)
}

func permute(s *[3]fp.Element) {
	for i := range halfFull {
		fullRound(s, &roundConstants[i])
	}
	for i := range PartialRounds {
		addMod(&s[2], &s[2], &partialConstants[i])
		cube(&s[2], &s[2])
		mdsFast(s)
	}
	for i := range halfFull {
		fullRound(s, &secondHalfConstants[i])
	}
}

// elems reinterprets the state: felt.Felt is defined as fp.Element, so the
// two array types have the same layout.
func elems(state *[3]felt.Felt) *[3]fp.Element {
	return (*[3]fp.Element)(unsafe.Pointer(state))
}

// Permute applies the Hades permutation to state in place (cairo-lang's
// poseidon_perm / hades_permutation with the default parameters). It does not
// allocate.
func Permute(state *[3]felt.Felt) {
	permute(elems(state))
}

// Hash returns poseidon_hash(x, y): the first word of Permute([x, y, 2]).
func Hash(x, y felt.Felt) felt.Felt {
	s := [3]felt.Felt{x, y, felt.FromUint64(2)}
	Permute(&s)
	return s[0]
}

// HashSingle returns poseidon_hash_single(x): the first word of
// Permute([x, 0, 1]).
func HashSingle(x felt.Felt) felt.Felt {
	s := [3]felt.Felt{x, {}, felt.One()}
	Permute(&s)
	return s[0]
}

// HashMany returns poseidon_hash_many(values). The input is padded with a 1
// and, if that leaves an odd length, a 0; each pair (a, b) is then added to
// state[0], state[1] and the state is permuted. The result is state[0].
// HashMany(nil) is the hash of the single padded block (1, 0).
func HashMany(values []felt.Felt) felt.Felt {
	var s [3]fp.Element
	n := len(values)
	i := 0
	for ; i+Rate <= n; i += Rate {
		s[0].Add(&s[0], (*fp.Element)(&values[i]))
		s[1].Add(&s[1], (*fp.Element)(&values[i+1]))
		permute(&s)
	}
	one := fp.One()
	if i < n { // one value left: block (v, 1)
		s[0].Add(&s[0], (*fp.Element)(&values[i]))
		s[1].Add(&s[1], &one)
	} else { // block (1, 0)
		s[0].Add(&s[0], &one)
	}
	permute(&s)
	return felt.Felt(s[0])
}
