// Command genbfly writes prover/fft/bfly_amd64.s: the FFT butterfly
// (x, y) -> (x + y, (x − y)·t) on eight field elements at a time in
// AVX-512 IFMA registers, for the Cairo prime p = 2^251 + 17·2^192 + 1.
//
// Elements are gnark-crypto's (four 64-bit limbs, Montgomery form with
// R = 2^256, canonical). Eight of them are loaded, transposed to one
// register per limb (lane order e0 e2 e1 e3 e4 e6 e5 e7, the same for
// every operand and undone on store) and split into five 52-bit limbs.
// The sum and the difference are formed limb-wise; the difference is
// taken as 16·(x − y + p), so that the radix-52 Montgomery product with
// t (which divides by 2^260) gives (x − y)·t in R = 2^256 form directly.
// The prime's low 192 bits are 1: −p⁻¹ ≡ −1 (mod 2^52), so each
// reduction multiplier is −t0 mod 2^52, and m·p needs the limbs 0, 3
// and 4 of p only.
//
// Run by go generate in prover/fft; main_test.go checks the committed
// file is current.
package main

import (
	"fmt"
	"os"
	"strings"
)

type gen struct{ b strings.Builder }

func (g *gen) i(format string, args ...any) { fmt.Fprintf(&g.b, "\t"+format+"\n", args...) }
func (g *gen) l(s string)                   { g.b.WriteString(s + "\n") }

func z(n int) string { return fmt.Sprintf("Z%d", n) }

// Constant registers.
const (
	rMask = 31 // 2^52 - 1
	rP3   = 30 // limb 3 of p: 17·2^36
	rP4   = 29 // limb 4 of p: 2^43
	rZero = 28
)

// load reads eight elements at off(ptr) and leaves their 52-bit limbs in
// dst[0..4]; t holds four scratch registers.
func (g *gen) load(ptr string, dst [5]int, t [4]int) {
	for k := range 4 {
		g.i("VMOVDQU64 %d(%s), %s", 64*k, ptr, z(t[k]))
	}
	// t0 = e0 e1, t1 = e2 e3, t2 = e4 e5, t3 = e6 e7 (four limbs each).
	// Unpacking pairs limbs 0/2 and 1/3 of e0 with e2, e1 with e3, ...
	g.i("VPUNPCKLQDQ %s, %s, %s", z(t[1]), z(t[0]), z(dst[0])) // e0.0 e2.0 e0.2 e2.2 e1.0 e3.0 e1.2 e3.2
	g.i("VPUNPCKHQDQ %s, %s, %s", z(t[1]), z(t[0]), z(dst[1])) // limbs 1 and 3
	g.i("VPUNPCKLQDQ %s, %s, %s", z(t[3]), z(t[2]), z(dst[2]))
	g.i("VPUNPCKHQDQ %s, %s, %s", z(t[3]), z(t[2]), z(dst[3]))
	// 128-bit lanes 0 and 2 of each hold limb 0 (resp. 1), lanes 1 and 3 limb 2 (3).
	g.i("VSHUFI64X2 $0x88, %s, %s, %s", z(dst[2]), z(dst[0]), z(t[0])) // limb 0
	g.i("VSHUFI64X2 $0xDD, %s, %s, %s", z(dst[2]), z(dst[0]), z(t[2])) // limb 2
	g.i("VSHUFI64X2 $0x88, %s, %s, %s", z(dst[3]), z(dst[1]), z(t[1])) // limb 1
	g.i("VSHUFI64X2 $0xDD, %s, %s, %s", z(dst[3]), z(dst[1]), z(t[3])) // limb 3
	g.split(t, dst)
}

