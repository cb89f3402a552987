package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cairn-vm/cairn/pie"
)

// pieDir holds cairo-run's PIEs of corpus programs and what cairo-run
// --run_from_cairo_pie does with them (scripts/regen-pie-hash.sh).
const pieDir = "../../testdata/pie"

type pieRunResult struct {
	ExitCode          int    `json:"exit_code"`
	Stdout            string `json:"stdout"`
	Stderr            string `json:"stderr"`
	TraceSHA256       string `json:"trace_sha256"`
	MemorySHA256      string `json:"memory_sha256"`
	TraceEqualsCorpus bool   `json:"trace_equals_corpus"`
}

type pieManifest struct {
	Programs []struct {
		Name          string        `json:"name"`
		Flags         []string      `json:"flags"`
		Layout        string        `json:"layout"`
		FromPIE       pieRunResult  `json:"from_pie"`
		FromMergedPIE *pieRunResult `json:"from_merged_pie"`
	} `json:"programs"`
	Negative []struct {
		Case     string   `json:"case"`
		Flags    []string `json:"flags"`
		ExitCode int      `json:"exit_code"`
		Stdout   string   `json:"stdout"`
		Error    string   `json:"error"`
	} `json:"negative"`
}

func readPIEManifest(t *testing.T) *pieManifest {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(pieDir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m pieManifest
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Programs) < 80 {
		t.Fatalf("only %d PIE goldens", len(m.Programs))
	}
	return &m
}

// comparePIEFiles compares two PIE zips as cairo-lang would: the entry
// names in order, the JSON files as values, the memory as a set of cells.
func comparePIEFiles(t *testing.T, gotPath, wantPath string) {
	t.Helper()
	entries := func(path string) ([]string, map[string][]byte) {
		zr, err := zip.OpenReader(path)
		if err != nil {
			t.Fatal(err)
		}
		defer zr.Close()
		var names []string
		data := map[string][]byte{}
		for _, f := range zr.File {
			names = append(names, f.Name)
			if f.Method != zip.Deflate {
				t.Errorf("%s: %s is not deflated", path, f.Name)
			}
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if _, err := b.ReadFrom(rc); err != nil {
				t.Fatal(err)
			}
			rc.Close()
			data[f.Name] = b.Bytes()
		}
		return names, data
	}
	gn, gd := entries(gotPath)
	wn, wd := entries(wantPath)
	if strings.Join(gn, ",") != strings.Join(wn, ",") {
		t.Fatalf("zip entries %v, cairo-run %v", gn, wn)
	}
	for _, name := range wn {
		if name == pie.MemoryFile {
			continue
		}
		g, err1 := pie.DecodeJSON(gd[name])
		w, err2 := pie.DecodeJSON(wd[name])
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v %v", name, err1, err2)
		}
		if !pie.JSONEqual(g, w) {
			t.Errorf("%s differs:\n got %s\nwant %s", name, truncate(gd[name]), truncate(wd[name]))
		}
	}
	if a, b := memoryDigest(gd[pie.MemoryFile]), memoryDigest(wd[pie.MemoryFile]); a != b {
		t.Errorf("memory.bin differs as a set of cells (%d bytes, cairo-run %d)", len(gd[pie.MemoryFile]), len(wd[pie.MemoryFile]))
	}
	g, err1 := pie.ReadFile(gotPath)
	w, err2 := pie.ReadFile(wantPath)
	if err := errors.Join(err1, err2); err != nil {
		t.Fatal(err)
	}
	if err := g.Validate(); err != nil {
		t.Errorf("our PIE fails the validity checks: %v", err)
	}
	if !w.CompatibleWith(g) {
		t.Errorf("not compatible:\n%s", w.Diff(g))
	}
}

func truncate(b []byte) string {
	if len(b) > 400 {
		return string(b[:400]) + "..."
	}
	return string(b)
}

