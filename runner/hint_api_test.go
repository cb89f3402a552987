package runner

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"testing"

	"github.com/cairn-vm/cairn/hints"
	"github.com/cairn-vm/cairn/program"
	"github.com/cairn-vm/cairn/vm"
	"github.com/cairn-vm/cairn/vm/memory"
)

func loadCustom(t *testing.T) *program.Program {
	t.Helper()
	data, err := os.ReadFile("../testdata/custom_hint/custom.json")
	if err != nil {
		t.Fatal(err)
	}
	p, err := program.Load(data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// An unknown hint is an error when it is reached, naming its code and pc.
func TestUnknownHintFailsWhenReached(t *testing.T) {
	p := loadCustom(t)
	r, err := New(p, Config{Layout: "small"})
	if err != nil {
		t.Fatalf("an unknown hint must not fail the load: %v", err)
	}
	err = r.Run()
	var uh *hints.UnknownHintError
	var se *vm.StepError
	if !errors.As(err, &uh) || !errors.As(err, &se) {
		t.Fatalf("got %v", err)
	}
	if uh.Code != "memory[ap] = ids.x * 6" || se.HintIndex != 0 || se.Step == 0 {
		t.Fatalf("error %+v at step %d", uh, se.Step)
	}
	msg := r.FormatError(err)
	if !bytes.Contains([]byte(msg), []byte("custom.cairo:9:5")) || !bytes.Contains([]byte(msg), []byte("memory[ap] = ids.x * 6")) {
		t.Fatalf("message lacks the location or the code:\n%s", msg)
	}
}

// The Go API: a registry extended with an implementation runs the program
// as cairo-run does (cairo-run's output is in the golden file).
func TestRegisterHint(t *testing.T) {
	p := loadCustom(t)
	reg := hints.Default.Clone()
	reg.Register("memory[ap] = ids.x * 6", func(c *hints.Context) error {
		x, err := c.Int("x")
		if err != nil {
			return err
		}
		return c.SetAP(0, memory.FromUint64(x.Uint64()*6))
	})
	r, err := New(p, Config{Layout: "small", Hints: reg})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Run(); err != nil {
		t.Fatal(r.FormatError(err))
	}
	out, _ := r.Output()
	var got bytes.Buffer
	fmt.Fprintln(&got, "Program output:")
	for _, v := range out {
		fmt.Fprintf(&got, "  %v\n", v.MustFelt().Signed())
	}
	fmt.Fprintln(&got)
	want, _ := os.ReadFile("../testdata/custom_hint/cairo_run_stdout.txt")
	if got.String() != string(want) {
		t.Fatalf("got %q, cairo-run %q", got.String(), want)
	}
	if _, ok := hints.Default.Lookup("memory[ap] = ids.x * 6"); ok {
		t.Fatal("Clone leaked into the default registry")
	}
}
