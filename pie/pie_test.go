package pie

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/cairn-vm/cairn/vm/memory"
)

const goldenDir = "../testdata/pie"

func goldenZips(t testing.TB) []string {
	t.Helper()
	zips, err := filepath.Glob(filepath.Join(goldenDir, "*", "cairo_pie*.zip"))
	if err != nil || len(zips) < 12 {
		t.Fatalf("golden PIEs: %v (%d found)", err, len(zips))
	}
	return zips
}

func zipEntries(t *testing.T, data []byte) ([]string, map[string][]byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, f.Name)
		out[f.Name] = b
	}
	return names, out
}

// TestRoundTrip reads each of cairo-run's PIEs, checks it, and writes it
// back: every entry comes out byte for byte as cairo-lang wrote it (the
// JSON as json.dumps formats it, the memory in the file's order).
func TestRoundTrip(t *testing.T) {
	for _, path := range goldenZips(t) {
		t.Run(filepath.Base(filepath.Dir(path))+"/"+filepath.Base(path), func(t *testing.T) {
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			p, err := Read(raw)
			if err != nil {
				t.Fatal(err)
			}
			if err := p.Validate(); err != nil {
				t.Fatalf("validity checks: %v", err)
			}
			if v, _ := p.VersionString(); v != CurrentVersion {
				t.Errorf("version %q", v)
			}
			var buf bytes.Buffer
			if err := p.Write(&buf, false); err != nil {
				t.Fatal(err)
			}
			wn, want := zipEntries(t, raw)
			gn, got := zipEntries(t, buf.Bytes())
			if len(gn) != len(wn) {
				t.Fatalf("entries %v, want %v", gn, wn)
			}
			for i, n := range wn {
				if gn[i] != n {
					t.Fatalf("entries %v, want %v", gn, wn)
				}
				if !bytes.Equal(got[n], want[n]) {
					t.Errorf("%s differs:\n got %.300s\nwant %.300s", n, got[n], want[n])
				}
			}
			q, err := Read(buf.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			if !p.CompatibleWith(q) || !q.CompatibleWith(p) {
				t.Errorf("round trip not compatible:\n%s", p.Diff(q))
			}
		})
	}
}

// TestMerge: merging the extra segments of a PIE read from disk gives
// what cairo-run --merge_extra_segments wrote.
func TestMerge(t *testing.T) {
	merged, _ := filepath.Glob(filepath.Join(goldenDir, "*", "cairo_pie_merged.zip"))
	if len(merged) == 0 {
		t.Fatal("no merged goldens")
	}
	for _, mpath := range merged {
		p, err := ReadFile(filepath.Join(filepath.Dir(mpath), "cairo_pie.zip"))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := p.Write(&buf, true); err != nil {
			t.Fatal(err)
		}
		raw, err := os.ReadFile(mpath)
		if err != nil {
			t.Fatal(err)
		}
		_, want := zipEntries(t, raw)
		_, got := zipEntries(t, buf.Bytes())
		for n := range want {
			if !bytes.Equal(got[n], want[n]) {
				t.Errorf("%s: %s differs", mpath, n)
			}
		}
	}
}

func TestDiffAndCompatibility(t *testing.T) {
	p, err := ReadFile(filepath.Join(goldenDir, "output_serialize", "cairo_pie.zip"))
	if err != nil {
		t.Fatal(err)
	}
	q, _ := ReadFile(filepath.Join(goldenDir, "output_serialize", "cairo_pie.zip"))
	if !p.CompatibleWith(q) {
		t.Fatal("a PIE is not compatible with itself")
	}
	// Pedersen data is ignored; other additional data is not.
	q.AdditionalData.(*Object).Set("pedersen_builtin", []any{})
	if !p.CompatibleWith(q) {
		t.Error("pedersen_builtin should be ignored")
	}
	q.AdditionalData.(*Object).Set("output_builtin", nil)
	q.Memory[0].Value = memory.FromUint64(12345)
	q.ExecutionResources.NSteps++
	if p.CompatibleWith(q) {
		t.Fatal("different PIEs are compatible")
	}
	want := "CairoPie diff:\n * memory mismatch.\n * additional_data mismatch:\n   * output_builtin mismatch.\n   * pedersen_builtin mismatch.\n" +
		" * execution_resources mismatch: ExecutionResourcesStone(builtin_instance_counter={'output_builtin': 10}, n_memory_holes=0, n_steps=170) != " +
		"ExecutionResourcesStone(builtin_instance_counter={'output_builtin': 10}, n_memory_holes=0, n_steps=171)."
	if d := p.Diff(q); d != want {
		t.Errorf("diff:\n%s\nwant:\n%s", d, want)
	}
}

// TestReadErrors: malformed input gives typed errors.
func TestReadErrors(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(goldenDir, "output_serialize", "cairo_pie.zip"))
	if err != nil {
		t.Fatal(err)
	}
	_, files := zipEntries(t, raw)
	build := func(mut func(map[string][]byte)) []byte {
		c := map[string][]byte{}
		for k, v := range files {
			c[k] = v
		}
		mut(c)
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, n := range Files {
			if d, ok := c[n]; ok {
				w, _ := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate})
				w.Write(d)
			}
		}
		zw.Close()
		return buf.Bytes()
	}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"prefix only", []byte("PK")},
		{"truncated", raw[:len(raw)/2]},
		{"metadata not JSON", build(func(c map[string][]byte) { c[MetadataFile] = []byte("{") })},
		{"metadata unknown field", build(func(c map[string][]byte) {
			c[MetadataFile] = append(bytes.Clone(bytes.TrimSuffix(c[MetadataFile], []byte("}"))), []byte(`, "x": 1}`)...)
		})},
		{"metadata non-ASCII", build(func(c map[string][]byte) { c[MetadataFile] = []byte(`{"é": 1}`) })},
		{"resources missing n_steps", build(func(c map[string][]byte) {
			c[ExecutionResourcesFile] = []byte(`{"builtin_instance_counter": {}, "n_memory_holes": 0}`)
		})},
		{"resources float steps", build(func(c map[string][]byte) {
			c[ExecutionResourcesFile] = []byte(`{"builtin_instance_counter": {}, "n_steps": 1.5}`)
		})},
		{"memory value above the prime", build(func(c map[string][]byte) {
			c[MemoryFile] = append(c[MemoryFile][:40:40], append(make([]byte, 8), bytes.Repeat([]byte{0x7f}, 32)...)...)
		})},
	} {
		_, err := Read(tc.data)
		var fe *FormatError
		if !errors.As(err, &fe) {
			t.Errorf("%s: got %v, want a *FormatError", tc.name, err)
		}
	}
	// Integral floats are integers to marshmallow.
	p, err := Read(build(func(c map[string][]byte) {
		c[ExecutionResourcesFile] = []byte(`{"builtin_instance_counter": {"output_builtin": 10.0}, "n_steps": 170}`)
	}))
	if err != nil || p.ExecutionResources.BuiltinInstanceCounter[0].Count != 10 || p.ExecutionResources.NMemoryHoles != 0 {
		t.Errorf("integral float: %v %+v", err, p)
	}
}

