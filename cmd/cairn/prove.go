package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/cairn-vm/cairn/prover"
	"github.com/cairn-vm/cairn/stark/proof"
)

// proveCmd is `cairn prove`, with the flags of Stone's cpu_air_prover.
func proveCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("cairn prove", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out_file", "", "write the proof (Stone's unified JSON) here")
	privPath := fs.String("private_input_file", "", "air_private_input.json (names trace and memory files)")
	pubPath := fs.String("public_input_file", "", "air_public_input.json")
	paramPath := fs.String("parameter_file", "", "cpu_air_params.json")
	configPath := fs.String("prover_config_file", "", "cpu_air_prover_config.json (copied into the proof; it does not change it)")
	annotate := fs.Bool("generate_annotations", false, "include the annotated transcript")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() != 0 || *out == "" || *privPath == "" || *pubPath == "" || *paramPath == "" {
		fmt.Fprintln(stderr, "cairn prove: --out_file, --private_input_file, --public_input_file and --parameter_file are required")
		return 2
	}
	if err := prove(*out, *privPath, *pubPath, *paramPath, *configPath, *annotate); err != nil {
		fmt.Fprintf(stderr, "cairn prove: %v\n", err)
		return 1
	}
	return 0
}

func prove(out, privPath, pubPath, paramPath, configPath string, annotate bool) error {
	var in prover.Inputs
	var err error
	if in.PrivateInput, err = os.ReadFile(privPath); err != nil {
		return err
	}
	if in.PublicInput, err = os.ReadFile(pubPath); err != nil {
		return err
	}
	if in.Parameters, err = os.ReadFile(paramPath); err != nil {
		return err
	}
	if configPath != "" {
		if in.ProverConfig, err = os.ReadFile(configPath); err != nil {
			return err
		}
	}
	var priv struct {
		TracePath  string `json:"trace_path"`
		MemoryPath string `json:"memory_path"`
	}
	if err := json.Unmarshal(in.PrivateInput, &priv); err != nil {
		return fmt.Errorf("%s: %w", privPath, err)
	}
	if priv.TracePath == "" || priv.MemoryPath == "" {
		return fmt.Errorf("%s: trace_path and memory_path are required", privPath)
	}
	var params proof.Parameters
	dec := json.NewDecoder(bytes.NewReader(in.Parameters))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&params); err != nil {
		return fmt.Errorf("%s: %w", paramPath, err)
	}
	e, err := prover.ReadExecution(resolve(priv.TracePath, privPath), resolve(priv.MemoryPath, privPath), pubPath)
	if err != nil {
		return err
	}
	s, err := prover.Prove(e, &params, annotate)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := s.WriteProof(&buf, in); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

// resolve finds a file the private input names: as given (Stone opens it
// relative to the working directory), else beside the private input.
func resolve(p, privPath string) string {
	if filepath.IsAbs(p) {
		return p
	}
	if _, err := os.Stat(p); err == nil {
		return p
	}
	return filepath.Join(filepath.Dir(privPath), p)
}
