package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
)

// proofCorpusDir holds cairo-run's proof-mode runs of every corpus program on
// every layout it fits, as digests and AIR inputs
// (scripts/regen-proof-goldens.sh, scripts/regen_proof_corpus.py).
const proofCorpusDir = "../../testdata/proof_corpus"

type proofCorpusManifest struct {
	Chunk    int `json:"chunk"`
	Programs map[string]struct {
		Builtins     []string `json:"builtins"`
		Layouts      []string `json:"layouts"`
		Fits         []string `json:"fits"`
		NotRun       []string `json:"not_run"`
		TimedOut     []string `json:"timed_out"`
		CompileError string   `json:"compile_error"`
	} `json:"programs"`
}

type proofCorpusCase struct {
	Args            []string        `json:"args"`
	ExitCode        int             `json:"exit_code"`
	Stdout          string          `json:"stdout"`
	Stderr          string          `json:"stderr"`
	NSteps          int             `json:"n_steps"`
	TraceSHA256     string          `json:"trace_sha256"`
	TraceChunks     []string        `json:"trace_chunks"`
	MemoryCells     int             `json:"memory_cells"`
	MemorySHA256    string          `json:"memory_sha256"`
	MemoryChunks    []string        `json:"memory_chunks"`
	AirPublicInput  json.RawMessage `json:"air_public_input"`
	AirPrivateInput json.RawMessage `json:"air_private_input"`
}

func readGzip(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return b
}

// memFiles is an in-memory cliFiles: the inputs given, the outputs kept.
type memFiles struct {
	mu   sync.Mutex
	in   map[string][]byte
	outs map[string]*bytes.Buffer
}

type nopCloser struct{ *bytes.Buffer }

func (nopCloser) Close() error { return nil }

func (m *memFiles) files() cliFiles {
	return cliFiles{
		read: func(name string) ([]byte, error) {
			if b, ok := m.in[name]; ok {
				return b, nil
			}
			return nil, fmt.Errorf("open %s: no such file", name)
		},
		create: func(name string) (io.WriteCloser, error) {
			m.mu.Lock()
			defer m.mu.Unlock()
			b := &bytes.Buffer{}
			m.outs[filepath.Base(name)] = b
			return nopCloser{b}, nil
		},
	}
}

// TestProofCorpus runs every proof-mode case of testdata/proof_corpus
// in-process and compares with cairo-run: the exit status and error lines,
// stdout, the trace's sha256, the memory's as a set (records sorted by
// address), and both AIR inputs as JSON values (without the private
// input's two file paths).
func TestProofCorpus(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(proofCorpusDir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m proofCorpusManifest
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("manifest.json: %v", err)
	}
	if m.Chunk <= 0 {
		t.Fatalf("manifest.json: chunk %d", m.Chunk)
	}
	params, err := os.ReadFile("../../testdata/proof_params/dynamic.json")
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(m.Programs))
	for n := range m.Programs {
		names = append(names, n)
	}
	sort.Strings(names)
	cases := 0
	for _, p := range m.Programs {
		cases += len(p.Layouts)
	}
	if cases < proofCorpusMinCases {
		t.Fatalf("only %d proof-mode corpus cases", cases)
	}
	for _, name := range names {
		p := m.Programs[name]
		if len(p.Layouts) == 0 {
			continue
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			prog := readGzip(t, filepath.Join(proofCorpusDir, name, "program.json.gz"))
			for _, layout := range p.Layouts {
				t.Run(layout, func(t *testing.T) {
					var c proofCorpusCase
					if err := json.Unmarshal(readGzip(t, filepath.Join(proofCorpusDir, name, layout+".json.gz")), &c); err != nil {
						t.Fatalf("%s/%s.json.gz: %v", name, layout, err)
					}
					checkProofCorpusCase(t, name, layout, m.Chunk, prog, params, &c)
				})
			}
		})
	}
}

// proofCorpusMinCases guards against a manifest that lost its cases.
var proofCorpusMinCases = 1000

