package prover

import (
	"encoding/json"
	"fmt"
	"math/bits"

	ptrace "github.com/cairn-vm/cairn/prover/trace"
	"github.com/cairn-vm/cairn/runner"
)

// DefaultSecurityBits is the conjectured security of DefaultParameters:
// n_queries·log2(blowup) + proof-of-work bits = 18·4 + 24.
const DefaultSecurityBits = 96

// The parameter presets of ../shared/stone-vectors (README, "Parameter
// presets").
const (
	// PresetStone is Stone's keccak256 preset.
	PresetStone = "stone"
	// PresetCairoVerifier is the set cairo-lang's Cairo STARK verifier
	// accepts (supported_proof_params.py): poseidon3 channel,
	// blake256/poseidon3 commitments, 30 bits of blake256 proof of work,
	// pedersen page hash.
	PresetCairoVerifier = "cairo-verifier"
)

// Presets lists the preset names PresetParametersJSON knows.
var Presets = []string{PresetStone, PresetCairoVerifier}

// DefaultParametersJSON is PresetParametersJSON with the stone preset.
func DefaultParametersJSON(e *runner.Execution) ([]byte, error) {
	return PresetParametersJSON(e, PresetStone)
}

// PresetParametersJSON returns the preset's parameters for the
// execution's trace length: blowup 16 and 18 queries in both; stone: 24
// bits of proof of work, a last layer of degree 64 and an FRI step list
// [0, 4, 4, ..., r]; cairo-verifier: 30 bits, degree 128 and [0, 4, 3, 3,
// ..., r] (cairo-lang's verifier allows steps of at most 4 and at most 15
// layers; steps of 3 are what the vectors use). Either way
// log2(last layer) + Σ steps = log2(trace rows), the condition a
// hand-written step list most often gets wrong.
func PresetParametersJSON(e *runner.Execution, preset string) ([]byte, error) {
	if e == nil || e.PublicInput == nil || e.PublicInput.NSteps == 0 || e.PublicInput.NSteps&(e.PublicInput.NSteps-1) != 0 {
		return nil, fmt.Errorf("%w: n_steps must be a power of two", ptrace.ErrExecution)
	}
	logRows := bits.TrailingZeros64(e.PublicInput.NSteps * ptrace.StepRows)
	var logLast, step, powBits int
	switch preset {
	case PresetStone:
		logLast, step, powBits = 6, 4, 24
	case PresetCairoVerifier:
		logLast, step, powBits = 7, 3, 30
	default:
		return nil, fmt.Errorf("%w: preset %q (%v)", ErrParams, preset, Presets)
	}
	sum := logRows - logLast
	if sum < 0 {
		logLast, sum = logRows, 0
	}
	steps := []uint64{0}
	// Both presets start with a step of 4, then take steps of `step`.
	for s := 4; sum >= s; s = step {
		steps = append(steps, uint64(s))
		sum -= s
	}
	if sum > 0 {
		steps = append(steps, uint64(sum))
	}
	fri := map[string]any{
		"fri_step_list":           steps,
		"last_layer_degree_bound": uint64(1) << logLast,
		"n_queries":               18,
		"proof_of_work_bits":      powBits,
	}
	// Stone's cpu_air_params.json keys, nothing else.
	m := map[string]any{
		"field":               "PrimeField0",
		"channel_hash":        "keccak256",
		"commitment_hash":     "keccak256_masked160_msb",
		"use_extension_field": false,
		"stark":               map[string]any{"log_n_cosets": 4, "fri": fri},
	}
	if preset == PresetCairoVerifier {
		m["channel_hash"] = "poseidon3"
		m["commitment_hash"] = "blake256_masked248_lsb"
		m["verifier_friendly_commitment_hash"] = "poseidon3"
		// 9 = log2(Stone's table_prover_n_tasks_per_segment·n_cosets) =
		// log2(32·16), the least Stone's prover allows when non-zero; it
		// is also cairo-lang's example_proof.json's.
		m["n_verifier_friendly_commitment_layers"] = 9
		m["verifier_friendly_channel_updates"] = true
		m["pow_hash"] = "blake256"
		m["statement"] = map[string]any{"page_hash": "pedersen"}
	}
	return json.MarshalIndent(m, "", "\t")
}
