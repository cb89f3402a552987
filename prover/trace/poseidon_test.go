package trace

import (
	"fmt"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/crypto/poseidon"
	"github.com/cairn-vm/cairn/stark/air"
)

// TestPoseidonFullRoundKeys compares the round constants writePoseidon adds
// in full rounds with Stone's periodic columns full_round_key{j} (stark/air,
// generated from Stone's AIR), on every layout with a poseidon builtin.
// Row r of a full-round block holds the key of the step from round r to
// r+1: ark[r+1] in the first half, ark[half+partial+r'+1] in the second.
// The key entering the partial rounds (row half-1) is Stone's combined form
// of the partial rounds' first constants and the last row is unused; both
// are left out.
func TestPoseidonFullRoundKeys(t *testing.T) {
	ark := poseidon.RoundConstants()
	half := uint64(poseidon.FullRounds / 2)
	capF := pow2Ceil(poseidon.FullRounds)
	n := 0
	for _, name := range []string{"recursive_with_poseidon", "starknet", "starknet_with_keccak"} {
		l, err := air.ByName(name)
		if err != nil {
			t.Fatal(err)
		}
		for j := range poseidonM {
			cname := fmt.Sprintf("poseidon/poseidon/full_round_key%d", j)
			var col *air.PeriodicColumn
			for i := range l.Periodic {
				if l.Periodic[i].Name == cname {
					col = &l.Periodic[i]
				}
			}
			if col == nil || uint64(len(col.Values)) != capF {
				t.Fatalf("%s: no periodic column %s of %d values", name, cname, capF)
			}
			for r := range capF {
				var key int
				switch {
				case r < half-1:
					key = int(r + 1)
				case r >= capF/2 && r < capF/2+half-1:
					key = int(half + poseidon.PartialRounds + r - capF/2 + 1)
				default:
					continue
				}
				var v fp.Element
				if _, err := v.SetString(col.Values[r]); err != nil {
					t.Fatalf("%s %s[%d]: %v", name, cname, r, err)
				}
				if v != ark[key][j] {
					t.Errorf("%s %s row %d: Stone's key %s, ark[%d][%d] %s", name, cname, r, col.Values[r], key, j, ark[key][j].Text(16))
				}
				n++
			}
		}
	}
	if n != 3*poseidonM*2*(int(half)-1) {
		t.Fatalf("%d keys compared", n)
	}
}
