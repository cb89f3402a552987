// Command cairn runs compiled Cairo programs as cairo-run does, and proves
// proof-mode runs as Stone's cpu_air_prover does.
//
//	cairn run [--program] PROGRAM.json [--layout L] [--print_output] [--print_info]
//	          [--trace_file F] [--memory_file F] [--steps N] [--program_input F]
//	cairn prove --out_file F (--program P.json [--layout plain] |
//	          --private_input_file F --public_input_file F)
//	          [--parameter_file F] [--prover_config_file F] [--generate_annotations] [--quiet]
//
// With no arguments, `cairn run` runs an embedded example program.
// main only calls run, so the whole CLI is testable in-process.
package main
