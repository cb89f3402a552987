package main

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/cairn-vm/cairn/stark/air"
)

// traceDef is a layout's trace-generation context: Stone's
// GetTraceGenerationContext plus the .h constants the trace generator reads.
type traceDef struct {
	VCs      []vcDef
	Objects  []air.TraceObject
	Segments []string
	Builtins []builtinDef
	Consts   map[string]uint64
	Asserts  []assertDef
}

// assertDef is one of Stone's ASSERT_RELEASE checks of the trace length
// and dynamic params in GetTraceGenerationContext, which its CpuAir
// constructor (the verifier's too) runs.
type assertDef struct {
	Guard, Cond air.IntExpr // Guard nil: unconditional
	Text, Msg   string
}

type vcDef struct {
	Name                    string
	Inter                   bool
	Column, Step, RowOffset air.IntExpr
}

type builtinDef struct {
	Name string
	Used bool
	// Fixed layouts: the row ratio and ratio.
	RowRatio, Ratio uint64
	// Dynamic layout: the params that say whether it is used and its row
	// ratio.
	UsesParam, RowRatioParam string
}

var (
	reArray     = regexp.MustCompile(`static constexpr std::array<uint64_t, \d+> (k\w+) = \{([\d, ]*)\};`)
	reSegments  = regexp.MustCompile(`(?s)kSegmentNames = \{(.*?)\};`)
	reNeighbor  = regexp.MustCompile(`^kColumn(\d+)(?:Inter1)?Row(\d+)Neighbor$`)
	reDynNeighb = regexp.MustCompile(`^k(\w+)ColumnRowExpr(\d+)Neighbor$`)
)

// camel is Stone's C++ spelling of a virtual column name in enum members:
// "cpu/decode/opcode_range_check/column" -> "Cpu_Decode_OpcodeRangeCheck_Column".
func camel(name string) string {
	var parts []string
	for _, p := range strings.Split(name, "/") {
		var b strings.Builder
		for _, w := range strings.Split(p, "_") {
			if w != "" {
				b.WriteString(strings.ToUpper(w[:1]) + w[1:])
			}
		}
		parts = append(parts, b.String())
	}
	return strings.Join(parts, "_")
}

