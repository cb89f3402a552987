package runner

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/cairn-vm/cairn/pie"
	"github.com/cairn-vm/cairn/program"
	"github.com/cairn-vm/cairn/vm/memory"
)

func loadCorpus(t testing.TB, name string) *program.Program {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("../testdata/corpus", name, "program.json"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := program.Load(data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPIERoundTrip: run → PIE → zip → PIE → run from the PIE gives the
// same output, trace and memory as the original run, and the secure run's
// comparison passes.
func TestPIERoundTrip(t *testing.T) {
	for _, tc := range []struct{ name, layout string }{
		{"fib_recursive", "plain"}, {"alloc_array", "plain"}, {"collatz", "small"},
		{"builtin_bitwise", "recursive"}, {"builtin_mod_circuit", "all_cairo"}, {"builtin_pedersen", "small"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := New(loadCorpus(t, tc.name), Config{Layout: tc.layout, Trace: true})
			if err != nil {
				t.Fatal(err)
			}
			if err := r.Run(); err != nil {
				t.Fatal(err)
			}
			p, err := r.PIE()
			if err != nil {
				t.Fatal(err)
			}
			if err := p.Validate(); err != nil {
				t.Fatal(err)
			}
			for _, merge := range []bool{false, true} {
				var buf bytes.Buffer
				if err := p.Write(&buf, merge); err != nil {
					t.Fatal(err)
				}
				in, err := pie.Read(buf.Bytes())
				if err != nil {
					t.Fatal(err)
				}
				pr, err := NewFromPIE(in, Config{Layout: tc.layout})
				if err != nil {
					t.Fatal(err)
				}
				if err := pr.Run(); err != nil {
					t.Fatal(r.FormatError(err))
				}
				if err := r.Relocate(); err != nil {
					t.Fatal(err)
				}
				if err := pr.Relocate(); err != nil {
					t.Fatal(err)
				}
				a, _ := r.RelocatedTrace()
				b, _ := pr.RelocatedTrace()
				if len(a) != len(b) {
					t.Fatalf("merge=%v: %d steps, from the PIE %d", merge, len(a), len(b))
				}
				for i := range a {
					if a[i] != b[i] {
						t.Fatalf("merge=%v: trace differs at step %d", merge, i)
					}
				}
				o1, _ := r.Output()
				o2, _ := pr.Output()
				if len(o1) != len(o2) {
					t.Fatalf("output %d cells, from the PIE %d", len(o1), len(o2))
				}
				for i := range o1 {
					if o1[i] != o2[i] {
						t.Fatalf("output cell %d: %v, from the PIE %v", i, o1[i], o2[i])
					}
				}
				m1, _ := r.Mem.Relocated(r.Relocation)
				m2, _ := pr.Mem.Relocated(pr.Relocation)
				if len(m1) != len(m2) {
					t.Fatalf("merge=%v: %d cells, from the PIE %d", merge, len(m1), len(m2))
				}
				if !merge {
					q, err := pr.PIE()
					if err != nil {
						t.Fatal(err)
					}
					if !p.CompatibleWith(q) {
						t.Fatalf("the PIE of the run from the PIE differs:\n%s", p.Diff(q))
					}
				}
			}
		})
	}
}

// TestPIETampered: a PIE whose memory disagrees with its execution fails,
// and a secure run notices a changed resource count.
func TestPIETampered(t *testing.T) {
	r, err := New(loadCorpus(t, "output_serialize"), Config{Layout: "small", Trace: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Run(); err != nil {
		t.Fatal(err)
	}
	p, err := r.PIE()
	if err != nil {
		t.Fatal(err)
	}
	p.ExecutionResources.BuiltinInstanceCounter[0].Count++
	pr, err := NewFromPIE(p, Config{Layout: "small"})
	if err != nil {
		t.Fatal(err)
	}
	if err := pr.Run(); err == nil {
		t.Fatal("a changed instance count went unnoticed")
	}
	no := false
	pr, err = NewFromPIE(p, Config{Layout: "small", SecureRun: &no})
	if err != nil {
		t.Fatal(err)
	}
	if err := pr.Run(); err != nil {
		t.Fatalf("without a secure run: %v", err)
	}
	p.ExecutionResources.BuiltinInstanceCounter[0].Count--
	// A program cell changed: the program's own write disagrees.
	p.Memory[0].Value = memory.FromUint64(1)
	if _, err := NewFromPIE(p, Config{Layout: "small"}); err == nil {
		t.Fatal("a changed program cell went unnoticed")
	}
}

// FuzzRunFromPIE mutates the memory and resources of a small PIE: every
// run from a PIE that passes the checks ends in success or an error.
func FuzzRunFromPIE(f *testing.F) {
	f.Add(uint16(0), uint64(0), uint8(0), int64(0))
	f.Add(uint16(3), uint64(7), uint8(1), int64(1))
	f.Add(uint16(40), uint64(1), uint8(2), int64(-1))
	r, err := New(loadCorpus(f, "output_serialize"), Config{Layout: "small", Trace: true})
	if err != nil {
		f.Fatal(err)
	}
	if err := r.Run(); err != nil {
		f.Fatal(err)
	}
	base, err := r.PIE()
	if err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if err := base.Write(&buf, false); err != nil {
		f.Fatal(err)
	}
	raw := buf.Bytes()
	f.Fuzz(func(t *testing.T, cell uint16, val uint64, kind uint8, dSteps int64) {
		p, err := pie.Read(raw)
		if err != nil {
			t.Fatal(err)
		}
		i := int(cell) % len(p.Memory)
		switch kind % 4 {
		case 0:
			p.Memory[i].Value = memory.FromUint64(val)
		case 1:
			p.Memory[i].Value = memory.FromPtr(memory.Ptr{Segment: int(val % 8), Offset: val >> 60})
		case 2:
			p.Memory = append(p.Memory[:i:i], p.Memory[i+1:]...)
		case 3:
			p.Memory[i].Addr.Offset += val % 4
		}
		p.ExecutionResources.NSteps += dSteps % 50
		pr, err := NewFromPIE(p, Config{Layout: "small"})
		if err != nil {
			return
		}
		if err := pr.Run(); err != nil {
			_ = pr.FormatError(err)
			return
		}
		_ = pr.Relocate()
	})
}
