// Command cairn runs compiled Cairo programs as cairo-run does.
//
//	cairn run [--program] PROGRAM.json [--layout L] [--print_output] [--print_info]
//	          [--trace_file F] [--memory_file F] [--steps N] [--program_input F]
//
// With no arguments, `cairn run` runs an embedded example program.
// main only calls run, so the whole CLI is testable in-process.
package main
