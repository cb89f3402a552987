package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/cairn-vm/cairn/program"
)

// hashProgramCmd is cairo-hash-program: it prints the program hash in hex.
func hashProgramCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("cairn hash-program", flag.ContinueOnError)
	fs.SetOutput(stderr)
	path := fs.String("program", "", "compiled program JSON")
	fnName := fs.String("program-hash-function", "pedersen", "pedersen, poseidon or blake")
	usePoseidon := fs.Bool("use_poseidon", false, "same as --program-hash-function=poseidon")
	flavor := fs.String("flavor", "Release", "build flavor (accepted for compatibility: Debug, Release, RelWithDebInfo)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	switch *flavor {
	case "Debug", "Release", "RelWithDebInfo":
	default:
		fmt.Fprintf(stderr, "cairn hash-program: --flavor: invalid choice: %q (choose from 'Debug', 'Release', 'RelWithDebInfo')\n", *flavor)
		return 2
	}
	if *path == "" && fs.NArg() == 1 {
		*path = fs.Arg(0)
	}
	if *path == "" {
		fmt.Fprintln(stderr, "cairn hash-program: --program is required")
		return 2
	}
	if *usePoseidon {
		*fnName = "poseidon"
	}
	fn, err := program.ParseHashFunction(*fnName)
	if err != nil {
		fmt.Fprintf(stderr, "Error: %v\n", err)
		return 2
	}
	data, err := os.ReadFile(*path)
	if err != nil {
		fmt.Fprintf(stderr, "Error: %v\n", err)
		return 1
	}
	p, err := program.Load(data)
	if err != nil {
		fmt.Fprintf(stderr, "Error: %v\n", err)
		return 1
	}
	h, err := p.Hash(fn)
	if err != nil {
		fmt.Fprintf(stderr, "Error: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, h.Hex())
	return 0
}
