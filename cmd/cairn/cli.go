package main

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cairn-vm/cairn/program"
	"github.com/cairn-vm/cairn/runner"
	"github.com/cairn-vm/cairn/trace"
	"github.com/cairn-vm/cairn/vm/memory"
)

//go:embed example/example.json
var exampleProgram []byte

const usage = `usage: cairn <command> [flags]

commands:
  run      execute a compiled Cairo Zero program (cairo-run's flags);
           with no arguments, runs an embedded example
  hash-program  print a program's hash as cairo-hash-program does
           (--program P [--program-hash-function pedersen|poseidon|blake])
  prove    make a Stone v3 proof of a proof-mode run (plain and the builtin layouts) as
           cpu_air_prover does: --out_file F and either --program P.json or
           --private_input_file F --public_input_file F; [--parameter_file F |
           --preset stone|cairo-verifier] [--prover_config_file]
           [--generate_annotations] [--quiet]
  verify   check a Stone v3 proof as cpu_air_verifier does
           (PROOF.json or --in_file PROOF.json [--min_security_bits N])
`

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		args = []string{"run"}
	}
	switch args[0] {
	case "run":
		return runCmd(args[1:], stdout, stderr, osFiles)
	case "hash-program":
		return hashProgramCmd(args[1:], stdout, stderr)
	case "prove":
		return proveCmd(args[1:], stdout, stderr)
	case "verify":
		return verifyCmd(args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "cairn: unknown command %q\n%s", args[0], usage)
	return 2
}

type runFlags struct {
	program, layout, traceFile, memoryFile, programInput string
	airPublicInput, airPrivateInput, layoutParams        string
	cairoPIEOutput, runFromPIE                           string
	mergeExtraSegments                                   bool
	printOutput, printInfo, relocatePrints, proofMode    bool
	secureRun, noSecureRun, allowMissing                 bool
	steps, minSteps                                      uint64
}

