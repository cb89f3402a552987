package verifier

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/cairn-vm/cairn/stark/proof"
	vectors "github.com/cairn-vm/cairn/stark/testvectors"
)

func load(t testing.TB, file string) *proof.Proof {
	t.Helper()
	data, err := os.ReadFile(vectors.Path(t, file))
	if err != nil {
		t.Fatal(err)
	}
	p, err := proof.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func transcript(p *proof.Proof) []string {
	var out []string
	for _, l := range p.Annotations {
		if strings.HasPrefix(l, "P->V") || strings.HasPrefix(l, "V->P") {
			out = append(out, l)
		}
	}
	return out
}

func TestPlainStoneAccepted(t *testing.T) { checkAccepted(t, "plain-stone") }

// TestPlainCairoVerifierAccepted runs the poseidon3 felt channel, the
// poseidon3/blake256_masked248_lsb Merkle trees and the pedersen page hash,
// line by line against Stone's transcript.
func TestPlainCairoVerifierAccepted(t *testing.T) { checkAccepted(t, "plain-cairo-verifier") }

// checkAccepted verifies vector dir with annotations on and compares every
// line with the proof's annotations and the verifier's extra annotations.
func checkAccepted(t *testing.T, dir string) {
	p := load(t, dir+"/proof.json")
	rep, err := Verify(p, Options{Annotate: true})
	if err != nil {
		t.Fatal(err)
	}
	want := transcript(p)
	if len(rep.Annotations) != len(want) {
		t.Errorf("%d annotation lines, want %d", len(rep.Annotations), len(want))
	}
	for i := range want {
		if i >= len(rep.Annotations) {
			break
		}
		if rep.Annotations[i] != want[i] {
			t.Fatalf("annotation %d:\n got %s\nwant %s", i, rep.Annotations[i], want[i])
		}
	}
	extra, err := os.ReadFile(vectors.Path(t, dir, "verifier_extra_annotations.txt"))
	if err != nil {
		t.Fatal(err)
	}
	wantExtra := strings.Split(strings.TrimRight(string(extra), "\n"), "\n")
	if len(rep.Extra) != len(wantExtra) {
		t.Errorf("%d extra lines, want %d", len(rep.Extra), len(wantExtra))
	}
	for i := range wantExtra {
		if i >= len(rep.Extra) {
			break
		}
		if rep.Extra[i] != wantExtra[i] {
			t.Fatalf("extra %d:\n got %s\nwant %s", i, rep.Extra[i], wantExtra[i])
		}
	}
	if len(rep.Skipped) != 0 {
		t.Errorf("skipped %v", rep.Skipped)
	}
	ran := false
	for _, c := range rep.Run {
		ran = ran || c == CheckOODS
	}
	if !ran {
		t.Errorf("OODS check did not run: %v", rep.Run)
	}
}

func TestPlainStoneWithoutAnnotations(t *testing.T) {
	p := load(t, "plain-stone/proof.json")
	if _, err := Verify(p, Options{}); err != nil {
		t.Fatal(err)
	}
}

// TestNegative runs the tampered proofs; each is rejected by the check
// that rejects it in Stone (the README's table of Stone's errors).
func TestNegative(t *testing.T) {
	cases := []struct {
		file  string
		check Check
	}{
		{"plain-stone-fri-decommitment.json", CheckFRILayers},
		{"plain-stone-fri-layer-commitment.json", CheckProofOfWork},
		{"plain-stone-pow-nonce.json", CheckProofOfWork},
		{"plain-stone-oods-value.json", CheckOODS},
		{"plain-stone-public-memory-value.json", CheckOODS},
		{"plain-stone-trace-commitment.json", CheckOODS},
		{"small-cairo-verifier-fri-decommitment.json", CheckFRILayers},
		{"small-cairo-verifier-fri-layer-commitment.json", CheckProofOfWork},
		{"small-cairo-verifier-pow-nonce.json", CheckProofOfWork},
		{"small-cairo-verifier-oods-value.json", CheckOODS},
		{"small-cairo-verifier-public-memory-value.json", CheckOODS},
		{"small-cairo-verifier-trace-commitment.json", CheckOODS},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			p := load(t, "negative/"+tc.file)
			_, err := Verify(p, Options{})
			if err == nil {
				t.Fatal("accepted")
			}
			var ve *Error
			if !errors.As(err, &ve) || !errors.Is(err, ErrRejected) {
				t.Fatalf("untyped rejection %v", err)
			}
			if ve.Check != tc.check {
				t.Errorf("rejected by %q (%v), want %q", ve.Check, err, tc.check)
			}
		})
	}
}

// TestAllVectorsAccepted verifies every positive Stone vector, with its
// transcript and extra annotations compared line by line with Stone's.
func TestAllVectorsAccepted(t *testing.T) {
	for _, layout := range []string{"small", "dex", "recursive", "recursive_with_poseidon", "starknet", "starknet_with_keccak"} {
		for _, preset := range []string{"stone", "cairo-verifier"} {
			dir := layout + "-" + preset
			t.Run(dir, func(t *testing.T) { checkAccepted(t, dir) })
		}
	}
}
