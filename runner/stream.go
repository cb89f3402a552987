package runner

import (
	"errors"
	"io"
	"slices"
	"sort"
	"sync"

	"github.com/cairn-vm/cairn/trace"
	"github.com/cairn-vm/cairn/vm"
	"github.com/cairn-vm/cairn/vm/memory"
)

// Writing the trace and memory files during the run.
//
// The step loop uses one core; the files' encoding (most of it converting
// felts out of Montgomery form) can use the other while the run goes on,
// for whatever is already final. Every streamSync steps the run hands a
// snapshot of that to a job on its own goroutine:
//
//   - the trace steps recorded so far (a recorded step never changes), and
//   - the execution segment's cells, when none of them is a hole (memory is
//     write-once, so set cells keep their values; with a hole below, a
//     later write could land among them, and the job would read a cell the
//     run writes).
//
// The job encodes them in small chunks and writes each where it belongs in
// the file (io.WriterAt): nothing is kept, so the encoding costs what it
// costs after the run. Neither file is final before the run ends, though:
// the records hold relocated addresses, and the execution segment's base
// is 1 + the program segment's size, which the run can still change by
// writing past the program. The jobs assume the size they see. A cell
// holding a pointer into any other segment (whose base depends on the
// execution segment's final size) gets a placeholder record; a trace run in
// another segment stops the trace's jobs. After the run, FinishFiles writes
// the rest, rewrites the placeholders from the final relocation, and if
// the program segment did change, rewrites both files from the start (the
// files' lengths do not depend on the bases, so every byte written early
// is overwritten).
//
// Only one job runs at a time: a snapshot that finds one running leaves
// its share to the next.

// streamSeg is the segment whose cells the jobs encode: the execution
// segment, which holds nearly every cell of a run.
const streamSeg = 1

// streamSync is how many steps the run takes between two snapshots (a
// variable so that tests can make small runs take many).
var streamSync uint64 = 1 << 16

// streamBlock makes a snapshot wait for the running job instead of
// leaving its share to the next (tests: every snapshot then starts a job).
var streamBlock = false

// patchGap is how far apart two placeholders may be and still be rewritten
// as one range after the run (one write instead of two).
const patchGap = 64

// streamer is the state of StreamFiles. The jobs run one at a time,
// holding sem; what a job writes here, the next holder of sem reads (a
// snapshot, on the run's goroutine, or the join after the run).
type streamer struct {
	tw, mw io.WriterAt
	sem    chan struct{}
	join   sync.Once

	prog      uint64 // cells of the program segment every job assumed (0: none yet)
	traceEnd  int    // steps [0, traceEnd) are written
	traceStop bool   // a trace run the jobs cannot relocate
	memEnd    uint64 // cells [0, memEnd) of streamSeg are written
	patch     []uint64
	buf       []byte
	err       error // the first write error; the jobs stop there
	finished  bool
}

// StreamFiles makes Run write the trace and memory files (either may be
// nil) while it goes on, as far as they are already final, from one more
// goroutine; FinishFiles completes them after Relocate. The bytes are the
// same as WriteTrace's and WriteMemory's. Call it before Run. The writers
// must take writes at any offset and in any order, as files do.
func (r *Runner) StreamFiles(traceW, memW io.WriterAt) {
	if r.stream == nil && !r.ended {
		r.stream = &streamer{tw: traceW, mw: memW, sem: make(chan struct{}, 1)}
	}
}

// streamJoin waits for the running job and stops any more from starting.
// EndRun calls it before anything rewrites set cells.
func (r *Runner) streamJoin() {
	if s := r.stream; s != nil {
		s.join.Do(func() { s.sem <- struct{}{} })
	}
}

// runStreaming is RunTo(end, limit) in stretches of streamSync steps, with
// a snapshot between them. RunTo's limit counts its iterations, and a
// stretch that stops short of its limit has reached end (or failed), so
// the stretches add up to one RunTo call.
func (r *Runner) runStreaming(end memory.Ptr, limit uint64) error {
	v := r.VM
	for done := uint64(0); limit == 0 || done < limit; {
		n := streamSync
		if limit != 0 {
			n = min(n, limit-done)
		}
		if err := v.RunTo(end, n); err != nil {
			return err
		}
		if v.PC == end {
			return nil
		}
		done += n
		r.streamSnapshot()
	}
	return nil
}

