package air

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

// refLayout is a layout's shape as cairo-lang 0.14.0.1's instances.py
// gives it (testdata/cairo_lang_layouts.json, written by
// scripts/gen-air-trace-goldens.py).
type refLayout struct {
	CpuComponentStep     uint64 `json:"cpu_component_step"`
	RcUnits              uint64 `json:"rc_units"`
	MemoryUnitsPerStep   uint64 `json:"memory_units_per_step"`
	PublicMemoryFraction uint64 `json:"public_memory_fraction"`
	Diluted              *struct {
		Spacing       uint64 `json:"spacing"`
		NBits         uint64 `json:"n_bits"`
		UnitsRowRatio uint64 `json:"units_row_ratio"`
	} `json:"diluted"`
	Builtins []map[string]any `json:"builtins"`
}

// refConstants maps a cairo-lang builtin parameter to the Stone constant
// that carries it.
var refConstants = map[string]map[string]string{
	"pedersen":      {"repetitions": "kPedersenBuiltinRepetitions"},
	"range_check":   {"n_parts": "kRangeCheckNParts"},
	"ecdsa":         {"repetitions": "kEcdsaBuiltinRepetitions", "height": "kEcdsaElementHeight", "n_hash_bits": "kEcdsaElementBits"},
	"bitwise":       {"total_n_bits": "kBitwiseTotalNBits"},
	"ec_op":         {"scalar_height": "kEcOpScalarHeight", "scalar_bits": "kEcOpNBits"},
	"range_check96": {"n_parts": "kRangeCheck96NParts"},
	"add_mod":       {"n_words": "kAddModNWords", "batch_size": "kAddModBatchSize", "word_bit_len": "kAddModWordBitLen"},
	"mul_mod":       {"n_words": "kMulModNWords", "batch_size": "kMulModBatchSize", "word_bit_len": "kMulModWordBitLen"},
}

// refObjects maps a cairo-lang limit to the trace object holding it.
var refObjects = map[string]map[string]string{
	"pedersen": {"hash_limit": "pedersen/hash0/ec_subset_sum/bit_unpacking/limit"},
	"ec_op":    {"scalar_limit": "ec_op/ec_subset_sum/bit_unpacking/limit"},
}

// TestTraceContextMatchesCairoLang checks each layout's units, public
// memory step, diluted pool, builtin ratios and builtin constants against
// cairo-lang's layout of the same name (perpetual and dex_with_bitwise are
// Stone's only; the dynamic layout is checked at the dynamic example's
// params).
func TestTraceContextMatchesCairoLang(t *testing.T) {
	data, err := os.ReadFile("testdata/cairo_lang_layouts.json")
	if err != nil {
		t.Fatal(err)
	}
	var refs map[string]refLayout
	if err := json.Unmarshal(data, &refs); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for name, l := range traceLayouts(t) {
		refName := name
		if name == "dynamic" {
			refName = "dynamic_example"
		}
		ref, ok := refs[refName]
		if !ok {
			t.Logf("%s: not a cairo-lang layout", name)
			continue
		}
		checked++
		errf := func(f string, args ...any) { t.Errorf("%s: %s", name, fmt.Sprintf(f, args...)) }
		rows := l.RowsPerStep()
		if l.CpuComponentStep != ref.CpuComponentStep {
			errf("cpu_component_step %d, cairo-lang %d", l.CpuComponentStep, ref.CpuComponentStep)
		}
		if l.RangeCheckUnitsRowRatio()*ref.RcUnits != rows {
			errf("range-check units row ratio %d, cairo-lang rc_units %d", l.RangeCheckUnitsRowRatio(), ref.RcUnits)
		}
		if l.MemoryUnitsRowRatio()*ref.MemoryUnitsPerStep != rows {
			errf("memory units row ratio %d, cairo-lang memory_units_per_step %d", l.MemoryUnitsRowRatio(), ref.MemoryUnitsPerStep)
		}
		if l.PublicMemoryStep != l.MemoryUnitsRowRatio()*ref.PublicMemoryFraction {
			errf("public memory step %d, cairo-lang public_memory_fraction %d", l.PublicMemoryStep, ref.PublicMemoryFraction)
		}
		if (ref.Diluted != nil) != l.HasDilutedPool {
			errf("diluted pool %v, cairo-lang %v", l.HasDilutedPool, ref.Diluted != nil)
		} else if d := ref.Diluted; d != nil {
			if l.DilutedSpacing != d.Spacing || l.DilutedNBits != d.NBits || l.DilutedUnitsRowRatio() != d.UnitsRowRatio {
				errf("diluted spacing %d, n_bits %d, units row ratio %d; cairo-lang %+v", l.DilutedSpacing, l.DilutedNBits, l.DilutedUnitsRowRatio(), *d)
			}
		}
		if len(ref.Builtins) != len(l.Trace.Builtins) {
			errf("builtins %+v, cairo-lang %v", l.Trace.Builtins, ref.Builtins)
			continue
		}
		for i, rb := range ref.Builtins {
			b := l.Trace.Builtins[i]
			if rb["name"] != b.Name {
				errf("builtin %d is %s, cairo-lang %v", i, b.Name, rb["name"])
				continue
			}
			if b.Name == "output" {
				if !b.Used {
					errf("output unused")
				}
				continue
			}
			ratio, _ := rb["ratio"].(float64)
			den := 1.0
			if d, ok := rb["ratio_den"].(float64); ok {
				den = d
			}
			if b.Used != (ratio != 0) {
				errf("%s used %v, cairo-lang ratio %v", b.Name, b.Used, ratio)
			}
			if b.Used && (float64(b.RowRatio)*den != ratio*float64(rows) || (den == 1 && float64(b.Ratio) != ratio)) {
				errf("%s: row ratio %d, ratio %d; cairo-lang ratio %v/%v", b.Name, b.RowRatio, b.Ratio, ratio, den)
			}
			for param, konst := range refConstants[b.Name] {
				want, ok := rb[param].(float64)
				if got, has := l.Trace.Constants[konst]; !ok || !has || float64(got) != want {
					errf("%s.%s = %v, Stone's %s = %d (%v)", b.Name, param, rb[param], konst, got, has)
				}
			}
			if p, ok := rb["partial_rounds_partition"].([]any); ok {
				for k, v := range p {
					c := fmt.Sprintf("kPoseidonPartialRoundsPartition[%d]", k)
					if float64(l.Trace.Constants[c]) != v.(float64) {
						errf("poseidon partial_rounds_partition %v, Stone's %s = %d", p, c, l.Trace.Constants[c])
					}
				}
			}
			for param, obj := range refObjects[b.Name] {
				found := false
				for _, o := range l.Trace.Objects {
					if o.Name == obj {
						found = true
						if o.Value != rb[param] {
							errf("%s = %s, cairo-lang %s = %v", obj, o.Value, param, rb[param])
						}
					}
				}
				if b.Used && !found {
					errf("no object %s", obj)
				}
			}
		}
	}
	if checked < 9 {
		t.Errorf("only %d layouts checked", checked)
	}
}
