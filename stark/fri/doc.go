// Package fri is the verifier side of Stone's FRI low-degree test
// (FriVerifier): the commitment phase (evaluation points, layer
// commitments, last-layer coefficients), the proof of work and the query
// indices, and the decommitment phase, which folds each query through the
// layers of fri_step_list, checks every inner layer against its Merkle
// commitment, and compares the result with the last-layer polynomial.
//
// Folding follows Stone exactly: f(x) + f(−x) + e·(f(x) − f(−x))/x with no
// division by 2, on the bit-reversed subgroup domain without the coset
// offset (Domain), squaring e after each fold.
package fri
