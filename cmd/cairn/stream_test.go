package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runFiles runs a corpus program with --trace_file and --memory_file.
func runFiles(t *testing.T, name, traceFile, memFile string) (int, string) {
	t.Helper()
	dir := filepath.Join(corpusDir, name)
	args := append([]string{"run", "--program", filepath.Join(dir, "program.json"),
		"--trace_file", traceFile, "--memory_file", memFile}, strings.Fields(string(readGolden(t, dir, "args")))...)
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stderr.String()
}

// names lists a directory.
func names(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

// The files written during the run appear under their names only when the
// run succeeds, as cairo-run's: a failing run leaves what was there, and
// no temporary file behind.
func TestStreamedFilesAppearOnSuccess(t *testing.T) {
	tmp := t.TempDir()
	tf, mf := filepath.Join(tmp, "trace.bin"), filepath.Join(tmp, "memory.bin")
	for _, f := range []string{tf, mf} {
		if err := os.WriteFile(f, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, _ := runFiles(t, "builtin_bitwise_inconsistent", tf, mf); code == 0 {
		t.Fatal("the failing program succeeded")
	}
	for _, f := range []string{tf, mf} {
		if b, _ := os.ReadFile(f); string(b) != "old" {
			t.Fatalf("%s changed by a failing run: %q", f, b)
		}
	}
	if got := names(t, tmp); len(got) != 2 {
		t.Fatalf("files left: %v", got)
	}
	if code, stderr := runFiles(t, "fib_recursive", tf, mf); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := readGolden(t, filepath.Join(corpusDir, "fib_recursive"), "trace.bin")
	if got, _ := os.ReadFile(tf); !bytes.Equal(got, want) {
		t.Fatal("trace differs from cairo-run's")
	}
	if got := names(t, tmp); len(got) != 2 {
		t.Fatalf("files left: %v", got)
	}
}

// Targets that a rename would replace (a device, a symbolic link) are
// written as before, after the run, through the name.
func TestStreamedFilesSpecialTargets(t *testing.T) {
	tmp := t.TempDir()
	real := filepath.Join(tmp, "real.bin")
	link := filepath.Join(tmp, "link.bin")
	if err := os.Symlink(real, link); err != nil {
		t.Skip(err)
	}
	if code, stderr := runFiles(t, "fib_recursive", link, os.DevNull); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v", err)
	}
	want := readGolden(t, filepath.Join(corpusDir, "fib_recursive"), "trace.bin")
	if got, _ := os.ReadFile(real); !bytes.Equal(got, want) {
		t.Fatal("trace through the link differs from cairo-run's")
	}
	if fi, err := os.Stat(os.DevNull); err != nil || fi.Mode().IsRegular() {
		t.Fatalf("%s: %v", os.DevNull, err)
	}
}