func TestPythonJSON(t *testing.T) {
	for in, want := range map[string]string{
		`{"b":1,"a":[1.0,2.5,-0,1e20,"x\u00e9\n\"",null,true,{}]}`: `{"b": 1, "a": [1.0, 2.5, 0, 1e+20, "x\u00e9\n\"", null, true, {}]}`,
		`{"a":1,"a":2}`:  `{"a": 2}`,
		`"\ud83d\ude00"`: `"\ud83d\ude00"`,
	} {
		v, err := DecodeJSON([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		got, err := EncodeJSON(v)
		if err != nil || string(got) != want {
			t.Errorf("%s: %s (%v), want %s", in, got, err, want)
		}
	}
	for _, bad := range []string{``, `{`, `[1,]`, `{"a":1} x`, `{1:2}`} {
		if _, err := DecodeJSON([]byte(bad)); err == nil {
			t.Errorf("%q decoded", bad)
		}
	}
}

// FuzzRead: no input makes the reader, the checks or the writer panic, and
// whatever reads back writes and reads again to a compatible PIE.
func FuzzRead(f *testing.F) {
	for _, path := range goldenZips(f) {
		if b, err := os.ReadFile(path); err == nil && len(b) < 2100 {
			f.Add(b)
		}
	}
	negs, _ := filepath.Glob(filepath.Join(goldenDir, "negative", "*.zip"))
	for _, path := range negs {
		if b, err := os.ReadFile(path); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Read(data)
		if err != nil {
			var fe *FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("untyped error %T: %v", err, err)
			}
			return
		}
		verr := p.Validate()
		if verr != nil {
			var ve *ValidityError
			if !errors.As(verr, &ve) {
				t.Fatalf("untyped validity error %T: %v", verr, verr)
			}
		}
		var buf bytes.Buffer
		if err := p.Write(&buf, false); err != nil {
			return // e.g. an address that does not fit the encoding
		}
		q, err := Read(buf.Bytes())
		if err != nil {
			t.Fatalf("written PIE does not read back: %v", err)
		}
		if !p.CompatibleWith(q) {
			t.Fatalf("written PIE differs:\n%s", p.Diff(q))
		}
		if verr == nil && len(p.Metadata.ExtraSegments) > 0 {
			buf.Reset()
			if err := p.Write(&buf, true); err != nil {
				t.Fatalf("merge: %v", err)
			}
		}
	})
}