// split turns four 64-bit limbs w into five 52-bit limbs r (w is kept).
func (g *gen) split(w [4]int, r [5]int) {
	g.i("VPANDQ %s, %s, %s", z(rMask), z(w[0]), z(r[0]))
	for k := 1; k < 4; k++ {
		// r_k = (w_{k-1} >> (64 - 12(k-1))... ) written out per limb
		lo := 52 - 12*(k-1) // bits of w_{k-1} already used: 52, 40, 28 -> shift right by 52, 40, 28
		g.i("VPSRLQ $%d, %s, %s", lo, z(w[k-1]), z(r[k]))
		g.i("VPSLLQ $%d, %s, %s", 64-lo, z(w[k]), z(r[4]))
		g.i("VPORQ %s, %s, %s", z(r[4]), z(r[k]), z(r[k]))
		g.i("VPANDQ %s, %s, %s", z(rMask), z(r[k]), z(r[k]))
	}
	g.i("VPSRLQ $16, %s, %s", z(w[3]), z(r[4]))
}

// join turns five normalized 52-bit limbs r into four 64-bit limbs w.
func (g *gen) join(r [5]int, w [4]int, t int) {
	for k := range 4 {
		// w_k = r_k >> 12k | r_{k+1} << (52 - 12k)
		if k == 0 {
			g.i("VPSLLQ $52, %s, %s", z(r[1]), z(t))
			g.i("VPORQ %s, %s, %s", z(t), z(r[0]), z(w[0]))
			continue
		}
		g.i("VPSRLQ $%d, %s, %s", 12*k, z(r[k]), z(w[k]))
		g.i("VPSLLQ $%d, %s, %s", 52-12*k, z(r[k+1]), z(t))
		g.i("VPORQ %s, %s, %s", z(t), z(w[k]), z(w[k]))
	}
}

// store writes the eight elements of 64-bit limb registers w (lane order
// as load leaves it) to off(ptr); t holds four scratch registers.
func (g *gen) store(ptr string, w [4]int, t [4]int) {
	// Undo the lane shuffle: u0 = limb0 lanes (0,1) | limb2 lanes (0,1), ...
	g.i("VSHUFI64X2 $0x44, %s, %s, %s", z(w[2]), z(w[0]), z(t[0]))
	g.i("VSHUFI64X2 $0xEE, %s, %s, %s", z(w[2]), z(w[0]), z(t[2]))
	g.i("VSHUFI64X2 $0x44, %s, %s, %s", z(w[3]), z(w[1]), z(t[1]))
	g.i("VSHUFI64X2 $0xEE, %s, %s, %s", z(w[3]), z(w[1]), z(t[3]))
	for k := range 4 {
		g.i("VSHUFI64X2 $0xD8, %s, %s, %s", z(t[k]), z(t[k]), z(t[k]))
	}
	// t0 = unpacked (limb 0, limb 2) of e0 e2 e1 e3, t1 = (limb 1, limb 3).
	g.i("VPUNPCKLQDQ %s, %s, %s", z(t[1]), z(t[0]), z(w[0])) // e0, e1
	g.i("VPUNPCKHQDQ %s, %s, %s", z(t[1]), z(t[0]), z(w[1])) // e2, e3
	g.i("VPUNPCKLQDQ %s, %s, %s", z(t[3]), z(t[2]), z(w[2])) // e4, e5
	g.i("VPUNPCKHQDQ %s, %s, %s", z(t[3]), z(t[2]), z(w[3])) // e6, e7
	for k := range 4 {
		g.i("VMOVDQU64 %s, %d(%s)", z(w[k]), 64*k, ptr)
	}
}

// carry normalizes r to 52-bit limbs (signed: arithmetic shifts).
func (g *gen) carry(r [5]int, t int, signed bool) {
	sh := "VPSRLQ"
	if signed {
		sh = "VPSRAQ"
	}
	for k := range 4 {
		g.i("%s $52, %s, %s", sh, z(r[k]), z(t))
		g.i("VPANDQ %s, %s, %s", z(rMask), z(r[k]), z(r[k]))
		g.i("VPADDQ %s, %s, %s", z(t), z(r[k+1]), z(r[k+1]))
	}
}

