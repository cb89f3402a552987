// Package fft owns the prover's number-theoretic transforms over the Cairo
// prime field (gnark-crypto's stark-curve fp): radix-2 transforms on the
// subgroups Stone uses, G_k = 3^((p-1)/2^k) of order 2^k, interpolation
// from the trace domain, and evaluation on cosets offset·G_k^i in natural
// or bit-reversed order.
//
// The roots of unity are computed here from the generator 3 rather than
// taken from gnark-crypto's generated fft package, whose root-of-unity
// setup is wrong when the 2-adicity exceeds 63 (the Cairo prime's is 192).
//
// The arithmetic runs in AVX-512 IFMA kernels where the CPU has them
// (bfly_amd64.s, written by internal/genbfly): the butterfly, its
// twiddle-1 and constant-twiddle forms, and the element-wise products
// Mul and ScalarMul, which the composition evaluator and FRI use too.
// Elsewhere the same operations go through gnark-crypto's fp.Vector.
//
// Large transforms split across GOMAXPROCS goroutines: the top butterfly
// stage of a decimation-in-frequency transform is shared, after which the
// two halves are independent transforms done concurrently.
package fft
