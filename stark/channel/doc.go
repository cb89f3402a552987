// Package channel is Stone's Fiat–Shamir channel, verifier side.
//
// Verifier implements the keccak256 channel of the "stone" preset
// (NoninteractiveVerifierChannel over PrngImpl<Keccak256>): prover messages
// are read from the proof bytes and, until the query phase, mixed into a
// keccak hash chain (KeccakPrng); verifier randomness (field elements,
// query indices) is drawn from that chain; the proof of work is checked
// with keccak256 against the chain state.
//
// An optional Annotator records the transcript in the exact format of
// Stone's annotations, so tests can compare a whole verification run with
// the annotations a vector carries.
//
// The poseidon3 channel of the "cairo-verifier" preset is not here yet: it
// needs the Poseidon permutation.
package channel
