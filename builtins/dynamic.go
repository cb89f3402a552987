package builtins

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// dynamicBuiltins are the builtins a dynamic layout configures, in layout
// order (output is always present).
var dynamicBuiltins = []string{"pedersen", "range_check", "ecdsa", "bitwise", "ec_op", "keccak", "poseidon", "range_check96", "add_mod", "mul_mod"}

// lowRatioBuiltins take a ratio denominator.
var lowRatioBuiltins = map[string]bool{"range_check96": true, "add_mod": true, "mul_mod": true}

// DynamicLayout builds the dynamic layout from the JSON of cairo-run's
// --cairo_layout_params_file (cairo-lang's CairoLayoutParams: every field
// is required, and an unused builtin must have ratio 0).
func DynamicLayout(data []byte) (*Layout, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var raw map[string]json.Number
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("layout params: %w", err)
	}
	get := func(k string) (int, error) {
		v, ok := raw[k]
		if !ok {
			return 0, fmt.Errorf("layout params: missing %s", k)
		}
		n, err := v.Int64()
		if err != nil || n < -64 || n > 1<<40 {
			return 0, fmt.Errorf("layout params: %s = %s is not a valid integer", k, v)
		}
		return int(n), nil
	}
	names := []string{"cpu_component_step", "rc_units", "memory_units_per_step", "log_diluted_units_per_step"}
	vals := map[string]int{}
	for _, b := range dynamicBuiltins {
		names = append(names, "uses_"+b+"_builtin", b+"_ratio")
		if lowRatioBuiltins[b] {
			names = append(names, b+"_ratio_den")
		}
	}
	for _, k := range names {
		v, err := get(k)
		if err != nil {
			return nil, err
		}
		vals[k] = v
	}
	for k := range raw {
		if _, ok := vals[k]; !ok {
			return nil, fmt.Errorf("layout params: unknown field %s", k)
		}
	}
	if vals["cpu_component_step"] <= 0 || vals["rc_units"] < 0 || vals["memory_units_per_step"] <= 0 {
		return nil, fmt.Errorf("layout params: cpu_component_step, rc_units and memory_units_per_step must be positive")
	}
	l := &Layout{
		Name:                 "dynamic",
		CPUComponentStep:     vals["cpu_component_step"],
		RCUnits:              vals["rc_units"],
		PublicMemoryFraction: 8,
		MemoryUnitsPerStep:   vals["memory_units_per_step"],
		Diluted:              &DilutedPool{LogUnitsPerStep: vals["log_diluted_units_per_step"], Spacing: 4, NBits: 16},
		Builtins:             []LayoutBuiltin{{Name: "output", RatioDen: 1}},
	}
	for _, b := range dynamicBuiltins {
		ratio, uses := vals[b+"_ratio"], vals["uses_"+b+"_builtin"]
		if ratio < 0 || (uses == 0 && ratio != 0) || (uses != 0 && uses != 1) {
			return nil, fmt.Errorf("layout params: uses_%s_builtin = %d with %s_ratio = %d", b, uses, b, ratio)
		}
		den := 1
		if lowRatioBuiltins[b] {
			den = vals[b+"_ratio_den"]
			if den <= 0 {
				return nil, fmt.Errorf("layout params: %s_ratio_den must be positive", b)
			}
		}
		l.Builtins = append(l.Builtins, LayoutBuiltin{Name: b, Ratio: ratio, RatioDen: den})
	}
	return l, nil
}
