// Package poseidon implements Starknet's Poseidon hash exactly as cairo-lang
// 0.14 defines it (starkware/cairo/common/poseidon_hash.py and
// poseidon_utils.py).
//
// The permutation is Hades over the Cairo field with state width m = 3
// (rate 2, capacity 1), 8 full rounds (4 before and 4 after) and 83 partial
// rounds, the S-box x -> x^3, and the MDS matrix
//
//	[3  1  1]
//	[1 -1  1]
//	[1  1 -2]
//
// Each round adds the round constants, applies the S-box (to every word in a
// full round, to the last word only in a partial round) and multiplies by the
// MDS matrix. The 91 x 3 round constants are cairo-lang's, generated into
// constants_gen.go by scripts/crypto-vectors/gen_poseidon_constants.py.
//
// Permute is the poseidon builtin's function (cairo-lang poseidon_perm).
// Hash, HashSingle and HashMany are poseidon_hash, poseidon_hash_single and
// poseidon_hash_many:
//
//	Hash(x, y)      = Permute([x, y, 2])[0]
//	HashSingle(x)   = Permute([x, 0, 1])[0]
//	HashMany(v)     : pad v with 1 and then with 0 to an even length, absorb it
//	                  two words at a time (state[0] += a, state[1] += b, then
//	                  permute), and return state[0].
//
// The partial rounds use an equivalent, cheaper constant schedule (see
// optimizedConstants): only one constant is added per partial round and the
// others are folded into later rounds, which gives bit-identical results.
package poseidon