// parseTrace reads the virtual columns and objects of ctx (the body of
// GetTraceGenerationContext) and the segment, builtin and scalar constants
// of h, and checks the Neighbors enum's names against the mask and the
// virtual columns.
func (l *layoutDef) parseTrace(h string, ctx []token, ib *intBuilder) error {
	t := &l.Trace
	for _, args := range calls(ctx, "AddVirtualColumn") {
		if len(args) != 2 || len(args[0]) != 1 || args[0][0].kind != 's' {
			return fmt.Errorf("unexpected AddVirtualColumn")
		}
		name := args[0][0].text
		vc := calls(args[1], "VirtualColumn")
		if len(vc) != 1 || len(vc[0]) != 3 {
			return fmt.Errorf("%s: unexpected VirtualColumn", name)
		}
		col, err := parseAll(vc[0][0])
		if err != nil {
			return fmt.Errorf("virtual column %s: %w", name, err)
		}
		// Stone numbers an interaction column within its own trace, as
		// "kColumnNInter1Column - kNumColumnsFirst"; we keep N, the global
		// number the mask uses.
		d := vcDef{Name: name}
		if col.kind == "bin" && col.op == "-" && col.args[1].kind == "id" &&
			(col.args[1].op == "kNumColumnsFirst" || col.args[1].op == "num_columns_first") {
			d.Inter, col = true, col.args[0]
		}
		if d.Column, err = ib.lower(col); err != nil {
			return fmt.Errorf("virtual column %s column: %w", name, err)
		}
		if d.Step, err = ib.lowerTokens(vc[0][1]); err != nil {
			return fmt.Errorf("virtual column %s step: %w", name, err)
		}
		if d.RowOffset, err = ib.lowerTokens(vc[0][2]); err != nil {
			return fmt.Errorf("virtual column %s row offset: %w", name, err)
		}
		if l.Params == nil {
			_, ok1 := constInt(d.Column)
			_, ok2 := constInt(d.Step)
			_, ok3 := constInt(d.RowOffset)
			if !ok1 || !ok2 || !ok3 {
				return fmt.Errorf("virtual column %s is not constant", name)
			}
		}
		t.VCs = append(t.VCs, d)
	}
	if err := l.parseAsserts(ctx, ib); err != nil {
		return err
	}
	for _, args := range calls(ctx, "AddObject") {
		if len(args) != 2 || len(args[0]) != 1 || args[0][0].kind != 's' {
			return fmt.Errorf("unexpected AddObject")
		}
		obj := air.TraceObject{Name: args[0][0].text}
		v := args[1]
		switch {
		case len(v) == 1 && v[0].kind == 'n':
			n, err := parseNumber(v[0].text)
			if err != nil {
				return fmt.Errorf("object %s: %w", obj.Name, err)
			}
			obj.Value = "0x" + n.Text(16)
		case len(v) >= 2 && v[0].text == "{" && v[len(v)-1].text == "}":
			for _, a := range splitArgs(v[1 : len(v)-1]) {
				if len(a) != 1 || a[0].kind != 'n' {
					return fmt.Errorf("object %s: unexpected element", obj.Name)
				}
				k, err := strconv.ParseUint(a[0].text, 10, 64)
				if err != nil {
					return fmt.Errorf("object %s: %w", obj.Name, err)
				}
				obj.Indices = append(obj.Indices, k)
			}
		default:
			return fmt.Errorf("object %s: unexpected value", obj.Name)
		}
		t.Objects = append(t.Objects, obj)
	}

	m := reSegments.FindStringSubmatch(h)
	if m == nil {
		return fmt.Errorf("no kSegmentNames")
	}
	toks, err := tokenize(m[1])
	if err != nil {
		return err
	}
	for _, a := range splitArgs(toks) {
		if len(a) != 1 || a[0].kind != 's' {
			return fmt.Errorf("kSegmentNames: unexpected element")
		}
		t.Segments = append(t.Segments, a[0].text)
	}
	if len(t.Segments) < 2 || t.Segments[0] != "program" || t.Segments[1] != "execution" {
		return fmt.Errorf("kSegmentNames %v does not start with program, execution", t.Segments)
	}
	for _, seg := range t.Segments[2:] {
		p := camel(seg)
		has, ok := l.Consts["kHas"+p+"Builtin"]
		if !ok || (has != "true" && has != "false") {
			return fmt.Errorf("segment %s: no kHas%sBuiltin", seg, p)
		}
		b := builtinDef{Name: seg, Used: has == "true"}
		switch {
		case seg == "output":
		case l.Params != nil:
			enum := l.Enums["DynamicParams"]
			uses, ok1 := enum["kUses"+p+"BuiltinDynamicParam"]
			rr, ok2 := enum["k"+p+"BuiltinRowRatioDynamicParam"]
			if !ok2 {
				rr, ok2 = enum["k"+p+"RowRatioDynamicParam"]
			}
			if !ok1 || !ok2 || uses >= len(l.Params) || rr >= len(l.Params) {
				return fmt.Errorf("builtin %s: no uses/row ratio dynamic params", seg)
			}
			b.UsesParam, b.RowRatioParam = l.Params[uses], l.Params[rr]
		case b.Used:
			get := func(names ...string) (uint64, error) {
				for _, n := range names {
					if _, ok := l.Consts[n]; ok {
						return l.constU(n)
					}
				}
				return 0, fmt.Errorf("builtin %s: none of %v", seg, names)
			}
			if b.RowRatio, err = get("k"+p+"BuiltinRowRatio", "k"+p+"RowRatio"); err != nil {
				return err
			}
			if b.Ratio, err = get("k"+p+"BuiltinRatio", "k"+p+"Ratio"); err != nil {
				return err
			}
		}
		t.Builtins = append(t.Builtins, b)
	}
	// Every builtin the layout has must be a segment, or the list above
	// would leave it out.
	for name, v := range l.Consts {
		if strings.HasPrefix(name, "kHas") && strings.HasSuffix(name, "Builtin") && v == "true" {
			found := false
			for _, seg := range t.Segments {
				found = found || "kHas"+camel(seg)+"Builtin" == name
			}
			if !found {
				return fmt.Errorf("%s but no segment for it in kSegmentNames", name)
			}
		}
	}
	t.Consts = map[string]uint64{}
	for name, v := range l.Consts {
		if k, err := strconv.ParseUint(v, 10, 64); err == nil {
			t.Consts[name] = k
		}
	}
	// Integer arrays (kPoseidonPartialRoundsPartition) by element.
	for _, m := range reArray.FindAllStringSubmatch(h, -1) {
		for i, f := range strings.Split(m[2], ",") {
			k, err := strconv.ParseUint(strings.TrimSpace(f), 10, 64)
			if err != nil {
				return fmt.Errorf("%s: %w", m[1], err)
			}
			t.Consts[fmt.Sprintf("%s[%d]", m[1], i)] = k
		}
	}
	return l.checkNeighbors()
}

