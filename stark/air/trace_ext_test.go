package air_test

import (
	"fmt"
	"testing"

	"github.com/cairn-vm/cairn/stark/air"
	"github.com/cairn-vm/cairn/stark/statement"
)

// generated are the layouts stark/air describes (all of Stone's but
// all_cairo).
var generated = []string{
	"small", "dex", "perpetual", "all_solidity", "recursive", "dex_with_bitwise", "starknet",
	"recursive_large_output", "starknet_with_keccak", "plain", "dynamic", "recursive_with_poseidon",
}

// TestSegmentNames: the generated kSegmentNames agree with the statement's
// table (which the verifier's seed, checked against every vector, uses),
// and the builtins are the segments after program and execution.
func TestSegmentNames(t *testing.T) {
	for _, name := range generated {
		l, err := air.ByName(name)
		if err != nil {
			t.Fatal(err)
		}
		want, err := statement.SegmentNames(name)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(l.Trace.SegmentNames) != fmt.Sprint(want) {
			t.Errorf("%s: segments %v, statement has %v", name, l.Trace.SegmentNames, want)
		}
		var bs []string
		for _, b := range l.Trace.Builtins {
			bs = append(bs, b.Name)
		}
		if l.Dynamic != nil {
			for _, b := range l.Dynamic.Builtins {
				bs = append(bs, b.Name)
			}
		}
		if fmt.Sprint(bs) != fmt.Sprint(want[2:]) {
			t.Errorf("%s: builtins %v, segments %v", name, bs, want)
		}
	}
}
