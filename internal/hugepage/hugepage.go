package hugepage

import "unsafe"

// Size is the huge-page size that Advise aligns to (x86-64 and arm64 with
// 4 KB base pages).
const Size = 2 << 20

// Min is the smallest slice worth advising: below a few huge pages the
// aligned part is small and the system call costs more than it saves.
const Min = 2 * Size

// Advise asks for huge pages under the whole 2 MB pages inside s's
// capacity. Call it before touching s's memory beyond its length: pages
// already faulted in stay small.
func Advise[T any](s []T) {
	var zero T
	size := uintptr(cap(s)) * unsafe.Sizeof(zero)
	if size < Min {
		return
	}
	start := uintptr(unsafe.Pointer(unsafe.SliceData(s)))
	lo := (start + Size - 1) &^ (Size - 1)
	hi := (start + size) &^ (Size - 1)
	if hi <= lo {
		return
	}
	advise(unsafe.Add(unsafe.Pointer(unsafe.SliceData(s)), lo-start), hi-lo)
}
