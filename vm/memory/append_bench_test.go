package memory

import (
	"testing"

	"github.com/cairn-vm/cairn/felt"
)

// BenchmarkAppendRecords converts 8K cells laid out as the fib loop writes
// them (a copy of the last sum, the new sum, the counter), in cache.
func BenchmarkAppendRecords(b *testing.B) {
	cells := make([]Value, 0, 1<<13)
	x, y := felt.FromUint64(0), felt.FromUint64(1)
	for k := uint64(0); len(cells) < cap(cells); k++ {
		x, y = y, x.Add(y)
		cells = append(cells, FromFelt(x), FromFelt(y), FromUint64(1_000_000-k))
	}
	rel := &Relocation{Bases: []uint64{1, 100}}
	buf := make([]byte, 0, len(cells)*RecordSize)
	b.SetBytes(int64(len(cells)))
	for b.Loop() {
		buf, _ = rel.AppendRecords(buf[:0], cells, 100)
	}
}