// FuzzEntries fuzzes the contents of the five entries (the zip's deflate
// layer aside): parsing, the validity checks, compatibility and writing
// never panic.
func FuzzEntries(f *testing.F) {
	for _, path := range goldenZips(f) {
		raw, err := os.ReadFile(path)
		if err != nil || len(raw) > 4000 {
			continue
		}
		zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
		if err != nil {
			f.Fatal(err)
		}
		e := map[string][]byte{}
		for _, zf := range zr.File {
			rc, _ := zf.Open()
			e[zf.Name], _ = io.ReadAll(rc)
			rc.Close()
		}
		f.Add(e[MetadataFile], e[MemoryFile], e[AdditionalDataFile], e[ExecutionResourcesFile], e[VersionFile])
	}
	f.Fuzz(func(t *testing.T, md, mem, ad, res, ver []byte) {
		p := &PIE{}
		v, err := decodeJSON(md)
		if err != nil || parseMetadata(v, &p.Metadata) != nil {
			return
		}
		if p.Memory, err = parseMemory(mem); err != nil {
			return
		}
		if p.AdditionalData, err = decodeJSON(ad); err != nil {
			return
		}
		if v, err = decodeJSON(res); err != nil || parseResources(v, &p.ExecutionResources) != nil {
			return
		}
		if p.Version, err = decodeJSON(ver); err != nil {
			return
		}
		verr := p.Validate()
		_ = p.CompatibleWith(p)
		_ = p.Diff(p)
		p.VersionString()
		if _, err := encodeJSON(p.Metadata.toJSON()); err != nil && verr == nil {
			t.Fatalf("valid metadata does not encode: %v", err)
		}
		if err := p.writeMemory(io.Discard, nil); err != nil && verr == nil {
			t.Fatalf("valid memory does not encode: %v", err)
		}
		if verr == nil && len(p.Metadata.ExtraSegments) > 0 {
			_, offsets := p.MergeExtraSegments()
			_ = p.writeMemory(io.Discard, offsets)
		}
	})
}
