// Package pedersen implements the Starknet Pedersen hash exactly as cairo-lang
// 0.14 defines it (starkware/crypto/signature/fast_pedersen_hash.py, which is
// what the VM's pedersen builtin uses):
//
//	H(a, b) = [shift + a_low*P0 + a_high*P1 + b_low*P2 + b_high*P3].x
//
// where a_low is the low 248 bits of a, a_high its top 4 bits, and shift, P0,
// P1, P2, P3 are the constant points CONSTANT_POINTS[0], [2], [2+248],
// [2+252], [2+252+248] of starkware/crypto/signature/pedersen_params.json, on
// the STARK curve y^2 = x^3 + x + beta.
//
// The arithmetic is gnark-crypto's stark-curve group law (complete Jacobian
// formulas), as fastecdsa's is in cairo-lang, so the result is the same group
// element whatever the order of additions. Multiples of the four points are
// precomputed in 8-bit windows on first use (about 1 MB, a few milliseconds),
// so a hash is at most 64 mixed additions and one inversion.
//
// gnark-crypto's own ecc/stark-curve/pedersen-hash uses the same constant
// points and decomposition and gives the same results (the tests check it),
// but it builds its tables in a package init() that costs over 100 ms in every
// binary importing it, so it is only used here as a cross-check in tests.
//
// HashOnElements, HashOnElementsWithoutLength and HashChain are cairo-lang's
// compute_hash_on_elements, compute_hash_on_elements_without_length
// (starkware/cairo/common/hash_state.py) and compute_hash_chain
// (starkware/cairo/common/hash_chain.py, used for Pedersen program hashes).
package pedersen
