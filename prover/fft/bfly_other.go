//go:build !amd64 || purego

package fft

import "github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

const haveIFMA = false

func bflyIFMA(x, y, t *fp.Element, n uint64) { panic("fft: no IFMA kernel") }

func bflyIFMAConst(x, y, t *fp.Element, n uint64) { panic("fft: no IFMA kernel") }

func addSubIFMA(x, y *fp.Element, n uint64) { panic("fft: no IFMA kernel") }

func mulIFMA(res, a, b *fp.Element, n uint64) { panic("fft: no IFMA kernel") }

func mulIFMAConst(res, a, b *fp.Element, n uint64) { panic("fft: no IFMA kernel") }
