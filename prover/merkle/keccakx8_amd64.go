//go:build amd64 && !purego

package merkle

import "github.com/consensys/gnark-crypto/utils/cpu"

//go:generate go run ./internal/genkeccakx8

// keccakF1600x8 permutes eight states, lane i of state k at s[i][k].
//
//go:noescape
func keccakF1600x8(s *[25][8]uint64)

// haveX8 reports AVX-512 (F, DQ and more, gnark-crypto's test): the eight-way
// permutation needs VPROLQ and VPTERNLOGQ.
var haveX8 = cpu.SupportAVX512