// streamSnapshot starts a job on what is final now, unless one is
// running. It runs on the run's goroutine, between steps.
func (r *Runner) streamSnapshot() {
	s := r.stream
	if streamBlock {
		s.sem <- struct{}{}
	} else {
		select {
		case s.sem <- struct{}{}:
		default:
			return
		}
	}
	job, ok := r.streamJob()
	if !ok {
		<-s.sem
		return
	}
	go func() {
		defer func() { <-s.sem }()
		job.run(s)
	}()
}

// streamJob is the work of one job, which must not touch the runner.
type streamJob struct {
	rel  *memory.Relocation // segments 0 and 1 as the job assumes them
	prog uint64             // the program segment's cells (all set)
	// The steps [from, to) of the trace held in parts, with the runs that
	// hold them (later ones do not exist yet).
	parts    []vm.TracePart
	runs     []vm.TraceRun
	from, to int
	// The cells of streamSeg from memFrom on.
	cells   []memory.Value
	memFrom uint64
}

func (r *Runner) streamJob() (job streamJob, ok bool) {
	s := r.stream
	if s.err != nil || r.ProgramBase.Segment != 0 || r.ExecBase.Segment != streamSeg {
		return job, false
	}
	prog, ok := r.Mem.SetCells(0)
	if !ok || s.prog != 0 && s.prog != uint64(len(prog)) {
		// The program segment grew: what is written assumed another
		// base, and FinishFiles rewrites it all.
		return job, false
	}
	s.prog = uint64(len(prog))
	job.prog = s.prog
	job.rel = &memory.Relocation{Bases: []uint64{1, 1 + s.prog}}
	if n := r.VM.TraceLen(); s.tw != nil && !s.traceStop && n > s.traceEnd {
		parts, runs := r.VM.CompactTrace()
		// The run goes on appending to these slices, and changes a part's
		// header when it extends a wide part: the job gets its own copy
		// of the headers, and the runs that are final.
		job.parts = slices.Clone(parts)
		k := sort.Search(len(runs), func(k int) bool { return runs[k].From >= n })
		// From the run that holds step traceEnd (the first starts at 0).
		k0 := sort.Search(k, func(k int) bool { return runs[k].From > s.traceEnd }) - 1
		job.runs = runs[k0:k:k]
		job.from, job.to = s.traceEnd, n
	}
	if cells, ok := r.Mem.SetCells(streamSeg); s.mw != nil && ok && uint64(len(cells)) > s.memEnd {
		job.cells, job.memFrom = cells, s.memEnd
	}
	return job, job.to > job.from || job.cells != nil
}

// run encodes and writes the job's share; it holds s.sem.
func (j *streamJob) run(s *streamer) {
	if j.to > j.from {
		runs := relocateRuns(j.parts, j.runs, j.to, j.rel)
		chunks := traceChunks(j.parts, j.from)
		enc := encodeTraceChunk(j.parts, runs, chunks)
		for c := range chunks {
			ch := chunks[c]
			if j.parts[ch.part].From+ch.from >= j.to {
				break
			}
			buf, err := enc(c, s.buf[:0])
			if err != nil {
				s.traceStop = true // a run in another segment: the rest after the run
				break
			}
			s.buf = buf
			step := j.parts[ch.part].From + ch.from
			if _, err := s.tw.WriteAt(buf, int64(step)*trace.EntrySize); err != nil {
				s.err = err
				return
			}
			s.traceEnd = step + ch.to - ch.from
		}
	}
	if j.cells == nil {
		return
	}
	bases := j.rel.Bases
	for from := j.memFrom; from < uint64(len(j.cells)); from += memoryChunk {
		cells := j.cells[from:min(from+memoryChunk, uint64(len(j.cells)))]
		buf, off := s.buf[:0], from
		for {
			var i int
			buf, i = j.rel.AppendRecords(buf, cells, bases[streamSeg]+off)
			if i == len(cells) {
				break
			}
			s.patch = append(s.patch, off+uint64(i))
			buf = append(buf, make([]byte, trace.CellSize)...)
			cells, off = cells[i+1:], off+uint64(i)+1
		}
		s.buf = buf
		if _, err := s.mw.WriteAt(buf, int64(j.prog+from)*trace.CellSize); err != nil {
			s.err = err
			return
		}
		s.memEnd = off + uint64(len(cells))
	}
}