func parseRunFlags(args []string, stderr io.Writer) (*runFlags, bool, error) {
	f := &runFlags{}
	fs := flag.NewFlagSet("cairn run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&f.program, "program", "", "compiled program JSON (also accepted as a positional argument)")
	fs.StringVar(&f.layout, "layout", "plain", "layout: "+strings.Join(layoutNames(), ", "))
	fs.BoolVar(&f.printOutput, "print_output", false, "print the program output")
	fs.BoolVar(&f.printInfo, "print_info", false, "print steps, memory cells and registers")
	fs.BoolVar(&f.relocatePrints, "relocate_prints", false, "print registers after relocation")
	fs.StringVar(&f.traceFile, "trace_file", "", "write the binary trace here")
	fs.StringVar(&f.memoryFile, "memory_file", "", "write the binary memory here")
	fs.StringVar(&f.programInput, "program_input", "", "JSON file hints see as program_input")
	fs.Uint64Var(&f.steps, "steps", 0, "maximum steps to reach the end; then run to exactly this many")
	fs.Uint64Var(&f.minSteps, "min_steps", 0, "minimum number of steps")
	fs.BoolVar(&f.secureRun, "secure_run", false, "run the secure-run checks (default outside proof mode)")
	fs.BoolVar(&f.noSecureRun, "no_secure_run", false, "skip the secure-run checks")
	fs.BoolVar(&f.allowMissing, "allow_missing_builtins", false, "allow builtins the layout lacks (default in proof mode)")
	fs.StringVar(&f.layoutParams, "cairo_layout_params_file", "", "JSON parameters of the dynamic layout")
	fs.BoolVar(&f.proofMode, "proof_mode", false, "run from __start__ to __end__ and pad the trace for a prover")
	fs.StringVar(&f.airPublicInput, "air_public_input", "", "write the prover's public input here (proof mode)")
	fs.StringVar(&f.airPrivateInput, "air_private_input", "", "write the prover's private input here (proof mode)")
	fs.StringVar(&f.cairoPIEOutput, "cairo_pie_output", "", "write the run's Cairo PIE (zip) here")
	fs.BoolVar(&f.mergeExtraSegments, "merge_extra_segments", false, "merge the extra segments in the Cairo PIE output")
	fs.StringVar(&f.runFromPIE, "run_from_cairo_pie", "", "run a Cairo PIE instead of a program")
	rest := args
	example := len(args) == 0
	for {
		if err := fs.Parse(rest); err != nil {
			return nil, false, err
		}
		rest = fs.Args()
		if len(rest) == 0 {
			break
		}
		if f.program != "" {
			return nil, false, fmt.Errorf("unexpected argument %q", rest[0])
		}
		f.program, rest = rest[0], rest[1:]
	}
	return f, example, nil
}

// cliFiles is where a run reads its inputs and writes its output files:
// the file system, or memory for tests that run many programs in-process.
type cliFiles struct {
	read   func(name string) ([]byte, error)
	create func(name string) (io.WriteCloser, error)
	// os: the files are the file system's, so the trace and memory files
	// can be written during the run (see streamedFiles).
	os bool
}

var osFiles = cliFiles{
	read:   os.ReadFile,
	create: func(name string) (io.WriteCloser, error) { return os.Create(name) },
	os:     true,
}

func runCmd(args []string, stdout, stderr io.Writer, files cliFiles) int {
	f, example, err := parseRunFlags(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "cairn run: %v\n", err)
		return 2
	}
	if code, stop := checkPIEFlags(f, example, stderr); stop {
		return code
	}
	var data []byte
	switch {
	case f.runFromPIE != "": // the program comes from the PIE
	case example:
		data = exampleProgram
		f.layout, f.printOutput = "small", true
		fmt.Fprintln(stdout, "Running the embedded example (cmd/cairn/example/example.cairo) on the small layout.")
	case f.program == "":
		fmt.Fprintln(stderr, "cairn run: --program is required")
		return 2
	default:
		if data, err = files.read(f.program); err != nil {
			fmt.Fprintf(stderr, "Error: %v\n", err)
			return 1
		}
	}
	var prog *program.Program
	if f.runFromPIE == "" {
		if prog, err = program.Load(data); err != nil {
			fmt.Fprintf(stderr, "Error: %v\n", err)
			return 1
		}
	}
	if f.airPrivateInput != "" || f.airPublicInput != "" {
		if !f.proofMode {
			fmt.Fprintln(stderr, "Error: --air_public_input and --air_private_input can only be used in proof_mode.")
			return 1
		}
	}
	if f.airPrivateInput != "" && (f.traceFile == "" || f.memoryFile == "") {
		fmt.Fprintln(stderr, "Error: --trace_file and --memory_file must be set when --air_private_input is set.")
		return 1
	}
	cfg := runner.Config{Layout: f.layout, Steps: f.steps, MinSteps: f.minSteps, Trace: f.traceFile != "", ProofMode: f.proofMode}
	if f.secureRun && f.noSecureRun {
		fmt.Fprintln(stderr, "cairn run: --secure_run and --no_secure_run are exclusive")
		return 2
	}
	if f.secureRun || f.noSecureRun {
		secure := f.secureRun
		cfg.SecureRun = &secure
	}
	if f.allowMissing {
		yes := true
		cfg.AllowMissingBuiltins = &yes
	}
	if f.layoutParams != "" {
		if cfg.LayoutParams, err = files.read(f.layoutParams); err != nil {
			fmt.Fprintf(stderr, "Error: %v\n", err)
			return 1
		}
	}
	if f.programInput != "" {
		raw, err := files.read(f.programInput)
		if err != nil {
			fmt.Fprintf(stderr, "Error: %v\n", err)
			return 1
		}
		if cfg.ProgramInput, err = decodeProgramInput(raw); err != nil {
			fmt.Fprintf(stderr, "Error: --program_input: %v\n", err)
			return 1
		}
	}
	c, err := newCLIRun(f, prog, cfg)
	if err != nil {
		fmt.Fprintf(stderr, "Error: %v\n", err)
		return 1
	}
	r := c.Runner
	// The files' encoding uses the core the run leaves free.
	streamed, err := startStreaming(files, r, f.traceFile, f.memoryFile)
	if err != nil {
		fmt.Fprintf(stderr, "Error: %v\n", err)
		return 1
	}
	defer streamed.discard()
	runErr := c.run()
	for _, w := range r.Warnings {
		fmt.Fprintln(stdout, w)
	}
	if runErr != nil {
		fmt.Fprintln(stderr, r.FormatError(runErr))
		return 1
	}
	if err := c.writePIE(f); err != nil {
		fmt.Fprintln(stderr, r.FormatError(err))
		return 1
	}
	if err := r.Relocate(); err != nil {
		fmt.Fprintln(stderr, r.FormatError(err))
		return 1
	}
	if f.printOutput {
		printOutput(stdout, r)
	}
	if f.printInfo {
		printInfo(stdout, r, f.relocatePrints)
		if f.proofMode {
			usage, err := r.BuiltinUsage()
			if err != nil {
				fmt.Fprintf(stderr, "Error: %v\n", err)
				return 1
			}
			fmt.Fprintln(stdout, usage)
		}
	}
	if streamed != nil {
		err = streamed.finish(r)
	} else {
		err = writeTraceAndMemory(files, r, f.traceFile, f.memoryFile)
	}
	if err != nil {
		fmt.Fprintf(stderr, "Error: %v\n", err)
		return 1
	}
	if f.airPublicInput != "" {
		pi, err := r.PublicInput()
		if err == nil {
			err = writeFile(files, f.airPublicInput, func(w io.Writer) error { return trace.WriteJSON(w, pi) })
		}
		if err != nil {
			fmt.Fprintf(stderr, "Error: %v\n", err)
			return 1
		}
	}
	if f.airPrivateInput != "" {
		tp, err1 := filepath.Abs(f.traceFile)
		mp, err2 := filepath.Abs(f.memoryFile)
		err := errors.Join(err1, err2)
		if err == nil {
			var priv map[string]any
			if priv, err = r.PrivateInput(tp, mp); err == nil {
				err = writeFile(files, f.airPrivateInput, func(w io.Writer) error { return trace.WriteJSON(w, priv) })
			}
		}
		if err != nil {
			fmt.Fprintf(stderr, "Error: %v\n", err)
			return 1
		}
	}
	return 0
}

