package air

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/cairn-vm/cairn/stark/proof"
	"github.com/cairn-vm/cairn/stark/testvectors"
)

// dynamicExample is the dynamic layout instanced with the dynamic params
// of cairo-lang's dynamic_layout_proof.json (the only dynamic params from
// the reference at hand); nil when the vectors are absent.
func dynamicExample(t *testing.T) *Layout {
	t.Helper()
	dir := testvectors.Dir()
	if dir == "" {
		return nil
	}
	data, err := os.ReadFile(dir + "/cairo-lang-examples/dynamic_layout_proof.json")
	if err != nil {
		t.Fatal(err)
	}
	p, err := proof.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	l, err := Dynamic.Instance(&p.PublicInput)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// traceLayouts are the fixed layouts and, with the vectors, the dynamic
// example, by name.
func traceLayouts(t *testing.T) map[string]*Layout {
	out := map[string]*Layout{}
	for name, l := range layouts {
		if l.Dynamic == nil {
			out[name] = l
		}
	}
	if d := dynamicExample(t); d != nil {
		out["dynamic"] = d
	} else {
		t.Log("no stone vectors: the dynamic layout is not instanced")
	}
	return out
}

// pools are the virtual columns whose cells other virtual columns use.
var pools = map[string]bool{"mem_pool/addr": true, "mem_pool/value": true, "range_check16_pool": true, "diluted_pool": true}

// aliases are the virtual columns Stone names twice on purpose.
var aliases = map[[2]string]bool{
	{"cpu/decode/mem_inst/addr", "cpu/decode/pc"}:           true,
	{"cpu/decode/instruction", "cpu/decode/mem_inst/value"}: true,
}

// poolLike says a builtin's virtual column is a pool of its own that the
// builtin's other virtual columns view: bitwise's var pools, and keccak's
// diluted columns (whose views are state, chi_iota_aux*, after_theta_rho_pi,
// ...).
func poolLike(name string) bool {
	return strings.Contains(name, "var_pool") || strings.HasPrefix(name, "keccak/keccak/diluted_column")
}

// component is the builtin or component a virtual column belongs to.
func component(name string) string {
	c, _, _ := strings.Cut(name, "/")
	return c
}

// sharing explains why Stone lets virtual column b's cells lie inside a's
// (same column, a's progression containing b's), or returns "".
func sharing(l *Layout, a, b VirtualColumn) string {
	switch {
	case pools[a.Name]:
		return "pool"
	case aliases[[2]string{a.Name, b.Name}] || aliases[[2]string{b.Name, a.Name}]:
		return "alias"
	case poolLike(a.Name) || poolLike(b.Name):
		return "builtin pool"
	case (a.RowOffset >= a.Step || b.RowOffset >= b.Step) && component(a.Name) == component(b.Name):
		// Stone's row offset past the step starts a virtual column at a
		// later index of a progression another one starts: the two
		// split it by index range (bitwise/x, bitwise/y, ...; keccak's
		// parities, theta_aux, parse_to_diluted).
		return "index range"
	case a.Name == "keccak/keccak/state" && strings.HasPrefix(b.Name, "keccak/keccak/state_"):
		return "view" // state_begin, state_end: the first and last state cells
	}
	if b.RowOffset < a.RowOffset || b.Step <= a.Step {
		return ""
	}
	// b takes one cell a leaves free: a's slot j of each block. EC subset
	// sums (Pedersen, ECDSA, EC op) take 256-row blocks (Stone's
	// kEcdsaElementHeight, kEcOpScalarHeight) but use only the first 251
	// or 252 (kEcdsaElementBits, kEcOpNBits); Poseidon's second partial
	// rounds state takes kPoseidonRowRatio rows per instance, of which it
	// uses kPoseidonPartialRoundsPartition[1].
	j := (b.RowOffset - a.RowOffset) / a.Step
	if strings.HasSuffix(a.Name, "poseidon/partial_rounds_state1") {
		rr, used := l.Trace.Constants["kPoseidonRowRatio"], l.Trace.Constants["kPoseidonPartialRoundsPartition[1]"]
		if rr != 0 && used != 0 && j%(rr/a.Step) >= used {
			return "free slot"
		}
		return ""
	}
	if j%256 >= 251 {
		return "free slot"
	}
	return ""
}

// period is the largest step: every virtual column repeats within it.
func period(t *testing.T, l *Layout) uint64 {
	var p uint64 = 1
	for _, v := range l.VirtualColumns() {
		p = max(p, v.Step)
	}
	for _, v := range l.VirtualColumns() {
		if p%v.Step != 0 {
			t.Fatalf("%s: step %d of %s does not divide %d", l.Name, v.Step, v.Name, p)
		}
	}
	return p
}

func TestVirtualColumnsFit(t *testing.T) {
	for name, l := range traceLayouts(t) {
		vcs := l.VirtualColumns()
		if len(vcs) == 0 {
			t.Errorf("%s: no virtual columns", name)
			continue
		}
		p := period(t, l)
		seen := map[string]bool{}
		for _, v := range vcs {
			if seen[v.Name] {
				t.Errorf("%s: %s twice", name, v.Name)
			}
			seen[v.Name] = true
			lo, hi := 0, l.NColumnsFirst
			if v.Interaction {
				lo, hi = hi, l.Width()
			}
			if v.Column < lo || v.Column >= hi {
				t.Errorf("%s: %s in column %d, outside [%d, %d)", name, v.Name, v.Column, lo, hi)
			}
			// A row offset may pass the step (bitwise/y, keccak's
			// parities: a later start in a progression shared with
			// other virtual columns), but not the period.
			if v.Step == 0 || v.Step&(v.Step-1) != 0 || v.RowOffset >= p {
				t.Errorf("%s: %s: step %d, row offset %d (period %d)", name, v.Name, v.Step, v.RowOffset, p)
			}
			if got, ok := l.VirtualColumn(v.Name); !ok || got != v {
				t.Errorf("%s: VirtualColumn(%q) = %+v, %v", name, v.Name, got, ok)
			}
		}
		for _, want := range []string{"mem_pool/addr", "mem_pool/value", "range_check16_pool", "orig/public_memory/addr", "cpu/registers/ap"} {
			if !seen[want] {
				t.Errorf("%s: no %s", name, want)
			}
		}
		if v, _ := l.VirtualColumn("orig/public_memory/addr"); v.Step != l.PublicMemoryStep {
			t.Errorf("%s: public memory step %d, virtual column %d", name, l.PublicMemoryStep, v.Step)
		}
		if _, ok := l.VirtualColumn("no/such/column"); ok {
			t.Errorf("%s: found no/such/column", name)
		}
		if (l.DilutedUnitsRowRatio() != 0) != l.HasDilutedPool {
			t.Errorf("%s: diluted units row ratio %d, diluted pool %v", name, l.DilutedUnitsRowRatio(), l.HasDilutedPool)
		}
	}
	if Dynamic.VirtualColumns() != nil {
		t.Error("the dynamic layout has virtual columns before Instance")
	}
}

// TestVirtualColumnsDisjoint looks at every two virtual columns of one
// trace column: power-of-2 progressions are disjoint or nested, and every
// nesting must be one Stone means (see sharing). The count of each kind
// is logged.
func TestVirtualColumnsDisjoint(t *testing.T) {
	for name, l := range traceLayouts(t) {
		vcs := l.VirtualColumns()
		kinds := map[string]int{}
		var bad []string
		for _, a := range vcs {
			for _, b := range vcs {
				if a.Name == b.Name || a.Column != b.Column || pools[b.Name] {
					continue
				}
				if b.Step%a.Step != 0 || b.RowOffset%a.Step != a.RowOffset%a.Step {
					continue // disjoint, or a inside b (seen the other way round)
				}
				k := sharing(l, a, b)
				if k == "" {
					bad = append(bad, fmt.Sprintf("%s (step %d, offset %d) holds %s (step %d, offset %d)", a.Name, a.Step, a.RowOffset, b.Name, b.Step, b.RowOffset))
				}
				kinds[k]++
			}
		}
		sort.Strings(bad)
		if len(bad) > 0 {
			t.Errorf("%s: virtual columns sharing cells:\n%s", name, strings.Join(bad, "\n"))
		}
		t.Logf("%s: %d virtual columns; shared cells by kind: %v", name, len(vcs), kinds)
	}
}

// TestMaskCovered: every cell the constraints read (the OODS mask) is a
// cell of some virtual column, which is how the trace generator fills it.
func TestMaskCovered(t *testing.T) {
	for name, l := range traceLayouts(t) {
		p := period(t, l)
		w := uint64(l.Width())
		covered := make([]bool, p*w)
		for _, v := range l.VirtualColumns() {
			for r := v.RowOffset; r < p; r += v.Step {
				covered[r*w+uint64(v.Column)] = true
			}
		}
		for i, m := range l.Mask {
			if !covered[(uint64(m.RowOffset)%p)*w+uint64(m.Column)] {
				t.Errorf("%s: mask item %d (row %d, column %d) is in no virtual column", name, i, m.RowOffset, m.Column)
			}
		}
	}
}

// TestPlainVirtualColumns pins a few placements of the plain layout that
// the plain-stone vector's mask implies: the CPU's 16-row step reads ap
// and fp at rows 0 and 8 of column 5 (mask items (0,5), (8,5), and the
// next step's (16,5), (24,5)), pc and the instruction at rows 0, 1 of
// column 3, the three offsets in column 0, and the interaction trace's
// two running products.
func TestPlainVirtualColumns(t *testing.T) {
	want := map[string]VirtualColumn{
		"cpu/registers/ap":                        {Column: 5, Step: 16, RowOffset: 0},
		"cpu/registers/fp":                        {Column: 5, Step: 16, RowOffset: 8},
		"cpu/decode/pc":                           {Column: 3, Step: 16, RowOffset: 0},
		"cpu/decode/instruction":                  {Column: 3, Step: 16, RowOffset: 1},
		"cpu/decode/off0":                         {Column: 0, Step: 16, RowOffset: 0},
		"cpu/decode/off1":                         {Column: 0, Step: 16, RowOffset: 8},
		"cpu/decode/off2":                         {Column: 0, Step: 16, RowOffset: 4},
		"range_check16/perm/cum_prod0":            {Column: 6, Interaction: true, Step: 1},
		"memory/multi_column_perm/perm/cum_prod0": {Column: 7, Interaction: true, Step: 2},
	}
	for n, v := range want {
		v.Name = n
		if got, ok := Plain.VirtualColumn(n); !ok || got != v {
			t.Errorf("%s: %+v, want %+v", n, got, v)
		}
	}
	if n := len(Plain.VirtualColumns()); n != 30 {
		t.Errorf("plain: %d virtual columns, Stone has 30", n)
	}
	v, _ := Plain.VirtualColumn("range_check16/perm/cum_prod0")
	if tr, c := v.TraceColumn(Plain.NColumnsFirst); tr != 1 || c != 0 {
		t.Errorf("range_check16/perm/cum_prod0 in trace %d column %d", tr, c)
	}
	if v.Size(1<<14) != 1<<14 || v.Row(3) != 3 {
		t.Errorf("range_check16/perm/cum_prod0: size %d, row 3 at %d", v.Size(1<<14), v.Row(3))
	}
	if Plain.MemoryUnitsRowRatio() != 2 || Plain.RangeCheckUnitsRowRatio() != 1 || Plain.DilutedUnitsRowRatio() != 0 {
		t.Errorf("plain units: memory %d, range check %d, diluted %d", Plain.MemoryUnitsRowRatio(), Plain.RangeCheckUnitsRowRatio(), Plain.DilutedUnitsRowRatio())
	}
}

// TestDynamicTraceContext: the dynamic example's unused builtins have no
// virtual columns and a Builtin with Used false; each param set to 0, 3 or
// 2^40 yields a layout whose virtual columns fit, or ErrPublicInput.
func TestDynamicTraceContext(t *testing.T) {
	d := dynamicExample(t)
	if d == nil {
		t.Skip("no stone vectors")
	}
	for _, b := range d.Trace.Builtins {
		used := map[string]bool{"output": true, "pedersen": true, "range_check": true, "ecdsa": true, "bitwise": true, "ec_op": true}[b.Name]
		if b.Used != used {
			t.Errorf("%s used %v", b.Name, b.Used)
		}
		for _, v := range d.VirtualColumns() {
			if !b.Used && strings.TrimSuffix(component(v.Name), "_builtin") == b.Name {
				t.Errorf("unused %s has virtual column %s", b.Name, v.Name)
			}
		}
	}
	if b, _ := d.Builtin("pedersen"); b.RowRatio != 1024 || b.Ratio != 32 {
		t.Errorf("pedersen %+v", b)
	}
	if _, ok := d.Builtin("keccak"); !ok {
		t.Error("no keccak builtin entry")
	}
	data, err := os.ReadFile(testvectors.Dir() + "/cairo-lang-examples/dynamic_layout_proof.json")
	if err != nil {
		t.Fatal(err)
	}
	p, err := proof.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	pi := p.PublicInput
	orig := pi.DynamicParams
	// Params Stone's GetTraceGenerationContext rejects, and its message.
	for _, c := range []struct {
		param string
		value uint64
		msg   string
	}{
		{"uses_pedersen_builtin", 2, "uses_pedersen_builtin should be a boolean"},
		{"pedersen_builtin_row_ratio", 1536, "IsPowerOfTwo(pedersen_builtin_row_ratio) fails"},
		{"memory_units_row_ratio", 3, "power of"},
		// An unused builtin still shapes the mask and virtual columns (SafeDiv).
		{"keccak__row_ratio", 5, "is not divisible by"},
	} {
		pi.DynamicParams = maps.Clone(orig)
		pi.DynamicParams[c.param] = c.value
		_, err := Dynamic.Instance(&pi)
		if !errors.Is(err, ErrPublicInput) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s = %d: %v, want Stone's %q", c.param, c.value, err, c.msg)
		}
	}
	for name := range orig {
		for _, v := range []uint64{0, 3, 1 << 40} {
			pi.DynamicParams = maps.Clone(orig)
			pi.DynamicParams[name] = v
			l, err := Dynamic.Instance(&pi)
			if err != nil {
				if !errors.Is(err, ErrPublicInput) {
					t.Errorf("%s = %d: %v", name, v, err)
				}
				continue
			}
			for _, vc := range l.VirtualColumns() {
				if vc.Column >= l.Width() || vc.Step == 0 || vc.RowOffset >= l.TraceLength(pi.NSteps) {
					t.Errorf("%s = %d: %+v does not fit", name, v, vc)
				}
			}
		}
	}
}

