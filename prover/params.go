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

// DefaultParametersJSON returns parameters in the style of the stone preset
// for the execution's trace length: blowup 16, 18 queries, 24 bits of
// proof of work, last layer of degree 64, and an FRI step list [0, 4, 4,
// ..., r] with log2(64) + Σ steps = log2(trace rows), the condition a
// hand-written step list most often gets wrong.
func DefaultParametersJSON(e *runner.Execution) ([]byte, error) {
	if e == nil || e.PublicInput == nil || e.PublicInput.NSteps == 0 || e.PublicInput.NSteps&(e.PublicInput.NSteps-1) != 0 {
		return nil, fmt.Errorf("%w: n_steps must be a power of two", ptrace.ErrExecution)
	}
	logRows := bits.TrailingZeros64(e.PublicInput.NSteps * ptrace.StepRows)
	last := uint64(64)
	sum := logRows - 6
	if sum < 0 {
		last, sum = uint64(1)<<logRows, 0
	}
	steps := []uint64{0}
	for ; sum >= 4; sum -= 4 {
		steps = append(steps, 4)
	}
	if sum > 0 {
		steps = append(steps, uint64(sum))
	}
	// Stone's cpu_air_params.json keys, nothing else.
	return json.MarshalIndent(map[string]any{
		"field":               "PrimeField0",
		"channel_hash":        "keccak256",
		"commitment_hash":     "keccak256_masked160_msb",
		"use_extension_field": false,
		"stark": map[string]any{
			"log_n_cosets": 4,
			"fri": map[string]any{
				"fri_step_list":           steps,
				"last_layer_degree_bound": last,
				"n_queries":               18,
				"proof_of_work_bits":      24,
			},
		},
	}, "", "\t")
}
