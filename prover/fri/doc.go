// Package fri owns the prover side of Stone's FRI (FriProver): folding
// the first layer by fri_step_list, committing each inner layer as a table
// whose rows are cosets of 2^step consecutive (bit-reversed) elements,
// sending the last layer's coefficients, grinding the proof of work,
// drawing the queries, and decommitting each layer in the order the
// verifier (stark/fri) reads it.
//
// Folding pairs f(x), f(-x) of the bit-reversed domain (x = w_b^bitrev(j),
// the coset offset of the STARK's evaluation domain dropped, as Stone
// does) into f(x) + f(-x) + e·(f(x) - f(-x))/x, squaring e after each
// round of a step.
package fri
