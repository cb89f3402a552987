// Package proof reads StarkWare Stone's proof files: the unified JSON that
// cpu_air_prover writes (proof_parameters, public_input, proof_hex,
// prover_config, version, and the optional annotations), the public input
// that cairo-run writes (air_public_input.json) and the parameter file
// (cpu_air_params.json).
//
// Parsing checks syntax and types and never panics: every failure is a
// *FormatError that names the offending field and wraps ErrMalformed.
// Whether the parameters are supported is the verifier's business.
//
// The package also parses the transcript annotation lines
// ("P->V[a:b]: scope: label: Kind(value)"), which tests use as an oracle.
package proof
