package main

import (
	"encoding/json"
	"fmt"
	"math/big"

	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/hints"
)

// The corpus's Patricia programs (scripts/gen-patricia-corpus.py) begin
// with a hint of their own, not a library one: it loads patricia_update's
// preimage from program_input, where the Starknet OS would put it in the
// scope itself. The test registers it with hints.Default.Register, the API
// an embedder uses for its own hints.
const patriciaPreimageHint = `
# Test input: the Patricia preimage (node hash -> pair or (length, path, bottom)).
preimage = {int(h): tuple(v) for h, v in program_input['preimage'].items()}
`

func init() {
	hints.Default.Register(patriciaPreimageHint, loadPatriciaPreimage)
}

func loadPatriciaPreimage(c *hints.Context) error {
	in, err := c.ScopeVar("program_input")
	if err != nil {
		return err
	}
	m, ok := in.(map[string]any)
	if !ok {
		return fmt.Errorf("program_input is a %T, not an object", in)
	}
	raw, ok := m["preimage"].(map[string]any)
	if !ok {
		return fmt.Errorf("program_input['preimage'] is missing or not an object")
	}
	pre := hints.PatriciaPreimage{}
	for k, v := range raw {
		h, ok := new(big.Int).SetString(k, 10)
		if !ok {
			return fmt.Errorf("program_input['preimage']: key %q is not an integer", k)
		}
		items, ok := v.([]any)
		if !ok {
			return fmt.Errorf("program_input['preimage'][%s] is not a list", k)
		}
		vals := make([]felt.Felt, len(items))
		for i, it := range items {
			n, ok := it.(json.Number)
			b, ok2 := new(big.Int).SetString(string(n), 10)
			if !ok || !ok2 {
				return fmt.Errorf("program_input['preimage'][%s][%d] = %v is not an integer", k, i, it)
			}
			vals[i] = felt.FromBigInt(b)
		}
		pre[felt.FromBigInt(h)] = vals
	}
	c.Scope()["preimage"] = pre
	return nil
}
