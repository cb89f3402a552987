package main

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/cairn-vm/cairn/trace"
)

// corpusDir holds the golden programs and cairo-run's results for them
// (scripts/regen-goldens.sh writes it).
const corpusDir = "../../testdata/corpus"

// TestCorpus runs every golden program through the CLI and compares with
// cairo-run: stdout byte for byte, the trace byte for byte, the memory as a
// set of (address, value) pairs, and for failing runs the exit status and
// the error lines.
func TestCorpus(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(corpusDir, "*", "args"))
	if err != nil {
		t.Fatal(err)
	}
	// The benchmark programs (stdout only: their trace and memory are not
	// stored).
	bench, _ := filepath.Glob(filepath.Join(corpusDir, "bench", "*", "args"))
	dirs = append(dirs, bench...)
	if len(dirs) == 0 {
		t.Fatal("no golden programs found under " + corpusDir)
	}
	for _, argsFile := range dirs {
		dir := filepath.Dir(argsFile)
		t.Run(filepath.Base(dir), func(t *testing.T) { checkGolden(t, dir) })
	}
}

func readGolden(t *testing.T, dir, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return b
}

func checkGolden(t *testing.T, dir string) {
	args := strings.Fields(string(readGolden(t, dir, "args")))
	wantCode, err := strconv.Atoi(strings.TrimSpace(string(readGolden(t, dir, "exit_code"))))
	if err != nil {
		t.Fatalf("exit_code: %v", err)
	}
	for i, a := range args { // program_input paths are relative to the corpus
		if (a == "--program_input" || a == "--cairo_pie_output") && i+1 < len(args) {
			args[i+1] = filepath.Join(corpusDir, args[i+1])
		}
	}
	tmp := t.TempDir()
	traceFile, memFile := filepath.Join(tmp, "trace.bin"), filepath.Join(tmp, "memory.bin")
	full := append([]string{"run", "--program", filepath.Join(dir, "program.json"),
		"--trace_file", traceFile, "--memory_file", memFile}, args...)
	var stdout, stderr bytes.Buffer
	code := run(full, &stdout, &stderr)

	if (code == 0) != (wantCode == 0) {
		t.Fatalf("exit code %d, cairo-run %d\nstderr: %s\ncairo-run stderr: %s", code, wantCode, stderr.String(), readGolden(t, dir, "stderr.txt"))
	}
	if wantCode != 0 {
		checkErrorLines(t, stderr.String(), string(readGolden(t, dir, "stderr.txt")))
		return
	}
	if want := string(readGolden(t, dir, "stdout.txt")); stdout.String() != want {
		t.Errorf("stdout differs at line %s\ngot:\n%s\nwant:\n%s", firstDiffLine(stdout.String(), want), stdout.String(), want)
	}
	if want := readGolden(t, dir, "trace.bin"); want != nil {
		got, _ := os.ReadFile(traceFile)
		compareTrace(t, got, want)
	}
	if want := readGolden(t, dir, "memory.bin"); want != nil {
		got, _ := os.ReadFile(memFile)
		compareMemory(t, got, want)
	}
}

func firstDiffLine(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return strconv.Itoa(i+1) + ": " + strconv.Quote(al[i]) + " vs " + strconv.Quote(bl[i])
		}
	}
	return "(length)"
}

func compareTrace(t *testing.T, gotB, wantB []byte) {
	t.Helper()
	got, err := trace.ReadTrace(gotB)
	if err != nil {
		t.Fatal(err)
	}
	want, err := trace.ReadTrace(wantB)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(got) && i < len(want); i++ {
		if got[i] != want[i] {
			t.Fatalf("trace differs at step %d: got %+v, cairo-run %+v", i, got[i], want[i])
		}
	}
	if len(got) != len(want) {
		t.Fatalf("trace has %d steps, cairo-run %d", len(got), len(want))
	}
}

func compareMemory(t *testing.T, gotB, wantB []byte) {
	t.Helper()
	got, err := trace.ReadMemory(gotB)
	if err != nil {
		t.Fatal(err)
	}
	want, err := trace.ReadMemory(wantB)
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(want, func(i, j int) bool { return want[i].Addr < want[j].Addr })
	for i := 1; i < len(got); i++ {
		if got[i-1].Addr >= got[i].Addr {
			t.Fatalf("memory file not in ascending address order at record %d", i)
		}
	}
	for i := 0; i < len(got) && i < len(want); i++ {
		if got[i] != want[i] {
			t.Fatalf("memory differs at record %d: got address %d = %v, cairo-run address %d = %v",
				i, got[i].Addr, got[i].Value, want[i].Addr, want[i].Value)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("memory has %d cells, cairo-run %d", len(got), len(want))
	}
}

// checkErrorLines requires the lines that name the failure in cairo-run's
// stderr to appear in Cairn's: the "file:line:col: Error at pc=..." line
// and the message under it, "Error: ..." lines, a hint's
// "AssertionError: ..." line, and a Python exception's last line.
func checkErrorLines(t *testing.T, got, want string) {
	t.Helper()
	lines := strings.Split(strings.TrimRight(want, "\n"), "\n")
	var key []string
	for i, l := range lines {
		switch {
		case strings.Contains(l, "Error at pc="):
			key = append(key, l)
			if i+1 < len(lines) {
				key = append(key, lines[i+1])
			}
		case strings.HasPrefix(l, "Error: "), strings.HasPrefix(l, "AssertionError: "), strings.HasPrefix(l, "Error message: "):
			key = append(key, l)
		}
	}
	if len(key) == 0 && len(lines) > 0 {
		last := lines[len(lines)-1]
		if _, msg, ok := strings.Cut(last, "Error: "); ok {
			key = append(key, msg)
		} else {
			key = append(key, last)
		}
	}
	for _, k := range key {
		if !strings.Contains(got, k) {
			t.Errorf("Cairn's error lacks cairo-run's line\n  %q\nCairn stderr:\n%s\ncairo-run stderr:\n%s", k, got, want)
		}
	}
}