// memoryDigest hashes a memory file's 40-byte entries in sorted order (the
// regen script's digest).
func memoryDigest(b []byte) string {
	pairs := make([]string, 0, len(b)/40)
	for i := 0; i+40 <= len(b); i += 40 {
		pairs = append(pairs, string(b[i:i+40]))
	}
	sort.Strings(pairs)
	h := sha256.Sum256([]byte(strings.Join(pairs, "")))
	return hex.EncodeToString(h[:])
}

func fileSHA(t *testing.T, path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// runFromPIE runs a PIE and compares with what cairo-run did with it.
func runFromPIE(t *testing.T, zipPath, layout string, want *pieRunResult, extra ...string) {
	t.Helper()
	tmp := t.TempDir()
	tr, mem := filepath.Join(tmp, "trace.bin"), filepath.Join(tmp, "memory.bin")
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"run", "--run_from_cairo_pie", zipPath, "--layout", layout, "--print_output", "--print_info",
		"--trace_file", tr, "--memory_file", mem}, extra...), &stdout, &stderr)
	if code != want.ExitCode {
		t.Fatalf("exit %d, cairo-run %d\nstderr: %s", code, want.ExitCode, stderr.String())
	}
	if stdout.String() != want.Stdout {
		t.Errorf("stdout:\n%s\ncairo-run:\n%s", stdout.String(), want.Stdout)
	}
	if code != 0 {
		return
	}
	if got := fileSHA(t, tr); got != want.TraceSHA256 {
		t.Errorf("trace differs from cairo-run's run of the PIE")
	}
	b, _ := os.ReadFile(mem)
	if got := memoryDigest(b); got != want.MemorySHA256 {
		t.Errorf("memory differs from cairo-run's run of the PIE")
	}
}