// reduce takes normalized r < 2p to [0, p): u = r − p with borrows, and
// r where u is negative. The result is in u.
func (g *gen) reduce(r, u [5]int, t int) {
	g.i("MOVQ $1, AX")
	g.i("VPBROADCASTQ AX, %s", z(t))
	g.i("VPSUBQ %s, %s, %s", z(t), z(r[0]), z(u[0]))
	g.i("VMOVDQA64 %s, %s", z(r[1]), z(u[1]))
	g.i("VMOVDQA64 %s, %s", z(r[2]), z(u[2]))
	g.i("VPSUBQ %s, %s, %s", z(rP3), z(r[3]), z(u[3]))
	g.i("VPSUBQ %s, %s, %s", z(rP4), z(r[4]), z(u[4]))
	g.carry(u, t, true)
	g.i("VPMOVQ2M %s, K1", z(u[4]))
	for k := range 5 {
		g.i("VMOVDQA64 %s, K1, %s", z(r[k]), z(u[k]))
	}
}

// montMul computes a·b/2^260 (< 2p for a < 2^257, b < p) from 52-bit
// limbs into five of the six registers acc (unnormalized limbs), and
// returns which (the accumulator rotates a limb per round); m and t are
// scratch.
func (g *gen) montMul(a, b [5]int, acc [6]int, m, t int) [5]int {
	for k := range 6 {
		g.i("VPXORQ %s, %s, %s", z(acc[k]), z(acc[k]), z(acc[k]))
	}
	for i := range 5 {
		for j := range 5 {
			g.i("VPMADD52LUQ %s, %s, %s", z(b[i]), z(a[j]), z(acc[j]))
			g.i("VPMADD52HUQ %s, %s, %s", z(b[i]), z(a[j]), z(acc[j+1]))
		}
		// m = −acc0 mod 2^52; acc0 + m·p has its low 52 bits zero.
		g.i("VPSUBQ %s, %s, %s", z(acc[0]), z(rZero), z(m))
		g.i("VPANDQ %s, %s, %s", z(rMask), z(m), z(m))
		g.i("VPADDQ %s, %s, %s", z(m), z(acc[0]), z(acc[0]))
		g.i("VPMADD52LUQ %s, %s, %s", z(rP3), z(m), z(acc[3]))
		g.i("VPMADD52HUQ %s, %s, %s", z(rP3), z(m), z(acc[4]))
		g.i("VPMADD52LUQ %s, %s, %s", z(rP4), z(m), z(acc[4]))
		g.i("VPMADD52HUQ %s, %s, %s", z(rP4), z(m), z(acc[5]))
		g.i("VPSRLQ $52, %s, %s", z(acc[0]), z(t))
		g.i("VPADDQ %s, %s, %s", z(t), z(acc[1]), z(acc[1]))
		g.i("VPXORQ %s, %s, %s", z(acc[0]), z(acc[0]), z(acc[0]))
		acc = [6]int{acc[1], acc[2], acc[3], acc[4], acc[5], acc[0]}
	}
	return [5]int{acc[0], acc[1], acc[2], acc[3], acc[4]}
}

// constants loads the constant registers.
func (g *gen) constants() {
	g.i("MOVQ $0xFFFFFFFFFFFFF, AX")
	g.i("VPBROADCASTQ AX, %s", z(rMask))
	g.i("MOVQ $0x11000000000, AX")
	g.i("VPBROADCASTQ AX, %s", z(rP3))
	g.i("MOVQ $0x80000000000, AX")
	g.i("VPBROADCASTQ AX, %s", z(rP4))
	g.i("VPXORQ %s, %s, %s", z(rZero), z(rZero), z(rZero))
}

