package runner

import (
	"encoding/binary"
	"errors"
	"io"
	"slices"
	"sort"

	"github.com/cairn-vm/cairn/trace"
	"github.com/cairn-vm/cairn/vm"
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

// traceRun is one run of the compact trace with its segment bases and fp
// in the relocated address space, or the error relocating its first entry.
type traceRun struct {
	from, end      int
	apBase, pcBase uint64
	fp             uint64
	err            error
}

func (r *Runner) traceRuns() ([]vm.TracePart, []traceRun) {
	parts, vruns := r.VM.CompactTrace()
	return parts, relocateRuns(parts, vruns, r.VM.TraceLen(), r.Relocation)
}

// relocateRuns relocates the runs of a trace of n steps held in parts.
func relocateRuns(parts []vm.TracePart, vruns []vm.TraceRun, n int, rel *memory.Relocation) []traceRun {
	runs := make([]traceRun, len(vruns))
	pi := 0
	for k, s := range vruns {
		end := n
		if k+1 < len(vruns) {
			end = vruns[k+1].From
		}
		for parts[pi].From+parts[pi].Len() <= s.From {
			pi++
		}
		ap, pc := parts[pi].At(s.From - parts[pi].From)
		_, err1 := rel.Ptr(memory.Ptr{Segment: s.PC, Offset: pc})
		_, err2 := rel.Ptr(memory.Ptr{Segment: s.AP, Offset: ap})
		fp, err3 := rel.Ptr(memory.Ptr{Segment: s.FP, Offset: s.FPOffset})
		run := traceRun{from: s.From, end: end}
		if err := errors.Join(err1, err2, err3); err != nil {
			run.err = &AssertError{err.Error()}
		} else {
			run.apBase, run.pcBase, run.fp = rel.Bases[s.AP], rel.Bases[s.PC], fp
		}
		runs[k] = run
	}
	return runs
}

// eachRelocated calls f for the steps [from, to) of part p (indices into
// p), run by run, with the run's bases and the range of p's indices it
// covers; it stops at the first run that cannot be relocated.
func eachRelocated(runs []traceRun, p *vm.TracePart, from, to int, f func(run *traceRun, i, j int)) error {
	from, to = p.From+from, p.From+to
	k := sort.Search(len(runs), func(k int) bool { return runs[k].end > from })
	for ; k < len(runs) && runs[k].from < to; k++ {
		run := &runs[k]
		if run.err != nil {
			return run.err
		}
		f(run, max(from, run.from)-p.From, min(to, run.end)-p.From)
	}
	return nil
}

// RelocatedTrace returns the trace in the relocated address space.
func (r *Runner) RelocatedTrace() ([]trace.Entry, error) {
	parts, runs := r.traceRuns()
	out := make([]trace.Entry, r.VM.TraceLen())
	for pi := range parts {
		p := &parts[pi]
		err := eachRelocated(runs, p, 0, p.Len(), func(run *traceRun, i, j int) {
			for ; i < j; i++ {
				ap, pc := p.At(i)
				out[p.From+i] = trace.Entry{PC: pc + run.pcBase, AP: ap + run.apBase, FP: run.fp}
			}
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Chunk sizes of the parallel file encoders (steps and cells): large
// enough that the hand-over costs nothing, small enough to keep the
// buffers in cache.
const (
	traceChunkSteps = 1 << 12
	memoryChunk     = 1 << 11
)

// WriteTrace writes the relocated trace in cairo-run's binary format,
// straight from the compact trace.
func (r *Runner) WriteTrace(w io.Writer) error {
	parts, runs := r.traceRuns()
	chunks := traceChunks(parts, 0)
	return trace.WriteChunks(w, len(chunks), encodeTraceChunk(parts, runs, chunks))
}

// traceChunk is the steps [from, to) of a part (indices into it).
type traceChunk struct{ part, from, to int }

// traceChunks splits the steps from start on into encoder chunks.
func traceChunks(parts []vm.TracePart, start int) []traceChunk {
	var chunks []traceChunk
	for pi := range parts {
		for from := max(0, start-parts[pi].From); from < parts[pi].Len(); from += traceChunkSteps {
			chunks = append(chunks, traceChunk{pi, from, min(from+traceChunkSteps, parts[pi].Len())})
		}
	}
	return chunks
}

func encodeTraceChunk(parts []vm.TracePart, runs []traceRun, chunks []traceChunk) func(int, []byte) ([]byte, error) {
	return func(c int, buf []byte) ([]byte, error) {
		ch := chunks[c]
		size := (ch.to - ch.from) * trace.EntrySize
		buf = slices.Grow(buf, size)[:size]
		return buf, encodeSteps(buf, runs, &parts[ch.part], ch.from, ch.to)
	}
}

// encodeSteps writes the trace records of the steps [from, to) of part p
// (indices into p) into out, which holds exactly them.
func encodeSteps(out []byte, runs []traceRun, p *vm.TracePart, from, to int) error {
	return eachRelocated(runs, p, from, to, func(run *traceRun, i, j int) {
		out := out[(i-from)*trace.EntrySize : (j-from)*trace.EntrySize]
		apBase, pcBase, fp := run.apBase, run.pcBase, run.fp
		if p.Wide != nil {
			for k, o := range p.Wide[i:j] {
				e := (*[trace.EntrySize]byte)(out[k*trace.EntrySize:])
				binary.LittleEndian.PutUint64(e[0:], o.AP+apBase)
				binary.LittleEndian.PutUint64(e[8:], fp)
				binary.LittleEndian.PutUint64(e[16:], o.PC+pcBase)
			}
			return
		}
		// Sliding out (with its length checked once a step) keeps the loop
		// free of bounds checks and spills: this loop is the trace file.
		for _, o := range p.Narrow[i:j] {
			if len(out) < trace.EntrySize {
				break
			}
			binary.LittleEndian.PutUint64(out[0:8], uint64(o.AP)+apBase)
			binary.LittleEndian.PutUint64(out[8:16], fp)
			binary.LittleEndian.PutUint64(out[16:24], uint64(o.PC)+pcBase)
			out = out[trace.EntrySize:]
		}
	})
}

// memChunk is a piece of the memory file: dense cells [from, to) of a
// segment, or (far) all of its cells beyond the dense part.
type memChunk struct {
	seg      int
	from, to uint64
	far      bool
}

// WriteMemory writes the relocated memory in cairo-run's binary format,
// in ascending address order.
func (r *Runner) WriteMemory(w io.Writer) error {
	chunks := r.memChunks(0, 0)
	return trace.WriteChunks(w, len(chunks), r.encodeMemChunk(chunks))
}

// memChunks splits the cells from segment seg's offset start on (segment
// by segment, in address order) into encoder chunks.
func (r *Runner) memChunks(seg int, start uint64) []memChunk {
	var chunks []memChunk
	for i := seg; i < r.Mem.NumSegments(); i++ {
		n := uint64(len(r.Mem.DenseCells(i)))
		from := uint64(0)
		if i == seg {
			from = start
		}
		for ; from < n; from += memoryChunk {
			chunks = append(chunks, memChunk{seg: i, from: from, to: min(from+memoryChunk, n)})
		}
		if r.Mem.HasFarCells(i) {
			chunks = append(chunks, memChunk{seg: i, far: true})
		}
	}
	return chunks
}

func (r *Runner) encodeMemChunk(chunks []memChunk) func(int, []byte) ([]byte, error) {
	rel := r.Relocation
	return func(c int, buf []byte) ([]byte, error) {
		ch := chunks[c]
		base := rel.Bases[ch.seg]
		if ch.far {
			var err error
			for _, off := range r.Mem.FarOffsets(ch.seg) {
				v := r.Mem.Get(memory.Ptr{Segment: ch.seg, Offset: off})
				if buf, err = appendCell(buf, rel, base+off, &v); err != nil {
					return nil, err
				}
			}
			return buf, nil
		}
		return appendCells(buf, rel, r.Mem.DenseCells(ch.seg)[ch.from:ch.to], base+ch.from)
	}
}

// appendCells appends the records of the set cells among cells, the
// cells of a segment from address at on.
func appendCells(buf []byte, rel *memory.Relocation, cells []memory.Value, at uint64) ([]byte, error) {
	for {
		var i int
		buf, i = rel.AppendRecords(buf, cells, at)
		if i == len(cells) {
			return buf, nil
		}
		// A pointer that does not relocate to a small address: the
		// felt (or the error) comes from the general relocation.
		var err error
		if buf, err = appendCell(buf, rel, at+uint64(i), &cells[i]); err != nil {
			return nil, err
		}
		cells, at = cells[i+1:], at+uint64(i)+1
	}
}

// appendCell appends one memory record the slow way.
func appendCell(buf []byte, rel *memory.Relocation, addr uint64, v *memory.Value) ([]byte, error) {
	f, err := rel.Value(*v)
	if err != nil {
		return nil, err
	}
	var b [trace.CellSize]byte
	binary.LittleEndian.PutUint64(b[0:], addr)
	fb := f.BytesLE()
	copy(b[8:], fb[:])
	return append(buf, b[:]...), nil
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
