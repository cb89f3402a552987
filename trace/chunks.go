package trace

import (
	"io"
	"runtime"
	"sync"
)

// WriteChunks writes chunks 0..n-1 to w in order, encoding them on up to
// GOMAXPROCS goroutines: encode appends chunk i's bytes to buf (an empty
// buffer from an earlier chunk, or nil) and returns them. Encoding the
// files is most of their cost (the memory file converts every felt out of
// Montgomery form), and it is independent per chunk, so it runs on every
// core while w receives the bytes in order. The first error, in chunk
// order, stops the writing; nothing after that chunk is written.
func WriteChunks(w io.Writer, n int, encode func(i int, buf []byte) ([]byte, error)) error {
	return writeChunks(n, encode, func(_ int, b []byte) error {
		_, err := w.Write(b)
		return err
	})
}

// WriteChunksAt is WriteChunks writing chunk i at offset at(i) of w (in
// chunk order all the same), for a file whose pieces are not contiguous.
func WriteChunksAt(w io.WriterAt, n int, at func(i int) int64, encode func(i int, buf []byte) ([]byte, error)) error {
	return writeChunks(n, encode, func(i int, b []byte) error {
		_, err := w.WriteAt(b, at(i))
		return err
	})
}

func writeChunks(n int, encode func(i int, buf []byte) ([]byte, error), emit func(i int, b []byte) error) error {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		var buf []byte
		for i := 0; i < n; i++ {
			b, err := encode(i, buf[:0])
			if err != nil {
				return err
			}
			if err := emit(i, b); err != nil {
				return err
			}
			buf = b
		}
		return nil
	}
	type result struct {
		buf []byte
		err error
	}
	const buffers = 3 // per worker: one being encoded, one queued, one being written
	stop := make(chan struct{})
	outs := make([]chan result, workers)
	frees := make([]chan []byte, workers)
	var wg sync.WaitGroup
	for k := range workers {
		outs[k] = make(chan result, buffers)
		frees[k] = make(chan []byte, buffers)
		for range buffers {
			frees[k] <- nil
		}
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			for i := k; i < n; i += workers {
				var buf []byte
				select {
				case buf = <-frees[k]:
				case <-stop:
					return
				}
				b, err := encode(i, buf[:0])
				outs[k] <- result{b, err} // room: at most `buffers` are out
				if err != nil {
					return
				}
			}
		}(k)
	}
	var err error
	for i := 0; i < n; i++ {
		r := <-outs[i%workers]
		if r.err != nil {
			err = r.err
			break
		}
		if err = emit(i, r.buf); err != nil {
			break
		}
		frees[i%workers] <- r.buf
	}
	close(stop)
	wg.Wait()
	return err
}
