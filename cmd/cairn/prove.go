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
	"runtime/debug"

	"github.com/cairn-vm/cairn/program"
	"github.com/cairn-vm/cairn/prover"
	"github.com/cairn-vm/cairn/runner"
	"github.com/cairn-vm/cairn/stark/proof"
)

// proveCmd is `cairn prove`: Stone's cpu_air_prover flags for a run read
// from cairo-run's files, or --program to run it here in proof mode.
func proveCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("cairn prove", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out_file", "", "write the proof (Stone's unified JSON) here")
	progPath := fs.String("program", "", "compiled program to run in proof mode here (instead of the input files)")
	layout := fs.String("layout", "plain", "layout for --program")
	privPath := fs.String("private_input_file", "", "air_private_input.json (names the trace and memory files)")
	pubPath := fs.String("public_input_file", "", "air_public_input.json")
	paramPath := fs.String("parameter_file", "", "cpu_air_params.json (default: --preset's parameters for the trace length)")
	preset := fs.String("preset", prover.PresetStone, "parameters to derive when there is no --parameter_file: stone or cairo-verifier")
	powFrom := fs.Uint64("pow_start_nonce", 0, "search the proof-of-work nonce from this value (the proof equals Stone's only if no smaller nonce is valid)")
	configPath := fs.String("prover_config_file", "", "cpu_air_prover_config.json (copied into the proof; it does not change it)")
	annotate := fs.Bool("generate_annotations", false, "include the annotated transcript")
	quiet := fs.Bool("quiet", false, "no progress on stderr")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	files := *privPath != "" || *pubPath != ""
	if fs.NArg() != 0 || *out == "" || files == (*progPath != "") || (files && (*privPath == "" || *pubPath == "")) {
		fmt.Fprintln(stderr, "cairn prove: --out_file and either --program or both --private_input_file and --public_input_file are required")
		return 2
	}
	presetSet := false
	fs.Visit(func(f *flag.Flag) { presetSet = presetSet || f.Name == "preset" })
	if presetSet && *paramPath != "" {
		fmt.Fprintln(stderr, "cairn prove: --preset and --parameter_file exclude each other")
		return 2
	}
	if os.Getenv("GOGC") == "" {
		// The prover's heap is a few huge pointer-free slices: collecting at
		// 25% growth instead of 100% costs little CPU and cuts peak RSS by
		// about 30% (fib 2^14: 1.09 GB against 1.54 GB).
		debug.SetGCPercent(25)
	}
	opts := prover.Options{Annotate: *annotate, PoWStartNonce: *powFrom}
	if !*quiet {
		opts.Progress = stderr
	}
	var in prover.Inputs
	var e *runner.Execution
	var err error
	if files {
		e, err = readInputs(*privPath, *pubPath, &in)
	} else {
		e, err = runInProcess(*progPath, *layout, &in)
	}
	if err == nil {
		err = proveTo(*out, e, *paramPath, *preset, *configPath, &in, opts)
	}
	if err != nil {
		fmt.Fprintf(stderr, "cairn prove: %v\n", err)
		return 1
	}
	return 0
}

// readInputs loads cairo-run's files as Stone does.
func readInputs(privPath, pubPath string, in *prover.Inputs) (*runner.Execution, error) {
	var err error
	if in.PrivateInput, err = os.ReadFile(privPath); err != nil {
		return nil, err
	}
	if in.PublicInput, err = os.ReadFile(pubPath); err != nil {
		return nil, err
	}
	var priv struct {
		TracePath  string `json:"trace_path"`
		MemoryPath string `json:"memory_path"`
	}
	if err := json.Unmarshal(in.PrivateInput, &priv); err != nil {
		return nil, fmt.Errorf("%s: %w", privPath, err)
	}
	if priv.TracePath == "" || priv.MemoryPath == "" {
		return nil, fmt.Errorf("%s: trace_path and memory_path are required", privPath)
	}
	e, err := prover.ReadExecution(resolve(priv.TracePath, privPath), resolve(priv.MemoryPath, privPath), pubPath)
	if err != nil {
		return nil, err
	}
	if e.PrivateInput, err = prover.DecodePrivateInput(in.PrivateInput); err != nil {
		return nil, fmt.Errorf("%s: %w", privPath, err)
	}
	return e, nil
}

// runInProcess runs the program in proof mode and keeps the run in memory.
func runInProcess(progPath, layout string, in *prover.Inputs) (*runner.Execution, error) {
	data, err := os.ReadFile(progPath)
	if err != nil {
		return nil, err
	}
	prog, err := program.Load(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", progPath, err)
	}
	r, err := runner.New(prog, runner.Config{Layout: layout, ProofMode: true})
	if err != nil {
		return nil, err
	}
	if err := r.Run(); err != nil {
		return nil, errors.New(r.FormatError(err))
	}
	e, err := r.Execution()
	if err != nil {
		return nil, err
	}
	if in.PublicInput, err = json.Marshal(e.PublicInput); err != nil {
		return nil, err
	}
	if in.PrivateInput, err = json.Marshal(e.PrivateInput); err != nil {
		return nil, err
	}
	return e, nil
}

func proveTo(out string, e *runner.Execution, paramPath, preset, configPath string, in *prover.Inputs, opts prover.Options) error {
	var err error
	if paramPath != "" {
		in.Parameters, err = os.ReadFile(paramPath)
	} else {
		paramPath = preset + " parameters"
		in.Parameters, err = prover.PresetParametersJSON(e, preset)
	}
	if err != nil {
		return err
	}
	params := new(proof.Parameters)
	dec := json.NewDecoder(bytes.NewReader(in.Parameters))
	dec.DisallowUnknownFields()
	if err := dec.Decode(params); err != nil {
		return fmt.Errorf("%s: %w", paramPath, err)
	}
	if configPath != "" {
		if in.ProverConfig, err = os.ReadFile(configPath); err != nil {
			return err
		}
	}
	s, err := prover.Prove(e, params, opts)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := s.WriteProof(&buf, *in); err != nil {
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
