// Package hugepage owns one thing: asking the operating system to back a
// large, freshly allocated slice with huge pages.
//
// The VM's large buffers (a segment of a million cells is 32 MB, a trace
// part is 4 MB) are filled front to back right after they are allocated.
// With 4 KB pages the kernel takes one page fault per 4 KB, and on the fib
// loop these faults cost as much CPU as the step loop itself. Linux's
// transparent huge pages in "madvise" mode (the common default) serve a
// region marked MADV_HUGEPAGE with 2 MB pages: 512 times fewer faults.
//
// The advice is only a hint: where the kernel has no huge pages, or on
// other systems (where Advise does nothing), nothing changes but speed.
// Nothing here touches the memory or changes what it holds, and the Go
// runtime's own returning of memory to the OS still works on such pages.
// Each call may split one of the heap's mappings in three; neighbouring
// advised ranges merge again, so the mapping count stays bounded by the
// heap's size in 2 MB pages, far below the kernel's limit.
package hugepage
