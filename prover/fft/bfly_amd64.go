//go:build amd64 && !purego

package fft

import (
	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"
	"github.com/consensys/gnark-crypto/utils/cpu"
)

//go:generate go run ./internal/genbfly

// bflyIFMA does (x_i, y_i) <- (x_i + y_i, (x_i − y_i)·t_i) for the 8n
// elements from x, y and t (bfly_amd64.s, written by internal/genbfly).
//
//go:noescape
func bflyIFMA(x, y, t *fp.Element, n uint64)

// bflyIFMAConst is bflyIFMA with the one twiddle *t for every i.
//
//go:noescape
func bflyIFMAConst(x, y, t *fp.Element, n uint64)

// haveIFMA reports the CPU features the kernels use: AVX-512 F and DQ
// (VPMOVQ2M) and IFMA (gnark-crypto's checks, which include the OS's
// ZMM state).
var haveIFMA = cpu.SupportAVX512 && cpu.SupportAVX512IFMA

// addSubIFMA does (x_i, y_i) <- (x_i + y_i, x_i − y_i) for 8n elements.
//
//go:noescape
func addSubIFMA(x, y *fp.Element, n uint64)

// mulIFMA sets res_i = a_i·b_i for 8n elements; res may be a or b.
//
//go:noescape
func mulIFMA(res, a, b *fp.Element, n uint64)

// mulIFMAConst sets res_i = a_i·(*b) for 8n elements; res may be a.
//
//go:noescape
func mulIFMAConst(res, a, b *fp.Element, n uint64)