// TestIntExprStoneOps: the ops of Stone's assertions compute in uint64.
func TestIntExprStoneOps(t *testing.T) {
	c := func(k uint64) IntNode { return IntNode{Op: IntConst, K: k} }
	bin := func(op IntOp, a, b uint64) IntExpr { return IntExpr{{Op: op, A: 1, B: 2}, c(a), c(b)} }
	for _, tc := range []struct {
		e    IntExpr
		want uint64
	}{
		{bin(IntWrapSub, 3, 5), 1<<64 - 2},
		{bin(IntWrapAdd, 1<<63, 1<<63), 0},
		{bin(IntWrapMul, 1<<32, 1<<32), 0},
		{bin(IntGe, 3, 3), 1}, {bin(IntGe, 2, 3), 0},
		{bin(IntEq, 7, 7), 1}, {bin(IntEq, 7, 8), 0},
		{IntExpr{{Op: IntPow2, A: 1}, c(64)}, 1},
		{IntExpr{{Op: IntPow2, A: 1}, c(0)}, 0},
		{IntExpr{{Op: IntPow2, A: 1}, c(96)}, 0},
	} {
		if got, err := tc.e.Eval(nil); err != nil || got != tc.want {
			t.Errorf("%v: %d, %v; want %d", tc.e, got, err, tc.want)
		}
	}
	if _, err := (IntExpr{{Op: IntPow2, A: 1}, {Op: IntDiv, A: 2, B: 3}, c(5), c(2)}).Eval(nil); !errors.Is(err, ErrEval) {
		t.Errorf("IsPowerOfTwo(SafeDiv(5, 2)): %v", err)
	}
}

// TestFixedContextChecks: a fixed layout's Instance makes Stone's checks
// of the trace length (small: its 8192-row ECDSA component needs 512
// steps or more).
func TestFixedContextChecks(t *testing.T) {
	for _, c := range []struct {
		nSteps uint64
		ok     bool
	}{{512, true}, {1 << 20, true}, {256, false}, {0, false}, {1 << 62, false}} {
		_, err := Small.Instance(&proof.PublicInput{NSteps: c.nSteps})
		if (err == nil) != c.ok || (err != nil && !errors.Is(err, ErrPublicInput)) {
			t.Errorf("small, n_steps %d: %v", c.nSteps, err)
		}
	}
	if _, err := Small.Instance(&proof.PublicInput{NSteps: 256}); err == nil || !strings.Contains(err.Error(), "SafeDiv(trace_length_,8192)") {
		t.Errorf("small, 256 steps: %v", err)
	}
	if _, err := Plain.Instance(&proof.PublicInput{NSteps: 1}); err != nil {
		t.Errorf("plain, 1 step: %v", err)
	}
}