// mulKernel writes res_i = a_i·b_i for 8n elements (b_i = *b for every i
// with constB): 16·a (shifted limbs, normalized: below 2^256) times b by
// the radix-52 Montgomery product.
func (g *gen) mulKernel(name string, constB bool) {
	g.l(fmt.Sprintf("// func %s(res, a, b *Element, n uint64)", name))
	g.l(fmt.Sprintf("TEXT ·%s(SB), NOSPLIT, $0-32", name))
	g.i("MOVQ res+0(FP), DI")
	g.i("MOVQ a+8(FP), SI")
	g.i("MOVQ b+16(FP), DX")
	g.i("MOVQ n+24(FP), CX")
	g.constants()
	A := [5]int{10, 11, 12, 13, 14}
	B := [5]int{5, 6, 7, 8, 9}
	S := [4]int{15, 16, 17, 18}
	U := [5]int{5, 6, 7, 8, 9}
	if constB {
		B = [5]int{23, 24, 25, 26, 27}
		for k := range 4 {
			g.i("VPBROADCASTQ %d(DX), %s", 8*k, z(S[k]))
		}
		g.split(S, B)
	}
	g.l(name + "_loop:")
	g.i("TESTQ CX, CX")
	g.i("JEQ " + name + "_done")
	g.load("SI", A, S)
	if !constB {
		g.load("DX", B, S)
	}
	for k := range 5 {
		g.i("VPSLLQ $4, %s, %s", z(A[k]), z(A[k]))
	}
	g.carry(A, 22, false)
	r := g.montMul(A, B, [6]int{0, 1, 2, 3, 4, 19}, 20, 21)
	g.carry(r, 22, false)
	g.reduce(r, U, 22)
	W := [4]int{15, 16, 17, 18}
	g.join(U, W, 22)
	g.store("DI", W, [4]int{19, 20, 21, 22})
	g.i("ADDQ $256, DI")
	g.i("ADDQ $256, SI")
	if !constB {
		g.i("ADDQ $256, DX")
	}
	g.i("DECQ CX")
	g.i("JMP " + name + "_loop")
	g.l(name + "_done:")
	g.i("VZEROUPPER")
	g.i("RET")
	g.l("")
}

// addSubKernel writes (x_i, y_i) <- (x_i + y_i, x_i − y_i) for 8n
// elements (a butterfly whose twiddle is 1).
func (g *gen) addSubKernel(name string) {
	g.l(fmt.Sprintf("// func %s(x, y *Element, n uint64)", name))
	g.l(fmt.Sprintf("TEXT ·%s(SB), NOSPLIT, $0-24", name))
	g.i("MOVQ x+0(FP), DI")
	g.i("MOVQ y+8(FP), SI")
	g.i("MOVQ n+16(FP), CX")
	g.constants()
	X := [5]int{0, 1, 2, 3, 4}
	Y := [5]int{5, 6, 7, 8, 9}
	D := [5]int{10, 11, 12, 13, 14}
	S := [4]int{15, 16, 17, 18}
	g.l(name + "_loop:")
	g.i("TESTQ CX, CX")
	g.i("JEQ " + name + "_done")
	g.sumAndDifference(X, Y, D, S)
	// x − y + p in [1, 2p): normalized, then reduced.
	g.carry(D, 22, true)
	g.reduce(D, Y, 22)
	g.join(Y, [4]int{0, 1, 2, 3}, 22)
	g.store("SI", [4]int{0, 1, 2, 3}, S)
	g.i("ADDQ $256, DI")
	g.i("ADDQ $256, SI")
	g.i("DECQ CX")
	g.i("JMP " + name + "_loop")
	g.l(name + "_done:")
	g.i("VZEROUPPER")
	g.i("RET")
	g.l("")
}

