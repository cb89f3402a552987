package trace

import (
	"encoding/json"
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"
)

// private is the part of air_private_input.json the builtins read, keyed
// by instance index.
type private struct {
	Pedersen   map[uint64][2]fp.Element
	RangeCheck map[uint64]*big.Int
	Ecdsa      map[uint64]ecdsaInput
	Bitwise    map[uint64][2]fp.Element
	Poseidon   map[uint64][poseidonM]fp.Element
	EcOp       map[uint64]ecOpInput
	Keccak     map[uint64][keccakWords]*big.Int
}

type ecdsaInput struct {
	pubKeyX, msg, r, w fp.Element
}

type rawEntry struct {
	Index json.Number `json:"index"`
	X     string      `json:"x"`
	Y     string      `json:"y"`
	Value string      `json:"value"`
	S0    string      `json:"input_s0"`
	PX    string      `json:"p_x"`
	PY    string      `json:"p_y"`
	QX    string      `json:"q_x"`
	QY    string      `json:"q_y"`
	M     string      `json:"m"`
	S1    string      `json:"input_s1"`
	S2    string      `json:"input_s2"`
	S3    string      `json:"input_s3"`
	S4    string      `json:"input_s4"`
	S5    string      `json:"input_s5"`
	S6    string      `json:"input_s6"`
	S7    string      `json:"input_s7"`
	// ecdsa
	PubKey string `json:"pubkey"`
	Msg    string `json:"msg"`
	Sig    *struct {
		R string `json:"r"`
		W string `json:"w"`
	} `json:"signature_input"`
}

// parsePrivate reads the builtins' entries of the private input (the
// decoded air_private_input.json or the runner's map).
func parsePrivate(in map[string]any) (*private, error) {
	var raw map[string]json.RawMessage
	if err := decodeJSON(in, &raw); err != nil {
		return nil, fmt.Errorf("%w: private input: %v", ErrExecution, err)
	}
	entries := func(name string) ([]rawEntry, map[uint64]bool, error) {
		var out []rawEntry
		if r, ok := raw[name]; ok {
			if err := json.Unmarshal(r, &out); err != nil {
				return nil, nil, fmt.Errorf("%w: private input %s: %v", ErrExecution, name, err)
			}
		}
		seen := map[uint64]bool{}
		for i, e := range out {
			idx, err := parseIndex(e.Index)
			if err != nil {
				return nil, nil, fmt.Errorf("%w: private input %s entry %d: %v", ErrExecution, name, i, err)
			}
			if seen[idx] {
				return nil, nil, fmt.Errorf("%w: private input %s entry %d: index %d repeated", ErrExecution, name, i, idx)
			}
			seen[idx] = true
		}
		return out, seen, nil
	}
	felt := func(name string, i int, field, s string) (fp.Element, error) {
		v, err := parseFelt(s)
		if err != nil {
			return v, fmt.Errorf("%w: private input %s entry %d %s: %v", ErrExecution, name, i, field, err)
		}
		return v, nil
	}
	p := &private{Pedersen: map[uint64][2]fp.Element{}, RangeCheck: map[uint64]*big.Int{},
		Ecdsa: map[uint64]ecdsaInput{}, Bitwise: map[uint64][2]fp.Element{}, Poseidon: map[uint64][poseidonM]fp.Element{},
		EcOp: map[uint64]ecOpInput{}, Keccak: map[uint64][keccakWords]*big.Int{}}
	for _, name := range []string{"pedersen", "bitwise"} {
		es, _, err := entries(name)
		if err != nil {
			return nil, err
		}
		for i, e := range es {
			idx, _ := parseIndex(e.Index)
			x, err := felt(name, i, "x", e.X)
			if err != nil {
				return nil, err
			}
			y, err := felt(name, i, "y", e.Y)
			if err != nil {
				return nil, err
			}
			if name == "pedersen" {
				p.Pedersen[idx] = [2]fp.Element{x, y}
			} else {
				p.Bitwise[idx] = [2]fp.Element{x, y}
			}
		}
	}
	es, _, err := entries("range_check")
	if err != nil {
		return nil, err
	}
	for i, e := range es {
		idx, _ := parseIndex(e.Index)
		v, ok := new(big.Int).SetString(e.Value, 0)
		if !ok || v.Sign() < 0 {
			return nil, fmt.Errorf("%w: private input range_check entry %d: value %q", ErrExecution, i, e.Value)
		}
		p.RangeCheck[idx] = v
	}
	if es, _, err = entries("ecdsa"); err != nil {
		return nil, err
	}
	for i, e := range es {
		idx, _ := parseIndex(e.Index)
		if e.Sig == nil {
			return nil, fmt.Errorf("%w: private input ecdsa entry %d: no signature_input", ErrExecution, i)
		}
		var in ecdsaInput
		for _, f := range []struct {
			dst        *fp.Element
			field, val string
		}{{&in.pubKeyX, "pubkey", e.PubKey}, {&in.msg, "msg", e.Msg}, {&in.r, "r", e.Sig.R}, {&in.w, "w", e.Sig.W}} {
			if *f.dst, err = felt("ecdsa", i, f.field, f.val); err != nil {
				return nil, err
			}
		}
		p.Ecdsa[idx] = in
	}
	if es, _, err = entries("poseidon"); err != nil {
		return nil, err
	}
	for i, e := range es {
		idx, _ := parseIndex(e.Index)
		var in [poseidonM]fp.Element
		for j, v := range []string{e.S0, e.S1, e.S2} {
			if in[j], err = felt("poseidon", i, fmt.Sprintf("input_s%d", j), v); err != nil {
				return nil, err
			}
		}
		p.Poseidon[idx] = in
	}
	if es, _, err = entries("ec_op"); err != nil {
		return nil, err
	}
	for i, e := range es {
		idx, _ := parseIndex(e.Index)
		var in ecOpInput
		for _, f := range []struct {
			dst        *fp.Element
			field, val string
		}{{&in.p.x, "p_x", e.PX}, {&in.p.y, "p_y", e.PY}, {&in.q.x, "q_x", e.QX}, {&in.q.y, "q_y", e.QY}, {&in.m, "m", e.M}} {
			if *f.dst, err = felt("ec_op", i, f.field, f.val); err != nil {
				return nil, err
			}
		}
		p.EcOp[idx] = in
	}
	if es, _, err = entries("keccak"); err != nil {
		return nil, err
	}
	for i, e := range es {
		idx, _ := parseIndex(e.Index)
		var in [keccakWords]*big.Int
		for j, v := range []string{e.S0, e.S1, e.S2, e.S3, e.S4, e.S5, e.S6, e.S7} {
			x, ok := new(big.Int).SetString(v, 0)
			if !ok || x.Sign() < 0 {
				return nil, fmt.Errorf("%w: private input keccak entry %d input_s%d: %q", ErrExecution, i, j, v)
			}
			in[j] = x
		}
		p.Keccak[idx] = in
	}
	return p, nil
}

func parseIndex(n json.Number) (uint64, error) {
	v, ok := new(big.Int).SetString(string(n), 10)
	if !ok || v.Sign() < 0 || !v.IsUint64() {
		return 0, fmt.Errorf("index %q is not a non-negative integer", n)
	}
	return v.Uint64(), nil
}
