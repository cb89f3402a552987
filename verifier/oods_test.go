package verifier

import (
	"regexp"
	"strconv"
	"testing"

	"github.com/cairn-vm/cairn/stark/air"
)

var oodsRange = regexp.MustCompile(`^P->V\[(\d+):(\d+)\]: /cpu air/STARK/Out Of Domain Sampling/OODS values: `)

// TestOODSValueFlipped changes one OODS value in the proof bytes (the low
// bit of its last byte) and re-derives nothing: the proof must be rejected
// at the OODS check, for every mask value and broken column of plain-stone
// and for a few values of each other vector.
func TestOODSValueFlipped(t *testing.T) {
	for _, dir := range []string{
		"plain-stone", "plain-cairo-verifier", "small-stone", "small-cairo-verifier",
		"dex-stone", "recursive-cairo-verifier", "recursive_with_poseidon-stone",
		"starknet-cairo-verifier", "starknet_with_keccak-stone", "starknet_with_keccak-cairo-verifier",
	} {
		t.Run(dir, func(t *testing.T) {
			p := load(t, dir+"/proof.json")
			l, err := air.ByName(p.PublicInput.Layout)
			if err != nil {
				t.Fatal(err)
			}
			start := -1
			for _, a := range p.Annotations {
				if m := oodsRange.FindStringSubmatch(a); m != nil {
					start, _ = strconv.Atoi(m[1])
					break
				}
			}
			if start < 0 {
				t.Fatal("no OODS values in the annotations")
			}
			// Values are 32 bytes each, contiguous, mask then broken columns.
			n := len(l.Mask) + l.ConstraintDegree
			var which []int
			if dir == "plain-stone" {
				for i := 0; i < n; i++ {
					which = append(which, i)
				}
			} else {
				which = []int{0, len(l.Mask) / 2, len(l.Mask) - 1, n - 1}
			}
			orig := p.ProofBytes
			for _, i := range which {
				bad := append([]byte(nil), orig...)
				bad[start+32*i+31] ^= 1
				p.ProofBytes = bad
				if _, err := Verify(p, Options{}); !isCheck(err, CheckOODS) {
					t.Errorf("OODS value %d flipped: %v, want a %q rejection", i, err, CheckOODS)
				}
			}
		})
	}
}
