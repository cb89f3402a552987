package trace

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"

	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/vm/memory"
)

// Entry is one relocated step: the registers before it ran.
type Entry struct{ PC, AP, FP uint64 }

// EntrySize is the size of one trace record.
const EntrySize = 24

// CellSize is the size of one memory record.
const CellSize = 8 + felt.Bytes

// WriteTrace writes the binary trace.
func WriteTrace(w io.Writer, entries []Entry) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	var buf [EntrySize]byte
	for _, e := range entries {
		binary.LittleEndian.PutUint64(buf[0:], e.AP)
		binary.LittleEndian.PutUint64(buf[8:], e.FP)
		binary.LittleEndian.PutUint64(buf[16:], e.PC)
		if _, err := bw.Write(buf[:]); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// ReadTrace parses a binary trace.
func ReadTrace(data []byte) ([]Entry, error) {
	if len(data)%EntrySize != 0 {
		return nil, fmt.Errorf("trace: size %d is not a multiple of %d", len(data), EntrySize)
	}
	out := make([]Entry, len(data)/EntrySize)
	for i := range out {
		b := data[i*EntrySize:]
		out[i] = Entry{AP: binary.LittleEndian.Uint64(b), FP: binary.LittleEndian.Uint64(b[8:]), PC: binary.LittleEndian.Uint64(b[16:])}
	}
	return out, nil
}

// WriteMemory writes the binary memory file.
func WriteMemory(w io.Writer, cells []memory.Cell) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	var buf [CellSize]byte
	for _, c := range cells {
		binary.LittleEndian.PutUint64(buf[0:], c.Addr)
		v := c.Value.BytesLE()
		copy(buf[8:], v[:])
		if _, err := bw.Write(buf[:]); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// ReadMemory parses a binary memory file.
func ReadMemory(data []byte) ([]memory.Cell, error) {
	if len(data)%CellSize != 0 {
		return nil, fmt.Errorf("memory: size %d is not a multiple of %d", len(data), CellSize)
	}
	out := make([]memory.Cell, len(data)/CellSize)
	for i := range out {
		b := data[i*CellSize:]
		var v [felt.Bytes]byte
		copy(v[:], b[8:CellSize])
		f, err := felt.FromBytesLE(v)
		if err != nil {
			return nil, fmt.Errorf("memory: cell %d: %w", i, err)
		}
		out[i] = memory.Cell{Addr: binary.LittleEndian.Uint64(b), Value: f}
	}
	return out, nil
}
