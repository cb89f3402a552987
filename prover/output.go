package prover

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
)

// Inputs are the prover's input files as given (raw JSON), copied into
// the proof as Stone's unified output does.
type Inputs struct {
	PrivateInput, PublicInput, Parameters, ProverConfig json.RawMessage
}

// stoneVersion is the "version" object Stone writes in proofs built
// outside StarkWare's release process; no verifier reads it.
var stoneVersion = map[string]string{
	"commit_hash":    "INVALID_COMMIT",
	"proof_hash":     "INVALID_PROOF_HASH",
	"statement_name": "INVALID_NAME",
}

// Annotations returns the proof's "annotations" list in Stone's layout:
// the title, the transcript, and the proof statistics.
func (s *Session) Annotations() []string {
	a := s.Channel.Annotator()
	if a == nil {
		return nil
	}
	out := append([]string{"title " + AnnotationTitle + " Proof Protocol", ""}, a.Lines...)
	out = append(out, "", "Proof Statistics:", "")
	return append(out, s.Channel.StatisticsLines()...)
}

// WriteProof writes the proof in Stone's unified JSON format
// (annotations when recorded, private_input, proof_hex, proof_parameters,
// prover_config, public_input, version).
func (s *Session) WriteProof(w io.Writer, in Inputs) error {
	type out struct {
		Annotations  []string          `json:"annotations,omitempty"`
		PrivateInput json.RawMessage   `json:"private_input"`
		ProofHex     string            `json:"proof_hex"`
		Parameters   json.RawMessage   `json:"proof_parameters"`
		ProverConfig json.RawMessage   `json:"prover_config,omitempty"`
		PublicInput  json.RawMessage   `json:"public_input"`
		Version      map[string]string `json:"version"`
	}
	for name, v := range map[string]json.RawMessage{"private input": in.PrivateInput, "public input": in.PublicInput, "parameters": in.Parameters} {
		if !json.Valid(v) {
			return fmt.Errorf("%w: %s is not JSON", ErrParams, name)
		}
	}
	if len(in.ProverConfig) > 0 && !json.Valid(in.ProverConfig) {
		return fmt.Errorf("%w: prover config is not JSON", ErrParams)
	}
	b, err := json.MarshalIndent(out{
		Annotations:  s.Annotations(),
		PrivateInput: in.PrivateInput,
		ProofHex:     "0x" + hex.EncodeToString(s.Channel.Proof()),
		Parameters:   in.Parameters,
		ProverConfig: in.ProverConfig,
		PublicInput:  in.PublicInput,
		Version:      stoneVersion,
	}, "", "\t")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
