//go:build !amd64 || purego

package fft

import "github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

const haveIFMA = false

func bflyIFMA(x, y, t *fp.Element, n uint64) { panic("fft: no IFMA kernel") }

func bflyIFMAConst(x, y, t *fp.Element, n uint64) { panic("fft: no IFMA kernel") }
