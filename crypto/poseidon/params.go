package poseidon

import "github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

// RoundConstants returns cairo-lang's ark: the constants added to the
// state in each round (a copy). Trace generators that write every round's
// state need them as they are, not in the optimized schedule Permute uses.
func RoundConstants() [Rounds][3]fp.Element { return roundConstants }

// MixLayer multiplies s by the MDS matrix [[3,1,1],[1,-1,1],[1,1,-2]] in
// place.
func MixLayer(s *[Width]fp.Element) { mds(s) }