// ErrNotStreaming is FinishFiles without StreamFiles before the run, or a
// second FinishFiles.
var ErrNotStreaming = errors.New("runner: FinishFiles without StreamFiles, or twice")

// FinishFiles completes the files StreamFiles started, after Relocate: the
// rest of both, written at the same time.
func (r *Runner) FinishFiles() error {
	s := r.stream
	if s == nil || s.finished || r.Relocation == nil {
		if r.Relocation == nil && s != nil {
			return &SetupError{"FinishFiles before Relocate"}
		}
		return ErrNotStreaming
	}
	s.finished = true
	r.streamJoin()
	if s.err != nil {
		return s.err
	}
	prog, ok := r.Mem.SetCells(0)
	b := r.Relocation.Bases
	if !ok || uint64(len(prog)) != s.prog || len(b) <= streamSeg || b[0] != 1 || b[streamSeg] != 1+s.prog {
		// The jobs assumed another layout (or wrote nothing): all again.
		s.traceEnd, s.memEnd, s.patch = 0, 0, nil
	}
	var traceErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		if s.tw != nil {
			traceErr = r.finishTrace()
		}
	}()
	var memErr error
	if s.mw != nil {
		memErr = r.finishMemory()
	}
	<-done
	return errors.Join(traceErr, memErr)
}

func (r *Runner) finishTrace() error {
	s := r.stream
	parts, runs := r.traceRuns()
	chunks := traceChunks(parts, s.traceEnd)
	at := func(c int) int64 { return int64(parts[chunks[c].part].From+chunks[c].from) * trace.EntrySize }
	return trace.WriteChunksAt(s.tw, len(chunks), at, encodeTraceChunk(parts, runs, chunks))
}

// finishMemory writes, in address order, the program segment, the
// placeholders' ranges and everything after the cells the jobs wrote.
func (r *Runner) finishMemory() error {
	s := r.stream
	if s.memEnd == 0 {
		chunks := r.memChunks(0, 0)
		return trace.WriteChunks(io.NewOffsetWriter(s.mw, 0), len(chunks), r.encodeMemChunk(chunks))
	}
	// Here every cell of the program segment and of streamSeg below memEnd
	// is set: cell k of streamSeg is record prog + k.
	var chunks []memChunk
	for from := uint64(0); from < s.prog; from += memoryChunk {
		chunks = append(chunks, memChunk{seg: 0, from: from, to: min(from+memoryChunk, s.prog)})
	}
	for i := 0; i < len(s.patch); {
		ch := memChunk{seg: streamSeg, from: s.patch[i], to: s.patch[i] + 1}
		for i++; i < len(s.patch) && s.patch[i] < ch.to+patchGap && s.patch[i]-ch.from < memoryChunk; i++ {
			ch.to = s.patch[i] + 1
		}
		chunks = append(chunks, ch)
	}
	at := func(c int) int64 {
		ch := chunks[c]
		if ch.seg == streamSeg {
			return int64(s.prog+ch.from) * trace.CellSize
		}
		return int64(ch.from) * trace.CellSize
	}
	if err := trace.WriteChunksAt(s.mw, len(chunks), at, r.encodeMemChunk(chunks)); err != nil {
		return err
	}
	rest := r.memChunks(streamSeg, s.memEnd)
	w := io.NewOffsetWriter(s.mw, int64(s.prog+s.memEnd)*trace.CellSize)
	return trace.WriteChunks(w, len(rest), r.encodeMemChunk(rest))
}
