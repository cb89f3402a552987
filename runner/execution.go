package runner

import (
	"github.com/cairn-vm/cairn/trace"
	"github.com/cairn-vm/cairn/vm/memory"
)

// Execution is a finished proof-mode run as plain data: what a prover
// reads, with no files in between. It is the meeting point of the
// execution side and the proving side.
type Execution struct {
	Layout      string
	Trace       []trace.Entry // relocated registers, one entry per step
	Memory      []memory.Cell // relocated memory, ascending addresses
	PublicInput *trace.PublicInput
	// PrivateInput holds the builtins' private inputs, keyed as in
	// air_private_input.json (without the file paths).
	PrivateInput map[string]any
}

// Execution relocates the run (if not done yet) and returns it as data.
func (r *Runner) Execution() (*Execution, error) {
	if r.Relocation == nil {
		if err := r.Relocate(); err != nil {
			return nil, err
		}
	}
	t, err := r.RelocatedTrace()
	if err != nil {
		return nil, err
	}
	cells, err := r.Mem.Relocated(r.Relocation)
	if err != nil {
		return nil, err
	}
	pi, err := r.PublicInput()
	if err != nil {
		return nil, err
	}
	priv := r.PrivateInput("", "")
	delete(priv, "trace_path")
	delete(priv, "memory_path")
	return &Execution{Layout: r.Layout.Name, Trace: t, Memory: cells, PublicInput: pi, PrivateInput: priv}, nil
}
