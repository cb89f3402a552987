package runner

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"

	"github.com/cairn-vm/cairn/felt"
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
	priv, err := r.PrivateInput("", "")
	if err != nil {
		return nil, err
	}
	delete(priv, "trace_path")
	delete(priv, "memory_path")
	return &Execution{Layout: r.Layout.Name, Trace: t, Memory: cells, PublicInput: pi, PrivateInput: priv}, nil
}

// WriteTrace streams the relocated trace in cairo-run's binary format
// without building it in memory first.
func (r *Runner) WriteTrace(w io.Writer) error {
	rel := r.Relocation
	bw := bufio.NewWriterSize(w, 1<<16)
	var buf [trace.EntrySize]byte
	for _, e := range r.VM.Trace() {
		pc, err1 := rel.Ptr(e.PC)
		ap, err2 := rel.Ptr(e.AP)
		fp, err3 := rel.Ptr(e.FP)
		if err := errors.Join(err1, err2, err3); err != nil {
			return &AssertError{err.Error()}
		}
		binary.LittleEndian.PutUint64(buf[0:], ap)
		binary.LittleEndian.PutUint64(buf[8:], fp)
		binary.LittleEndian.PutUint64(buf[16:], pc)
		if _, err := bw.Write(buf[:]); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// WriteMemory streams the relocated memory in cairo-run's binary format,
// in ascending address order.
func (r *Runner) WriteMemory(w io.Writer) error {
	rel := r.Relocation
	bw := bufio.NewWriterSize(w, 1<<16)
	var buf [trace.CellSize]byte
	var err error
	for i := 0; i < r.Mem.NumSegments() && err == nil; i++ {
		base := rel.Bases[i]
		r.Mem.EachCell(i, func(off uint64, v memory.Value) bool {
			binary.LittleEndian.PutUint64(buf[0:], base+off)
			if p, ok := v.Ptr(); ok && p.Segment >= 0 && p.Segment < len(rel.Bases) && rel.Bases[p.Segment]+p.Offset >= p.Offset {
				// A relocated pointer is a small integer: no field conversion.
				clear(buf[8:])
				binary.LittleEndian.PutUint64(buf[8:], rel.Bases[p.Segment]+p.Offset)
			} else {
				var f felt.Felt
				if f, err = rel.Value(v); err != nil {
					return false
				}
				b := f.BytesLE()
				copy(buf[8:], b[:])
			}
			_, err = bw.Write(buf[:])
			return err == nil
		})
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// WriteFiles writes the trace and the memory file at the same time (either
// writer may be nil): the two encoders are independent, and a machine has
// more than one core.
func (r *Runner) WriteFiles(traceW, memW io.Writer) error {
	var traceErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		if traceW != nil {
			traceErr = r.WriteTrace(traceW)
		}
	}()
	var memErr error
	if memW != nil {
		memErr = r.WriteMemory(memW)
	}
	<-done
	return errors.Join(traceErr, memErr)
}
