//go:build !amd64

package channel

const hasAVX512 = false

func blake2s16(pre *[16]uint32, h *[2]uint32, m *[8]uint32, m8, m9 *[16]uint32, out *[2][16]uint32) {
	blake2s16Generic(pre, h, m, m8, m9, out)
}

// keccak8 is never called without AVX-512 (keccakSearcher checks).
func keccak8(init *[4]uint64, lane4 *[8]uint64, rc *[24]uint64, out *[8]uint64) {}
