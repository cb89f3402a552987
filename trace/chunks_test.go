package trace

import (
	"bytes"
	"errors"
	"fmt"
	"testing"
)

// WriteChunks must deliver chunks in order whatever the worker timing,
// and stop at the first failing chunk (in chunk order) without writing it
// or anything after it.
func TestWriteChunks(t *testing.T) {
	enc := func(i int, buf []byte) ([]byte, error) {
		return fmt.Appendf(buf, "<%d:%s>", i, bytes.Repeat([]byte("x"), i%7)), nil
	}
	for _, n := range []int{0, 1, 2, 3, 17, 200} {
		var want, got bytes.Buffer
		for i := 0; i < n; i++ {
			b, _ := enc(i, nil)
			want.Write(b)
		}
		if err := WriteChunks(&got, n, enc); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("n=%d: chunks out of order", n)
		}
	}
	bad := errors.New("chunk 5 cannot be encoded")
	var got bytes.Buffer
	err := WriteChunks(&got, 50, func(i int, buf []byte) ([]byte, error) {
		if i == 5 || i == 30 {
			return nil, fmt.Errorf("%w (%d)", bad, i)
		}
		return enc(i, buf)
	})
	if !errors.Is(err, bad) || err.Error() != "chunk 5 cannot be encoded (5)" {
		t.Fatalf("error %v", err)
	}
	var want bytes.Buffer
	for i := 0; i < 5; i++ {
		b, _ := enc(i, nil)
		want.Write(b)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Fatalf("wrote %q before the error, want %q", got.Bytes(), want.Bytes())
	}
}

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if w.n == 0 {
		return 0, errors.New("disk full")
	}
	w.n--
	return len(p), nil
}

func TestWriteChunksWriterError(t *testing.T) {
	err := WriteChunks(&failWriter{n: 3}, 100, func(i int, buf []byte) ([]byte, error) {
		return append(buf, byte(i)), nil
	})
	if err == nil || err.Error() != "disk full" {
		t.Fatalf("error %v", err)
	}
}

// atBuffer is an in-memory io.WriterAt.
type atBuffer struct{ b []byte }

func (a *atBuffer) WriteAt(p []byte, off int64) (int, error) {
	if need := int(off) + len(p); need > len(a.b) {
		a.b = append(a.b, make([]byte, need-len(a.b))...)
	}
	return copy(a.b[off:], p), nil
}

// WriteChunksAt puts each chunk at its offset: here the chunks in reverse
// order of position.
func TestWriteChunksAt(t *testing.T) {
	const n, size = 40, 3
	var got atBuffer
	err := WriteChunksAt(&got, n, func(i int) int64 { return int64((n - 1 - i) * size) }, func(i int, buf []byte) ([]byte, error) {
		return fmt.Appendf(buf, "%03d", i), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var want []byte
	for i := n - 1; i >= 0; i-- {
		want = fmt.Appendf(want, "%03d", i)
	}
	if !bytes.Equal(got.b, want) {
		t.Fatalf("got %s", got.b)
	}
}
