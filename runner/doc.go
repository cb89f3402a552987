// Package runner wires a program, memory, the VM, builtins and hints into
// a run as cairo-run performs it: segments and the initial stack, running
// to the end pc, end_run (temporary-segment relocation, segment sizes), the
// builtins' stop pointers, the secure-run checks, and relocation into the
// single address space of the trace and memory files. It also renders a
// failing run's error the way cairo-run does, with the Cairo source
// location and traceback when the program has debug info.
package runner
