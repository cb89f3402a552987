package prover

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/prover/lde"
	"github.com/cairn-vm/cairn/prover/merkle"
	ptrace "github.com/cairn-vm/cairn/prover/trace"
	"github.com/cairn-vm/cairn/runner"
	"github.com/cairn-vm/cairn/stark/hash"
	"github.com/cairn-vm/cairn/stark/proof"
	"github.com/cairn-vm/cairn/trace"
)

// ErrParams reports proof parameters the prover does not support.
var ErrParams = errors.New("prover: unsupported parameters")

// CommittedTrace is a trace with its extension and commitment.
type CommittedTrace struct {
	LDE   *lde.LDE
	Table *merkle.Table
}

// CommitTrace extends the columns to 2^logCosets cosets and commits to
// them with the parameters' commitment hash.
func CommitTrace(columns [][]fp.Element, params *proof.Parameters) (*CommittedTrace, error) {
	if params.Stark.LogNCosets > 8 {
		return nil, fmt.Errorf("%w: log_n_cosets %d", ErrParams, params.Stark.LogNCosets)
	}
	l, err := lde.New(columns, int(params.Stark.LogNCosets))
	if err != nil {
		return nil, err
	}
	return commitExtension(l, params)
}

// hashers returns the commitment hash and the verifier-friendly one (nil
// when the tree has no verifier-friendly layers).
func hashers(params *proof.Parameters) (bottom, top hash.Hasher, err error) {
	bottom, err = hash.ByName(params.CommitmentHash)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: commitment_hash: %v", ErrParams, err)
	}
	if params.NVerifierFriendlyCommitmentLayers > 0 {
		top, err = hash.ByName(params.EffectiveVerifierFriendlyHash())
		if err != nil {
			return nil, nil, fmt.Errorf("%w: verifier_friendly_commitment_hash: %v", ErrParams, err)
		}
	}
	return bottom, top, nil
}

func commitExtension(l *lde.LDE, params *proof.Parameters) (*CommittedTrace, error) {
	bottom, top, err := hashers(params)
	if err != nil {
		return nil, err
	}
	t, err := merkle.CommitBlocks(l.NRows(), len(l.Coeffs), uint64(l.N()), l.Coset, bottom, top, params.NVerifierFriendlyCommitmentLayers)
	if err != nil {
		return nil, err
	}
	return &CommittedTrace{LDE: l, Table: t}, nil
}

// MainColumns builds the main trace of a proof-mode execution.
func MainColumns(e *runner.Execution) (*ptrace.Trace, [][]fp.Element, error) {
	t, err := ptrace.Build(e)
	if err != nil {
		return nil, nil, err
	}
	return t, t.Columns, nil
}

// ReadExecution loads the prover inputs cairo-run writes: trace.bin,
// memory.bin and air_public_input.json.
func ReadExecution(tracePath, memoryPath, publicInputPath string) (*runner.Execution, error) {
	tb, err := os.ReadFile(tracePath)
	if err != nil {
		return nil, err
	}
	entries, err := trace.ReadTrace(tb)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(tracePath), err)
	}
	mb, err := os.ReadFile(memoryPath)
	if err != nil {
		return nil, err
	}
	cells, err := trace.ReadMemory(mb)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(memoryPath), err)
	}
	pb, err := os.ReadFile(publicInputPath)
	if err != nil {
		return nil, err
	}
	pi := new(trace.PublicInput)
	if err := json.Unmarshal(pb, pi); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(publicInputPath), err)
	}
	return &runner.Execution{Layout: pi.Layout, Trace: entries, Memory: cells, PublicInput: pi}, nil
}

// DecodePrivateInput decodes air_private_input.json (numbers kept exact)
// into the form runner.Execution.PrivateInput holds.
func DecodePrivateInput(data []byte) (map[string]any, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var m map[string]any
	if err := d.Decode(&m); err != nil {
		return nil, fmt.Errorf("%w: private input: %v", ptrace.ErrExecution, err)
	}
	return m, nil
}
