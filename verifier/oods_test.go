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

// TestCairoLangExamples verifies the two example proofs shipped with
// cairo-lang 0.14.0.1 (Stone accepts both).
func TestCairoLangExamples(t *testing.T) {
	for _, f := range []string{"example_proof.json", "dynamic_layout_proof.json"} {
		t.Run(f, func(t *testing.T) {
			p := load(t, "cairo-lang-examples/"+f)
			rep, err := Verify(p, Options{Annotate: true})
			if err != nil {
				t.Fatal(err)
			}
			want := transcript(p)
			if len(rep.Annotations) != len(want) {
				t.Errorf("%d annotation lines, want %d", len(rep.Annotations), len(want))
			}
			for i := range want {
				if i < len(rep.Annotations) && rep.Annotations[i] != want[i] {
					t.Fatalf("annotation %d:\n got %s\nwant %s", i, rep.Annotations[i], want[i])
				}
			}
			if len(p.ExtraAnnotations) != len(rep.Extra) {
				t.Errorf("%d extra lines, want %d", len(rep.Extra), len(p.ExtraAnnotations))
			}
			for i := range p.ExtraAnnotations {
				if i < len(rep.Extra) && rep.Extra[i] != p.ExtraAnnotations[i] {
					t.Fatalf("extra %d:\n got %s\nwant %s", i, rep.Extra[i], p.ExtraAnnotations[i])
				}
			}
		})
	}
}