func checkProofCorpusCase(t *testing.T, name, layout string, chunk int, prog, params []byte, c *proofCorpusCase) {
	fs := &memFiles{in: map[string][]byte{"program.json": prog, "params.json": params}, outs: map[string]*bytes.Buffer{}}
	for i, a := range c.Args { // a --program_input file is named relative to the corpus
		if a == "--program_input" && i+1 < len(c.Args) {
			b, err := os.ReadFile(filepath.Join(corpusDir, c.Args[i+1]))
			if err != nil {
				t.Fatal(err)
			}
			fs.in[c.Args[i+1]] = b
		}
	}
	args := append([]string{"--program", "program.json", "--trace_file", "trace.bin", "--memory_file", "memory.bin",
		"--air_public_input", "pub.json", "--air_private_input", "priv.json"}, c.Args...)
	var stdout, stderr bytes.Buffer
	code := runCmd(args, &stdout, &stderr, fs.files())
	if (code == 0) != (c.ExitCode == 0) {
		t.Fatalf("exit %d, cairo-run %d\nstderr: %s\ncairo-run stderr: %s", code, c.ExitCode, stderr.String(), c.Stderr)
	}
	if c.ExitCode != 0 {
		checkErrorLines(t, stderr.String(), c.Stderr)
		return
	}
	if stdout.String() != c.Stdout {
		t.Errorf("stdout differs at line %s", firstDiffLine(stdout.String(), c.Stdout))
	}
	out := func(n string) []byte {
		b, ok := fs.outs[n]
		if !ok {
			t.Fatalf("Cairn wrote no %s", n)
		}
		return b.Bytes()
	}
	tr := out("trace.bin")
	if digest(tr) != c.TraceSHA256 {
		msg := fmt.Sprintf("trace.bin differs: %d steps, cairo-run %d", len(tr)/24, c.NSteps)
		if i := firstChunkDiff(tr, 24*chunk, c.TraceChunks); i >= 0 {
			msg += fmt.Sprintf("; first differing steps %d..%d", i*chunk, (i+1)*chunk-1)
		}
		// The sample in testdata/proof keeps some full traces: name the step.
		if full, err := os.ReadFile(filepath.Join("../../testdata/proof", name+"__"+layout, "trace.bin")); err == nil {
			compareTrace(t, tr, full)
		}
		t.Error(msg)
	}
	mem := canonicalMemory(out("memory.bin"))
	if digest(mem) != c.MemorySHA256 {
		msg := fmt.Sprintf("memory differs as a set: %d cells, cairo-run %d", len(mem)/40, c.MemoryCells)
		if i := firstChunkDiff(mem, 40*chunk, c.MemoryChunks); i >= 0 {
			msg += fmt.Sprintf("; first differing records %d..%d (sorted by address", i*chunk, (i+1)*chunk-1)
			if i*chunk*40 < len(mem) {
				msg += fmt.Sprintf(", from address %d", binary.LittleEndian.Uint64(mem[i*chunk*40:]))
			}
			msg += ")"
		}
		t.Error(msg)
	}
	if d := jsonDiff(out("pub.json"), c.AirPublicInput, nil); d != "" {
		t.Errorf("air_public_input differs: %s", d)
	}
	if d := jsonDiff(out("priv.json"), resolveBlobs(t, name, c.AirPrivateInput), []string{"trace_path", "memory_path"}); d != "" {
		t.Errorf("air_private_input differs: %s", d)
	}
}

// resolveBlobs replaces the "blob:<h>" values of a stored private input by
// the JSON of <name>/blobs/<h>.json.gz (the script moves large lists there).
func resolveBlobs(t *testing.T, name string, raw []byte) []byte {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("%s: air_private_input: %v", name, err)
	}
	for k, v := range m {
		var ref string
		if json.Unmarshal(v, &ref) != nil {
			continue
		}
		if h, ok := strings.CutPrefix(ref, "blob:"); ok {
			blob := readGzip(t, filepath.Join(proofCorpusDir, name, "blobs", h+".json.gz"))
			if digest(blob)[:16] != h {
				t.Fatalf("%s: blobs/%s.json.gz does not hash to its name", name, h)
			}
			m[k] = blob
		}
	}
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func digest(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// canonicalMemory is memory.bin's 40-byte records sorted by address (the
// regeneration script's canonical form of the memory as a set).
func canonicalMemory(b []byte) []byte {
	n := len(b) / 40
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	addr := func(i int) uint64 { return binary.LittleEndian.Uint64(b[40*i:]) }
	slices.SortStableFunc(idx, func(x, y int) int {
		switch a, c := addr(x), addr(y); {
		case a < c:
			return -1
		case a > c:
			return 1
		}
		return 0
	})
	out := make([]byte, 0, 40*n)
	for _, i := range idx {
		out = append(out, b[40*i:40*i+40]...)
	}
	return append(out, b[40*n:]...)
}

// firstChunkDiff is the index of the first size-byte chunk of b whose
// digest is not the reference's, or -1.
func firstChunkDiff(b []byte, size int, want []string) int {
	for i := 0; ; i++ {
		lo := i * size
		if lo >= len(b) || i >= len(want) {
			if lo < len(b) || i < len(want) {
				return i
			}
			return -1
		}
		h := sha256.Sum256(b[lo:min(lo+size, len(b))])
		if hex.EncodeToString(h[:])[:16] != want[i] {
			return i
		}
	}
}

// jsonDiff compares two JSON documents as values (numbers exactly), without
// the top-level keys of skip; it names the top-level keys that differ.
func jsonDiff(got, want []byte, skip []string) string {
	decode := func(b []byte) (map[string]any, error) {
		d := json.NewDecoder(bytes.NewReader(b))
		d.UseNumber()
		var v map[string]any
		err := d.Decode(&v)
		for _, k := range skip {
			delete(v, k)
		}
		return v, err
	}
	g, err := decode(got)
	if err != nil {
		return "Cairn's: " + err.Error()
	}
	w, err := decode(want)
	if err != nil {
		return "golden: " + err.Error()
	}
	var keys []string
	for k := range w {
		if !reflect.DeepEqual(g[k], w[k]) {
			gs, _ := json.Marshal(g[k])
			ws, _ := json.Marshal(w[k])
			keys = append(keys, fmt.Sprintf("%q: %s, cairo-run %s", k, truncate(gs), truncate(ws)))
		}
	}
	for k := range g {
		if _, ok := w[k]; !ok {
			keys = append(keys, fmt.Sprintf("%q only in Cairn's", k))
		}
	}
	sort.Strings(keys)
	return strings.Join(keys, "; ")
}
