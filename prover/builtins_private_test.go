package prover

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	ptrace "github.com/cairn-vm/cairn/prover/trace"
)

// TestBuildRejectsBadBuiltinInput changes one poseidon, ec_op or keccak
// entry of a vector's private input at a time: malformed values, indices
// outside the trace, and well-formed inputs whose outputs disagree with
// what cairo-run wrote to memory. Each is a typed error
// (prover/trace.ErrExecution) naming the entry, never a panic or a trace
// Stone's verifier would reject.
func TestBuildRejectsBadBuiltinInput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 2^19-row traces")
	}
	const p = "0x800000000000011000000000000000000000000000000000000000000000001"
	for _, tc := range []struct {
		vector, builtin, field string
		value                  any
		want                   string         // a piece of the error message
		also                   map[string]any // more fields of the same entry
	}{
		{"recursive_with_poseidon-stone", "poseidon", "input_s0", "zz", "poseidon entry 0 input_s0", nil},
		{"recursive_with_poseidon-stone", "poseidon", "input_s2", p, "poseidon entry 0 input_s2", nil},
		{"recursive_with_poseidon-stone", "poseidon", "index", json.Number("0.5"), "poseidon entry 0", nil},
		{"recursive_with_poseidon-stone", "poseidon", "index", json.Number("1000000"), "poseidon instance 1000000", nil},
		{"recursive_with_poseidon-stone", "poseidon", "input_s1", "0x3", "two values", nil},
		{"starknet_with_keccak-stone", "keccak", "input_s3", "-0x1", "keccak entry 0 input_s3", nil},
		{"starknet_with_keccak-stone", "keccak", "input_s7", "0x1" + strings.Repeat("0", 50), "above 2^200", nil},
		{"starknet_with_keccak-stone", "keccak", "index", json.Number("4096"), "keccak instance 4096", nil},
		{"starknet_with_keccak-stone", "keccak", "input_s0", "0x1", "two values", nil},
		{"starknet_with_keccak-stone", "ec_op", "p_x", "0xg", "ec_op entry 0 p_x", nil},
		{"starknet_with_keccak-stone", "ec_op", "m", p, "ec_op entry 0 m", nil},
		{"starknet_with_keccak-stone", "ec_op", "q_y", nil, "ec_op entry 0 q_y", nil},
		{"starknet_with_keccak-stone", "ec_op", "index", json.Number("99999"), "ec_op instance 99999", nil},
		{"starknet_with_keccak-stone", "ec_op", "m", "0x30a", "two values", nil},
		// P = Q: m's low bit adds Q to P, a point to itself (Stone's
		// "Adding a point to itself or to its inverse point").
		{"starknet_with_keccak-stone", "ec_op", "p_x", "0x1ef15c18599971b7beced415a40f0c7deacfd9b0d1819e03d723d8bc943cfca", "ec_op/ec_subset_sum instance 0 row 0: adding a point to itself",
			map[string]any{"p_y": "0x5668060aa49730b7be4801df46ec62de53ecd11abe43a32873000c36e8dc1f"}},
	} {
		t.Run(tc.vector+"/"+tc.builtin+"/"+tc.field, func(t *testing.T) {
			_, dir := loadVector(t, tc.vector)
			e := readVectorExecution(t, dir)
			entries, ok := e.PrivateInput[tc.builtin].([]any)
			if !ok || len(entries) == 0 {
				t.Fatalf("no %s entries", tc.builtin)
			}
			entry := entries[0].(map[string]any)
			entry[tc.field] = tc.value
			for k, v := range tc.also {
				entry[k] = v
			}
			_, _, err := MainColumns(e)
			if !errors.Is(err, ptrace.ErrExecution) {
				t.Fatalf("got %v, want an ErrExecution", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %q does not name %q", err, tc.want)
			}
		})
	}
}
