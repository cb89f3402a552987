package hugepage

import (
	"syscall"
	"unsafe"
)

// madvHugepage is MADV_HUGEPAGE (include/uapi/asm-generic/mman-common.h),
// which package syscall does not name.
const madvHugepage = 14

func advise(p unsafe.Pointer, n uintptr) {
	// A hint: an error (no THP support, THP "never") changes nothing.
	_ = syscall.Madvise(unsafe.Slice((*byte)(p), n), madvHugepage)
}
