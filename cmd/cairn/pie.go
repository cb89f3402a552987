package main

import (
	"fmt"
	"io"

	"github.com/cairn-vm/cairn/pie"
	"github.com/cairn-vm/cairn/program"
	"github.com/cairn-vm/cairn/runner"
)

// checkPIEFlags makes cairo-run's assertions on the PIE flags; stop is
// true when the command must exit with code.
func checkPIEFlags(f *runFlags, example bool, stderr io.Writer) (code int, stop bool) {
	fail := func(msg string) (int, bool) {
		fmt.Fprintf(stderr, "Error: %s\n", msg)
		return 1, true
	}
	if f.runFromPIE != "" {
		if f.program != "" || example {
			return fail("Exactly one of --program, --run_from_cairo_pie must be specified.")
		}
		if f.proofMode {
			return fail("--proof_mode cannot be used with --run_from_cairo_pie.")
		}
		if f.steps != 0 || f.minSteps != 0 {
			return fail("--steps and --min_steps cannot be specified in --run_from_cairo_pie mode.")
		}
	}
	if f.cairoPIEOutput != "" && f.proofMode {
		return fail("--proof_mode and --cairo_pie_output cannot be both specified.")
	}
	if f.mergeExtraSegments && f.cairoPIEOutput == "" {
		return fail("--merge_extra_segments is applicable only when --cairo_pie_output is specified.")
	}
	return 0, false
}

// cliRun is a run from a program or, with --run_from_cairo_pie, from a PIE.
type cliRun struct {
	*runner.Runner
	fromPIE *runner.PIERun
}

// newCLIRun prepares the run; prog is nil for a run from a PIE. A PIE
// (read or written) needs the trace, to count the memory holes.
func newCLIRun(f *runFlags, prog *program.Program, cfg runner.Config) (*cliRun, error) {
	if f.cairoPIEOutput != "" {
		cfg.Trace = true
	}
	if f.runFromPIE == "" {
		r, err := runner.New(prog, cfg)
		if err != nil {
			return nil, err
		}
		return &cliRun{Runner: r}, nil
	}
	in, err := pie.ReadFile(f.runFromPIE)
	if err != nil {
		return nil, err
	}
	pr, err := runner.NewFromPIE(in, cfg)
	if err != nil {
		return nil, err
	}
	return &cliRun{Runner: pr.Runner, fromPIE: pr}, nil
}

// run executes, with the PIE comparison of a secure run from a PIE.
func (c *cliRun) run() error {
	if c.fromPIE != nil {
		return c.fromPIE.Run()
	}
	return c.Runner.Run()
}

// writePIE writes --cairo_pie_output (after the run, before relocation,
// as cairo-run does).
func (c *cliRun) writePIE(f *runFlags) error {
	if f.cairoPIEOutput == "" {
		return nil
	}
	var p *pie.PIE
	var err error
	if c.fromPIE != nil {
		p, err = c.fromPIE.PIE()
	} else {
		p, err = c.Runner.PIE()
	}
	if err != nil {
		return err
	}
	return p.WriteFile(f.cairoPIEOutput, f.mergeExtraSegments)
}
