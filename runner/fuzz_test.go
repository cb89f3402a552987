package runner

import (
	"encoding/binary"
	"testing"

	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/program"
)

// FuzzRun executes arbitrary instruction words as a program: every run
// must end in success or an error, never a panic, within its step limit.
func FuzzRun(f *testing.F) {
	seed := func(ws ...uint64) []byte {
		b := make([]byte, 8*len(ws))
		for i, w := range ws {
			binary.LittleEndian.PutUint64(b[8*i:], w)
		}
		return b
	}
	f.Add(seed(0x480680017fff8000, 5, 0x208b7fff7fff7ffe))
	f.Add(seed(0x1104800180018000, 2, 0x208b7fff7fff7ffe, 0x208b7fff7fff7ffe))
	f.Add(seed(0x400380007ffc7ffd, 0x482680017ffc8000, 1, 0x208b7fff7fff7ffe))
	f.Fuzz(func(t *testing.T, code []byte) {
		if len(code) > 8*256 {
			return
		}
		p := &program.Program{Prime: felt.Prime(), MainScope: "__main__", Identifiers: map[string]*program.Identifier{}, Hints: map[int][]program.Hint{}}
		for i := 0; i+8 <= len(code); i += 8 {
			p.Data = append(p.Data, felt.FromUint64(binary.LittleEndian.Uint64(code[i:])))
		}
		zero := 0
		p.Identifiers["__main__.main"] = &program.Identifier{Type: "function", PC: &zero}
		r, err := New(p, Config{Steps: 500, Trace: true})
		if err != nil {
			return
		}
		if err := r.Run(); err != nil {
			_ = r.FormatError(err)
			return
		}
		if err := r.Relocate(); err != nil {
			return
		}
		if _, err := r.RelocatedTrace(); err != nil {
			return
		}
		_, _ = r.Mem.Relocated(r.Relocation)
	})
}
