package hints_test

import (
	"encoding/json"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/cairn-vm/cairn/hints"
)

// referenceHints is testdata/reference_hints.json, written by
// scripts/gen-reference-hints.py from the installed cairo-lang 0.14.0.1:
// every hint of starkware/cairo/common/**/*.cairo (as cairo-compile stores
// it) and of starkware/starknet/security/whitelists/*.json.
const referenceHints = "testdata/reference_hints.json"

type refHint struct {
	Code    string   `json:"code"`
	Sources []string `json:"sources"`
}

// excluded lists the reference hints Cairn does not implement, each with
// the reason. An entry names either a code (the normalized code, or a
// prefix ending in "*") or source files (a hint is excluded when every
// file it comes from is listed). "pending: <family>" entries are families
// still being written.
var excluded = []struct {
	code    string
	sources []string
	why     string
}{
	// Starknet contracts' system calls need the Starknet OS's
	// syscall_handler (a contract's execution context): out of scope for
	// a Cairo VM.
	{code: "syscall_handler.*", why: "Starknet syscall handler (contract execution), out of scope"},
}

func loadReferenceHints(t *testing.T) map[string][]string {
	t.Helper()
	data, err := os.ReadFile(referenceHints)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Hints []refHint `json:"hints"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Hints) < 200 {
		t.Fatalf("%s holds only %d hints", referenceHints, len(doc.Hints))
	}
	out := map[string][]string{}
	for _, h := range doc.Hints {
		k := hints.Normalize(h.Code)
		out[k] = append(out[k], h.Sources...)
	}
	return out
}

// exclusion returns the index of the entry of excluded that covers a code
// coming from srcs, or -1.
func exclusion(code string, srcs []string) int {
	for i, e := range excluded {
		if e.code == "" {
			continue
		}
		if p, wild := strings.CutSuffix(e.code, "*"); wild && strings.HasPrefix(code, p) || e.code == code {
			return i
		}
	}
	for i, e := range excluded {
		if len(e.sources) == 0 {
			continue
		}
		all := true
		for _, s := range srcs {
			if !slices.Contains(e.sources, s) {
				all = false
				break
			}
		}
		if all {
			return i
		}
	}
	return -1
}

// TestReferenceHintCoverage: every hint of cairo-lang's common library and
// of the Starknet whitelists is implemented, or excluded with a reason.
func TestReferenceHintCoverage(t *testing.T) {
	ref := loadReferenceHints(t)
	codes := make([]string, 0, len(ref))
	for k := range ref {
		codes = append(codes, k)
	}
	sort.Strings(codes)
	covered, pending, out := 0, map[string]int{}, 0
	usedExclusion := map[int]bool{}
	for _, code := range codes {
		if _, ok := hints.Default.Lookup(code); ok {
			covered++
			continue
		}
		srcs := append([]string(nil), ref[code]...)
		sort.Strings(srcs)
		i := exclusion(code, srcs)
		if i < 0 {
			t.Errorf("hint of %s is neither implemented nor excluded:\n%s", strings.Join(srcs, ", "), code)
			continue
		}
		usedExclusion[i] = true
		if fam, ok := strings.CutPrefix(excluded[i].why, "pending: "); ok {
			pending[fam]++
		} else {
			out++
		}
	}
	for i, e := range excluded {
		if !usedExclusion[i] {
			t.Errorf("exclusion %q %v matches no unimplemented reference hint; remove it", e.code, e.sources)
		}
	}
	fams := make([]string, 0, len(pending))
	for f, n := range pending {
		fams = append(fams, f+" ("+strconv.Itoa(n)+")")
	}
	sort.Strings(fams)
	t.Logf("reference hints: %d distinct after normalization; %d implemented, %d out of scope, %d pending %v",
		len(codes), covered, out, len(codes)-covered-out, fams)
}