// TestPIEGoldens: for each golden program, --cairo_pie_output (and
// --merge_extra_segments) gives cairo-run's PIE; --run_from_cairo_pie on
// cairo-run's PIE gives cairo-run's output, trace and memory; and a run
// from Cairn's own PIE reproduces the original run's output and trace.
func TestPIEGoldens(t *testing.T) {
	m := readPIEManifest(t)
	for _, p := range m.Programs {
		t.Run(p.Name, func(t *testing.T) {
			dir := filepath.Join(pieDir, p.Name)
			prog := filepath.Join(corpusDir, p.Name, "program.json")
			// A --program_input path is relative to the corpus; the run from
			// the PIE re-executes the hints, so it reads the input too.
			var extra []string
			p.Flags = append([]string(nil), p.Flags...)
			for i, a := range p.Flags {
				if a == "--program_input" && i+1 < len(p.Flags) {
					p.Flags[i+1] = filepath.Join(corpusDir, p.Flags[i+1])
					extra = []string{"--program_input", p.Flags[i+1]}
				}
			}
			runFromPIE(t, filepath.Join(dir, "cairo_pie.zip"), p.Layout, &p.FromPIE, extra...)
			if p.FromMergedPIE != nil {
				runFromPIE(t, filepath.Join(dir, "cairo_pie_merged.zip"), p.Layout, p.FromMergedPIE, extra...)
			}
			if !p.FromPIE.TraceEqualsCorpus {
				t.Fatal("cairo-run's run of the PIE has another trace than the program's run")
			}
			tmp := t.TempDir()
			ours := filepath.Join(tmp, "cairo_pie.zip")
			args := append([]string{"run", "--program", prog, "--cairo_pie_output", ours}, p.Flags...)
			var stdout, stderr bytes.Buffer
			if code := run(args, &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			comparePIEFiles(t, ours, filepath.Join(dir, "cairo_pie.zip"))
			// Round trip: Cairn's PIE, run by Cairn, gives the program's run.
			corpusOut, err := os.ReadFile(filepath.Join(corpusDir, p.Name, "stdout.txt"))
			if err != nil {
				t.Fatal(err)
			}
			rt := p.FromPIE
			rt.Stdout = string(corpusOut)
			rt.TraceSHA256 = fileSHA(t, filepath.Join(corpusDir, p.Name, "trace.bin"))
			runFromPIE(t, ours, p.Layout, &rt, extra...)

			if p.FromMergedPIE != nil {
				merged := filepath.Join(tmp, "cairo_pie_merged.zip")
				args := append([]string{"run", "--program", prog, "--cairo_pie_output", merged, "--merge_extra_segments"}, p.Flags...)
				if code := run(args, &stdout, &stderr); code != 0 {
					t.Fatalf("merged: exit %d: %s", code, stderr.String())
				}
				comparePIEFiles(t, merged, filepath.Join(dir, "cairo_pie_merged.zip"))
				rtm := rt
				rtm.MemorySHA256 = p.FromMergedPIE.MemorySHA256
				runFromPIE(t, merged, p.Layout, &rtm, extra...)
			}
		})
	}
}

// TestPIENegative runs cairo-run's mutated PIEs: the same exit code, the
// same stdout on success, the same error otherwise (the whole stderr when
// cairo-run printed no Python traceback).
func TestPIENegative(t *testing.T) {
	m := readPIEManifest(t)
	if len(m.Negative) < 10 {
		t.Fatalf("only %d negative cases", len(m.Negative))
	}
	for _, c := range m.Negative {
		t.Run(c.Case, func(t *testing.T) {
			zipPath := filepath.Join(pieDir, "negative", c.Case+".zip")
			var stdout, stderr bytes.Buffer
			code := run(append([]string{"run", "--run_from_cairo_pie", zipPath}, c.Flags...), &stdout, &stderr)
			if code != c.ExitCode {
				t.Fatalf("exit %d, cairo-run %d\nstderr: %s", code, c.ExitCode, stderr.String())
			}
			if code == 0 {
				if stdout.String() != c.Stdout {
					t.Errorf("stdout:\n%s\ncairo-run:\n%s", stdout.String(), c.Stdout)
				}
				return
			}
			want, err := os.ReadFile(filepath.Join(pieDir, "negative", c.Case+".stderr.txt"))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(want), "Traceback (most recent call last)") {
				if stderr.String() != string(want) {
					t.Errorf("stderr:\n%s\ncairo-run:\n%s", stderr.String(), want)
				}
				return
			}
			if !strings.Contains(stderr.String(), c.Error) {
				t.Errorf("stderr %q does not hold cairo-run's error %q", stderr.String(), c.Error)
			}
		})
	}
}

// TestPIEFlags checks cairo-run's assertions on the PIE flags.
func TestPIEFlags(t *testing.T) {
	prog := filepath.Join(corpusDir, "output_serialize", "program.json")
	zipPath := filepath.Join(pieDir, "output_serialize", "cairo_pie.zip")
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--program", prog, "--run_from_cairo_pie", zipPath}, "Exactly one of --program, --run_from_cairo_pie must be specified."},
		{[]string{"--run_from_cairo_pie", zipPath, "--steps", "10"}, "--steps and --min_steps cannot be specified in --run_from_cairo_pie mode."},
		{[]string{"--run_from_cairo_pie", zipPath, "--proof_mode"}, "--proof_mode cannot be used with --run_from_cairo_pie."},
		{[]string{"--program", prog, "--proof_mode", "--cairo_pie_output", "x.zip"}, "--proof_mode and --cairo_pie_output cannot be both specified."},
		{[]string{"--program", prog, "--merge_extra_segments"}, "--merge_extra_segments is applicable only when --cairo_pie_output is specified."},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(append([]string{"run"}, tc.args...), &stdout, &stderr); code != 1 || stderr.String() != "Error: "+tc.msg+"\n" {
			t.Errorf("%v: exit %d, stderr %q", tc.args, code, stderr.String())
		}
	}
}