// writeTraceAndMemory writes the requested files concurrently.
func writeTraceAndMemory(files cliFiles, r *runner.Runner, traceFile, memoryFile string) error {
	open := func(name string) (io.WriteCloser, error) {
		if name == "" {
			return nil, nil
		}
		return files.create(name)
	}
	tf, err := open(traceFile)
	if err != nil {
		return err
	}
	mf, err := open(memoryFile)
	if err != nil {
		if tf != nil {
			tf.Close()
		}
		return err
	}
	var tw, mw io.Writer
	if tf != nil {
		tw = tf
	}
	if mf != nil {
		mw = mf
	}
	err = r.WriteFiles(tw, mw)
	for _, f := range []io.WriteCloser{tf, mf} {
		if f != nil {
			err = errors.Join(err, f.Close())
		}
	}
	return err
}

func writeFile(files cliFiles, name string, write func(io.Writer) error) error {
	fh, err := files.create(name)
	if err != nil {
		return err
	}
	if err := write(fh); err != nil {
		fh.Close()
		return err
	}
	return fh.Close()
}

func printOutput(w io.Writer, r *runner.Runner) {
	out, ok := r.Output()
	if !ok {
		return
	}
	fmt.Fprintln(w, "Program output:")
	for _, v := range out {
		switch {
		case v.IsFelt():
			fmt.Fprintf(w, "  %s\n", v.MustFelt().Signed())
		case v.IsPtr():
			fmt.Fprintf(w, "  %v\n", v)
		default:
			fmt.Fprintln(w, "  <missing>")
		}
	}
	fmt.Fprintln(w)
}

func printInfo(w io.Writer, r *runner.Runner, relocated bool) {
	reg := func(p memory.Ptr) string {
		if relocated {
			if a, err := r.Relocation.Ptr(p); err == nil {
				return fmt.Sprint(a)
			}
		}
		return p.String()
	}
	fmt.Fprintf(w, "Number of steps: %d (originally, %d)\n", r.VM.Steps, r.OriginalSteps)
	fmt.Fprintf(w, "Used memory cells: %d\n", r.Mem.CountCells())
	fmt.Fprintln(w, "Register values after execution:")
	fmt.Fprintf(w, "pc = %s\nap = %s\nfp = %s\n\n", reg(r.VM.PC), reg(r.VM.AP), reg(r.VM.FP))
}

// decodeProgramInput decodes --program_input. Numbers stay json.Number:
// Python's json reads integers exactly, where a float64 would round a felt.
func decodeProgramInput(raw []byte) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v map[string]any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("invalid character after top-level value at offset %d", dec.InputOffset())
	}
	return v, nil
}
