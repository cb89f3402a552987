//go:build amd64

package channel

//go:generate sh -c "go run ./internal/genpow > pow_amd64.s"

// blake2s16 hashes sixteen one-block messages in AVX-512 registers
// (pow_amd64.s, written by internal/genpow); see blake2s16Generic.
//
//go:noescape
func blake2s16(pre *[16]uint32, h *[2]uint32, m *[8]uint32, m8, m9 *[16]uint32, out *[2][16]uint32)

func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)

func xgetbv() (eax, edx uint32)

// hasAVX512 reports AVX-512F in the CPU and ZMM state enabled by the OS
// (golang.org/x/sys/cpu would say the same; it is not a dependency here).
var hasAVX512 = func() bool {
	maxLeaf, _, _, _ := cpuid(0, 0)
	if maxLeaf < 7 {
		return false
	}
	if _, _, c, _ := cpuid(1, 0); c&(1<<27) == 0 { // OSXSAVE
		return false
	}
	// XMM, YMM, opmask, upper ZMM0-15 and ZMM16-31 state.
	if xcr0, _ := xgetbv(); xcr0&0xe6 != 0xe6 {
		return false
	}
	_, b, _, _ := cpuid(7, 0)
	return b&(1<<16) != 0
}()

// keccak8 is legacy Keccak-256 of eight init‖nonce messages in AVX-512
// registers (pow_amd64.s); it returns lane 0 of each digest.
//
//go:noescape
func keccak8(init *[4]uint64, lane4 *[8]uint64, rc *[24]uint64, out *[8]uint64)
