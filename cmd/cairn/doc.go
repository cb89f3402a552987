// Command cairn runs compiled Cairo programs as cairo-run does, proves
// proof-mode runs as Stone's cpu_air_prover does, and verifies Stone v3
// proofs as cpu_air_verifier does.
//
//	cairn run [--program] PROGRAM.json [--layout L] [--print_output] [--print_info]
//	          [--trace_file F] [--memory_file F] [--steps N] [--program_input F]
//	cairn prove --out_file F (--program P.json [--layout plain] |
//	          --private_input_file F --public_input_file F)
//	          [--parameter_file F] [--prover_config_file F] [--generate_annotations] [--quiet]
//	cairn verify [--in_file] PROOF.json [--min_security_bits N] [--extra_output_file F]
//	cairn hash-program --program PROGRAM.json [--program-hash-function F]
//
// With no arguments, `cairn run` runs an embedded example program.
// `cairn verify` is Stone's cpu_air_verifier: exit 0 accepted, 1 rejected
// (the failed check named on stderr), 2 usage error.
// main only calls run, so the whole CLI is testable in-process.
package main
