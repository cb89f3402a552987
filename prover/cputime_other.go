//go:build !unix

package prover

import "time"

// processCPU is not measured where getrusage is missing: the progress
// lines then show 0.
func processCPU() time.Duration { return 0 }