// checkNeighbors checks that the Neighbors enum, whose names say what
// each mask item reads, agrees with GetMask and the virtual columns: a
// fixed layout's kColumn<c>Row<r>Neighbor is mask item (r, c); a dynamic
// layout's k<VirtualColumn>ColumnRowExpr<i>Neighbor reads that virtual
// column's column.
func (l *layoutDef) checkNeighbors() error {
	names := make([]string, len(l.Mask))
	for name, k := range l.Enums["Neighbors"] {
		if k < len(names) {
			names[k] = name
		}
	}
	byCamel := map[string]*vcDef{}
	for i := range l.Trace.VCs {
		byCamel[camel(l.Trace.VCs[i].Name)] = &l.Trace.VCs[i]
	}
	for i, name := range names {
		if l.Params == nil {
			m := reNeighbor.FindStringSubmatch(name)
			if m == nil {
				return fmt.Errorf("neighbor %d: name %q", i, name)
			}
			c, _ := strconv.Atoi(m[1])
			r, _ := strconv.Atoi(m[2])
			off, _ := constInt(l.Mask[i][0])
			col, _ := constInt(l.Mask[i][1])
			if uint64(r) != off || uint64(c) != col {
				return fmt.Errorf("neighbor %s is mask item (%d, %d)", name, off, col)
			}
			continue
		}
		m := reDynNeighb.FindStringSubmatch(name)
		if m == nil {
			return fmt.Errorf("neighbor %d: name %q", i, name)
		}
		if k, _ := strconv.Atoi(m[2]); k != i {
			return fmt.Errorf("neighbor %s at index %d", name, i)
		}
		vc, ok := byCamel[m[1]]
		if !ok {
			return fmt.Errorf("neighbor %s names no virtual column", name)
		}
		if fmt.Sprint(vc.Column) != fmt.Sprint(l.Mask[i][1]) {
			return fmt.Errorf("neighbor %s: mask column %v, virtual column %s in %v", name, l.Mask[i][1], vc.Name, vc.Column)
		}
	}
	return nil
}

// emitTrace writes the Trace field of a layout (and, for the dynamic
// layout, the parts of its Dynamic field that depend on the params).
func emitTrace(w *bytes.Buffer, l *layoutDef, intExpr func(air.IntExpr) string) {
	t := &l.Trace
	dyn := l.Params != nil
	w.WriteString("Trace: &TraceContext{\n")
	if !dyn {
		w.WriteString("VirtualColumns: []VirtualColumn{\n")
		for _, v := range t.VCs {
			c, _ := constInt(v.Column)
			s, _ := constInt(v.Step)
			o, _ := constInt(v.RowOffset)
			fmt.Fprintf(w, "{%q, %d, %t, %d, %d},\n", v.Name, c, v.Inter, s, o)
		}
		w.WriteString("},\n")
	}
	if len(t.Objects) > 0 {
		w.WriteString("Objects: []TraceObject{\n")
		for _, o := range t.Objects {
			if o.Indices != nil {
				fmt.Fprintf(w, "{Name: %q, Indices: %#v},\n", o.Name, o.Indices)
			} else {
				fmt.Fprintf(w, "{Name: %q, Value: %q},\n", o.Name, o.Value)
			}
		}
		w.WriteString("},\n")
	}
	fmt.Fprintf(w, "SegmentNames: %#v,\n", t.Segments)
	w.WriteString("Builtins: []Builtin{\n")
	for _, b := range t.Builtins {
		if dyn && b.Name != "output" {
			continue
		}
		fmt.Fprintf(w, "{%q, %t, %d, %d},\n", b.Name, b.Used, b.RowRatio, b.Ratio)
	}
	w.WriteString("},\n")
	if len(t.Asserts) > 0 {
		w.WriteString("Checks: []ContextCheck{\n")
		for _, a := range t.Asserts {
			guard := "nil"
			if a.Guard != nil {
				guard = "IntExpr" + intExpr(a.Guard)
			}
			fmt.Fprintf(w, "{%s, IntExpr%s, %q, %q},\n", guard, intExpr(a.Cond), a.Text, a.Msg)
		}
		w.WriteString("},\n")
	}
	w.WriteString("Constants: map[string]uint64{\n")
	keys := make([]string, 0, len(t.Consts))
	for k := range t.Consts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "%q: %d,\n", k, t.Consts[k])
	}
	w.WriteString("},\n},\n")
}