func (g *gen) kernel(name string, constT bool) {
	args := "x, y, t *Element, n uint64"
	g.l(fmt.Sprintf("// func %s(%s)", name, args))
	g.l(fmt.Sprintf("TEXT ·%s(SB), NOSPLIT, $0-32", name))
	g.i("MOVQ x+0(FP), DI")
	g.i("MOVQ y+8(FP), SI")
	g.i("MOVQ t+16(FP), DX")
	g.i("MOVQ n+24(FP), CX")
	g.constants()
	// Registers: x 0-4, y 5-9, difference 10-14, scratch 15-18 and 19-22,
	// t 5-9 after the sum is stored (23-27 for a constant t).
	X := [5]int{0, 1, 2, 3, 4}
	Y := [5]int{5, 6, 7, 8, 9}
	D := [5]int{10, 11, 12, 13, 14}
	S := [4]int{15, 16, 17, 18}
	B := Y
	if constT {
		B = [5]int{23, 24, 25, 26, 27}
		for k := range 4 {
			g.i("VPBROADCASTQ %d(DX), %s", 8*k, z(S[k]))
		}
		g.split(S, B)
	}
	g.l(name + "_loop:")
	g.i("TESTQ CX, CX")
	g.i("JEQ " + name + "_done")
	g.sumAndDifference(X, Y, D, S)
	// 16·(x − y + p), in [16, 32p): shifted, then normalized.
	for k := range 5 {
		g.i("VPSLLQ $4, %s, %s", z(D[k]), z(D[k]))
	}
	g.carry(D, 22, true)
	if !constT {
		g.load("DX", B, S)
	}
	r := g.montMul(D, B, [6]int{0, 1, 2, 3, 4, 19}, 20, 21)
	g.carry(r, 22, false)
	U := [5]int{5, 6, 7, 8, 9}
	if !constT {
		U = [5]int{10, 11, 12, 13, 14} // B (5-9) may be r's neighbour; D is free
	}
	g.reduce(r, U, 22)
	W := [4]int{15, 16, 17, 18}
	g.join(U, W, 22)
	g.store("SI", W, [4]int{19, 20, 21, 22})
	g.i("ADDQ $256, DI")
	g.i("ADDQ $256, SI")
	if !constT {
		g.i("ADDQ $256, DX")
	}
	g.i("DECQ CX")
	g.i("JMP " + name + "_loop")
	g.l(name + "_done:")
	g.i("VZEROUPPER")
	g.i("RET")
	g.l("")
}

func generate() string {
	var g gen
	g.l("// Code generated by prover/fft/internal/genbfly; DO NOT EDIT.")
	g.l("")
	g.l("//go:build amd64 && !purego")
	g.l("")
	g.l("#include \"textflag.h\"")
	g.l("")
	g.kernel("bflyIFMA", false)
	g.kernel("bflyIFMAConst", true)
	g.addSubKernel("addSubIFMA")
	g.mulKernel("mulIFMA", false)
	g.mulKernel("mulIFMAConst", true)
	return g.b.String()
}

func main() {
	if err := os.WriteFile("bfly_amd64.s", []byte(generate()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// sumAndDifference emits, for the elements at DI and SI: x + y reduced and
// stored back to DI, and the limb-wise difference x − y + p left in D
// (signed limbs, not yet normalized).
func (g *gen) sumAndDifference(X, Y, D [5]int, S [4]int) {
	g.load("DI", X, S)
	g.load("SI", Y, S)
	for k := range 5 {
		g.i("VPSUBQ %s, %s, %s", z(Y[k]), z(X[k]), z(D[k]))
		g.i("VPADDQ %s, %s, %s", z(Y[k]), z(X[k]), z(X[k]))
	}
	g.carry(X, 22, false)
	g.reduce(X, Y, 22)
	g.join(Y, [4]int{0, 1, 2, 3}, 22)
	g.store("DI", [4]int{0, 1, 2, 3}, S)
	g.i("MOVQ $1, AX")
	g.i("VPBROADCASTQ AX, %s", z(22))
	g.i("VPADDQ %s, %s, %s", z(22), z(D[0]), z(D[0]))
	g.i("VPADDQ %s, %s, %s", z(rP3), z(D[3]), z(D[3]))
	g.i("VPADDQ %s, %s, %s", z(rP4), z(D[4]), z(D[4]))
}
