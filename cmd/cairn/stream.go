package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/cairn-vm/cairn/runner"
)

// streamedFiles are the trace and memory files written during the run
// (runner.StreamFiles): each goes to a new file beside its name, renamed
// to it once the run has succeeded, because cairo-run writes them only
// then and leaves whatever was there before a failing run.
type streamedFiles struct {
	files []*streamFile
	tw    io.WriterAt
	mw    io.WriterAt
}

type streamFile struct {
	f    *os.File
	name string
}

// streamable reports whether name can be written by a rename: a regular
// file or none. Anything else (/dev/null, a fifo, a symbolic link, which
// os.Create would follow) is written as before, after the run.
func streamable(name string) bool {
	fi, err := os.Lstat(name)
	return errors.Is(err, os.ErrNotExist) || err == nil && fi.Mode().IsRegular()
}

// startStreaming opens the files of a run that writes both to the file
// system and starts the runner on them; nil when they are written after
// the run instead.
func startStreaming(files cliFiles, r *runner.Runner, traceFile, memoryFile string) (*streamedFiles, error) {
	if !files.os || traceFile == "" && memoryFile == "" || traceFile == memoryFile ||
		traceFile != "" && !streamable(traceFile) || memoryFile != "" && !streamable(memoryFile) {
		return nil, nil
	}
	s := &streamedFiles{}
	open := func(name string) (io.WriterAt, error) {
		if name == "" {
			return nil, nil
		}
		// O_EXCL: never another run's file; 0666 as os.Create, less the umask.
		tmp := filepath.Join(filepath.Dir(name), fmt.Sprintf(".%s.cairn-%d", filepath.Base(name), os.Getpid()))
		f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if err != nil {
			return nil, err
		}
		s.files = append(s.files, &streamFile{f, name})
		return f, nil
	}
	var err error
	if s.tw, err = open(traceFile); err == nil {
		s.mw, err = open(memoryFile)
	}
	if err != nil {
		s.discard()
		return nil, err
	}
	r.StreamFiles(s.tw, s.mw)
	return s, nil
}

// finish completes the files and moves them to their names.
func (s *streamedFiles) finish(r *runner.Runner) error {
	err := r.FinishFiles()
	for _, f := range s.files {
		err = errors.Join(err, f.f.Close())
	}
	if err != nil {
		s.remove()
		return err
	}
	for _, f := range s.files {
		if err := os.Rename(f.f.Name(), f.name); err != nil {
			s.remove()
			return err
		}
	}
	s.files = nil
	return nil
}

// discard removes the files of a run that failed (a no-op once finished).
func (s *streamedFiles) discard() {
	if s == nil {
		return
	}
	for _, f := range s.files {
		f.f.Close()
	}
	s.remove()
}

func (s *streamedFiles) remove() {
	for _, f := range s.files {
		os.Remove(f.f.Name())
	}
	s.files = nil
}