// emitDynamicTrace writes DynamicShape's VirtualColumns and Builtins.
func emitDynamicTrace(w *bytes.Buffer, l *layoutDef, intExpr func(air.IntExpr) string) {
	w.WriteString("VirtualColumns: []DynamicVirtualColumn{\n")
	for _, v := range l.Trace.VCs {
		fmt.Fprintf(w, "{%q, %t, IntExpr%s, IntExpr%s, IntExpr%s},\n", v.Name, v.Inter, intExpr(v.Column), intExpr(v.Step), intExpr(v.RowOffset))
	}
	w.WriteString("},\nBuiltins: []DynamicBuiltin{\n")
	for _, b := range l.Trace.Builtins {
		if b.Name != "output" {
			fmt.Fprintf(w, "{%q, %q, %q},\n", b.Name, b.UsesParam, b.RowRatioParam)
		}
	}
	w.WriteString("},\n")
}

// parseAsserts reads a layout's ASSERT_RELEASE checks, with the dynamic layout's
// "if ((uses_<builtin>) != (0)) {" guards around them. Stone evaluates
// them in uint64: "x >= 0" always holds, so of those only the ones with a
// SafeDiv (which fails unless exact) are kept. The SafeDivs in the virtual
// columns' arguments are checks too: Stone adds every virtual column, a
// used builtin's or not.
func (l *layoutDef) parseAsserts(ctx []token, ib *intBuilder) error {
	wb := *ib
	wb.wrap = true
	var guards []*expr
	seen := map[string]bool{}
	add := func(cond *expr, msg string) error {
		var guard *expr
		if len(guards) > 0 {
			guard = guards[len(guards)-1]
		}
		key := fmt.Sprint(guard, cond)
		if seen[key] {
			return nil
		}
		seen[key] = true
		a := assertDef{Text: cond.String(), Msg: msg}
		var err error
		if a.Cond, err = wb.lower(cond); err != nil {
			return fmt.Errorf("assertion %s: %w", cond, err)
		}
		if guard != nil {
			if a.Guard, err = ib.lower(guard); err != nil {
				return fmt.Errorf("guard %s: %w", guard, err)
			}
		}
		l.Trace.Asserts = append(l.Trace.Asserts, a)
		return nil
	}
	for _, st := range statements(ctx) {
		switch {
		case len(st) == 1 && st[0].text == "}":
			if len(guards) == 0 {
				return fmt.Errorf("unbalanced block in GetTraceGenerationContext")
			}
			guards = guards[:len(guards)-1]
		case st[0].text == "if":
			if len(st) < 4 || st[1].text != "(" || st[len(st)-1].text != ")" {
				return fmt.Errorf("unexpected if in GetTraceGenerationContext")
			}
			g, err := parseAll(st[2 : len(st)-1])
			if err != nil {
				return err
			}
			guards = append(guards, g)
		case st[0].text == "ASSERT_RELEASE":
			c := calls(st, "ASSERT_RELEASE")
			if len(c) != 1 || len(c[0]) != 2 || len(c[0][1]) != 1 || c[0][1][0].kind != 's' {
				return fmt.Errorf("unexpected ASSERT_RELEASE")
			}
			cond, err := parseAll(c[0][0])
			if err != nil {
				return err
			}
			vacuous := cond.kind == "bin" && cond.op == ">=" && cond.args[1].kind == "num" && cond.args[1].num.Sign() == 0
			if vacuous && !strings.Contains(cond.String(), "SafeDiv(") {
				continue
			}
			if err := add(cond, c[0][1][0].text); err != nil {
				return err
			}
		}
	}
	if len(guards) != 0 {
		return fmt.Errorf("unbalanced block in GetTraceGenerationContext")
	}
	for _, args := range calls(ctx, "AddVirtualColumn") {
		for _, vc := range calls(args[1], "VirtualColumn") {
			for _, a := range vc {
				e, err := parseAll(a)
				if err != nil {
					return err
				}
				var walk func(e *expr) error
				walk = func(e *expr) error {
					if e.kind == "call" && e.op == "SafeDiv" {
						// x == x: evaluating x is the check.
						if err := add(&expr{kind: "bin", op: "==", args: []*expr{e, e}}, "virtual column "+args[0][0].text); err != nil {
							return err
						}
					}
					for _, x := range e.args {
						if err := walk(x); err != nil {
							return err
						}
					}
					return nil
				}
				if err := walk(e); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
