package verifier

import (
	"errors"
	"regexp"
	"sort"
	"strconv"
	"strings"
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
		"cairo-lang-examples/example_proof", "cairo-lang-examples/dynamic_layout_proof",
	} {
		t.Run(dir, func(t *testing.T) {
			file := dir + "/proof.json"
			if strings.HasPrefix(dir, "cairo-lang-examples/") {
				file = dir + ".json"
			}
			p := load(t, file)
			l, err := air.ByName(p.PublicInput.Layout)
			if err != nil {
				t.Fatal(err)
			}
			if l, err = l.Instance(&p.PublicInput); err != nil {
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
			} else if l.Name == "dynamic" {
				// Mask values of unused builtins' columns feed no constraint
				// (their "if (uses_...)" blocks are skipped); Stone, too,
				// rejects a change there only later.
				which = []int{0, 1, n - 2, n - 1}
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

// TestDynamicParamsChecked: the dynamic layout's public input must carry
// exactly its params; a wrong one changes the AIR (here the mask), and the
// proof is rejected.
func TestDynamicParamsChecked(t *testing.T) {
	p := load(t, "cairo-lang-examples/dynamic_layout_proof.json")
	orig := p.PublicInput.DynamicParams
	missing := map[string]uint64{}
	for k, v := range orig {
		if k != "cpu_component_step" {
			missing[k] = v
		}
	}
	p.PublicInput.DynamicParams = missing
	if _, err := Verify(p, Options{}); !isCheck(err, CheckPublicInput) || !strings.Contains(err.Error(), "cpu_component_step") {
		t.Errorf("missing param: %v", err)
	}
	changed := map[string]uint64{}
	for k, v := range orig {
		changed[k] = v
	}
	changed["cpu__decode__off0_suboffset"]++
	p.PublicInput.DynamicParams = changed
	if _, err := Verify(p, Options{}); !errors.Is(err, ErrRejected) {
		t.Errorf("changed param accepted: %v", err)
	}
	q := load(t, "plain-stone/proof.json")
	q.PublicInput.DynamicParams = map[string]uint64{"cpu_component_step": 1}
	if _, err := Verify(q, Options{}); !isCheck(err, CheckPublicInput) {
		t.Errorf("dynamic params on plain: %v", err)
	}
}

// TestDynamicParamsMutated sets dynamic params to odd values: every such
// proof is rejected with a typed error, never a panic.
func TestDynamicParamsMutated(t *testing.T) {
	p := load(t, "cairo-lang-examples/dynamic_layout_proof.json")
	orig := p.PublicInput.DynamicParams
	names := make([]string, 0, len(orig))
	for k := range orig {
		names = append(names, k)
	}
	sort.Strings(names)
	// The params that shape the trace (widths, step, ratios, builtin
	// switches), and a sample of the offsets.
	var pick []string
	for i, k := range names {
		if strings.HasPrefix(k, "uses_") || strings.HasSuffix(k, "_ratio") || strings.HasPrefix(k, "num_columns") || k == "cpu_component_step" || i%41 == 0 {
			pick = append(pick, k)
		}
	}
	if testing.Short() {
		pick = []string{"num_columns_first", "cpu_component_step", "uses_keccak_builtin", "memory_units_row_ratio"}
	}
	for _, name := range pick {
		for _, v := range []uint64{0, 1 << 40} {
			if v == orig[name] {
				continue
			}
			m := make(map[string]uint64, len(orig))
			for k, x := range orig {
				m[k] = x
			}
			m[name] = v
			p.PublicInput.DynamicParams = m
			_, err := Verify(p, Options{})
			var ve *Error
			if !errors.As(err, &ve) {
				t.Errorf("%s = %d: accepted or untyped: %v", name, v, err)
			}
		}
	}
}
