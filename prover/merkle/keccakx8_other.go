//go:build !amd64 || purego

package merkle

func keccakF1600x8(s *[25][8]uint64) { panic("merkle: keccakF1600x8 without AVX-512") }

const haveX8 = false
