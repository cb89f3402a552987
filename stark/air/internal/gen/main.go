package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/cairn-vm/cairn/stark/air"
)

// defaultMirror is where the fetch tool places the stone-prover mirror
// (override with -mirror, or STONE_MIRROR in the test).
const defaultMirror = "/work/.mirror/starkware-libs+stone-prover/repo"

func main() {
	mirror := flag.String("mirror", defaultMirror, "bare git mirror of starkware-libs/stone-prover")
	out := flag.String("out", "stark/air", "output directory")
	flag.Parse()
	files, err := generate(*mirror)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(*out, name), data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
}

// stoneFile reads path at the mirror's HEAD.
func stoneFile(mirror, path string) (string, error) {
	out, err := exec.Command("git", "--git-dir="+mirror, "show", "HEAD:"+path).Output()
	if err != nil {
		return "", fmt.Errorf("reading %s from %s: %w", path, mirror, err)
	}
	return string(out), nil
}

// layoutIDs are the layouts generated, by Stone's definition index. 9
// (all_cairo) is left out: in Stone v3 its Neighbors enum (920 entries)
// disagrees with its GetMask (743 items), so its ConstraintsEval reads
// neighbors by indices that do not match the mask.
var layoutIDs = []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12}

// generate returns the generated files by name.
func generate(mirror string) (map[string][]byte, error) {
	files := map[string][]byte{}
	for _, id := range layoutIDs {
		base := "src/starkware/air/cpu/board/cpu_air_definition" + strconv.Itoa(id)
		h, err := stoneFile(mirror, base+".h")
		if err != nil {
			return nil, err
		}
		inl, err := stoneFile(mirror, base+".inl")
		if err != nil {
			return nil, err
		}
		l, err := parseLayout(id, h, inl)
		if err != nil {
			return nil, fmt.Errorf("cpu_air_definition%d: %w", id, err)
		}
		src, err := emitLayout(l)
		if err != nil {
			return nil, fmt.Errorf("cpu_air_definition%d: %w", id, err)
		}
		files["layout_"+l.Name+"_gen.go"] = src
	}
	ec, err := stoneFile(mirror, "src/starkware/algebra/elliptic_curve/elliptic_curve_constants.h")
	if err != nil {
		return nil, err
	}
	src, err := emitCurve(ec)
	if err != nil {
		return nil, err
	}
	files["curve_gen.go"] = src
	return files, nil
}

type layoutDef struct {
	ID       int
	Name     string
	Consts   map[string]string
	Enums    map[string]map[string]int
	NInter   int
	Mask     [][2]air.IntExpr
	Periodic []periodicDef
	PubStep  air.IntExpr
	Prog     *air.Program
	Params   []string // dynamic params, in Stone's order; nil for a fixed layout
	Trace    traceDef
}

type periodicDef struct {
	Name   string
	Index  int
	Step   air.IntExpr
	Values []string // nil: computed at run time (pedersen, ecdsa)
}

var (
	reConst  = regexp.MustCompile(`static constexpr (?:uint64_t|bool|int) (k\w+) = ([^;]+);`)
	reName   = regexp.MustCompile(`kLayoutName\[\] = "(\w+)"`)
	reInter  = regexp.MustCompile(`InteractionParams interaction_params\{(\w+), (\w+), (\d+)\}`)
	reEnum   = regexp.MustCompile(`(?s)enum (\w+) \{(.*?)\};`)
	reData   = regexp.MustCompile(`(?s)static constexpr std::array<FieldElementT, (\d+)>\s*(k\w+PeriodicColumnData) = \{(.*?)\};`)
	reMember = regexp.MustCompile(`(\w+)\(\s*dynamic_params_\[(k\w+DynamicParam)\]\)`)
)

// calls returns the argument lists of every call of name in toks (a
// template argument list after the name is skipped).
func calls(toks []token, name string) [][][]token {
	var out [][][]token
	for i := 0; i < len(toks); i++ {
		if toks[i].kind != 'i' || toks[i].text != name {
			continue
		}
		j := i + 1
		if j < len(toks) && toks[j].text == "<" {
			// Skip the template arguments, which may nest
			// (AddObject<std::vector<size_t>>).
			for depth := 0; j < len(toks); j++ {
				if toks[j].text == "<" {
					depth++
				} else if toks[j].text == ">" {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			j++
		}
		if j >= len(toks) || toks[j].text != "(" {
			continue
		}
		depth := 0
		k := j
		for ; k < len(toks); k++ {
			if toks[k].kind == 'p' && (toks[k].text == "(" || toks[k].text == "[" || toks[k].text == "{") {
				depth++
			} else if toks[k].kind == 'p' && (toks[k].text == ")" || toks[k].text == "]" || toks[k].text == "}") {
				depth--
				if depth == 0 {
					break
				}
			}
		}
		out = append(out, splitArgs(toks[j+1:k]))
		i = k
	}
	return out
}

func parseLayout(id int, h, inl string) (*layoutDef, error) {
	l := &layoutDef{ID: id, Consts: map[string]string{}, Enums: map[string]map[string]int{}}
	m := reName.FindStringSubmatch(h)
	if m == nil {
		return nil, fmt.Errorf("no kLayoutName")
	}
	l.Name = m[1]
	for _, m := range reConst.FindAllStringSubmatch(h, -1) {
		l.Consts[m[1]] = strings.TrimSpace(m[2])
	}
	m = reInter.FindStringSubmatch(h)
	if m == nil {
		return nil, fmt.Errorf("no InteractionParams")
	}
	l.NInter, _ = strconv.Atoi(m[3])
	for _, m := range reEnum.FindAllStringSubmatch(h, -1) {
		members := map[string]int{}
		toks, err := tokenize(m[2])
		if err != nil {
			return nil, err
		}
		k := 0
		for _, t := range toks {
			if t.kind == 'i' {
				members[t.text] = k
				k++
			}
		}
		l.Enums[m[1]] = members
	}

	// Integer names: the trace length, and for the dynamic layout its
	// params (members initialized from dynamic_params_[k...DynamicParam]).
	ib := &intBuilder{vars: map[string]uint64{"trace_length_": 0}, consts: map[string]uint64{}}
	for name, k := range l.Enums["Columns"] {
		ib.consts[name] = uint64(k)
	}
	if l.Consts["kIsDynamicAir"] == "true" {
		body, err := functionBody(inl, ">::ParseDynamicParams(")
		if err != nil {
			return nil, err
		}
		for _, args := range calls(body, "at") {
			if len(args) != 1 || len(args[0]) != 1 || args[0][0].kind != 's' {
				return nil, fmt.Errorf("unexpected params.at")
			}
			l.Params = append(l.Params, args[0][0].text)
		}
		enum := l.Enums["DynamicParams"]
		if len(l.Params) != len(enum)-1 {
			return nil, fmt.Errorf("%d dynamic params parsed, enum has %d", len(l.Params), len(enum)-1)
		}
		for _, m := range reMember.FindAllStringSubmatch(h, -1) {
			k, ok := enum[m[2]]
			if !ok {
				return nil, fmt.Errorf("dynamic param %s", m[2])
			}
			// The generated names agree: member x reads param "x".
			if l.Params[k] != m[1] {
				return nil, fmt.Errorf("member %s reads param %d, %q", m[1], k, l.Params[k])
			}
			ib.vars[m[1]] = uint64(k) + 1
		}
	}

	body, err := functionBody(inl, ">::GetMask()")
	if err != nil {
		return nil, err
	}
	for _, args := range calls(body, "emplace_back") {
		if len(args) != 2 {
			return nil, fmt.Errorf("mask item with %d arguments", len(args))
		}
		off, err := ib.lowerTokens(args[0])
		if err != nil {
			return nil, fmt.Errorf("mask offset: %w", err)
		}
		col, err := ib.lowerTokens(args[1])
		if err != nil {
			return nil, fmt.Errorf("mask column: %w", err)
		}
		l.Mask = append(l.Mask, [2]air.IntExpr{off, col})
	}
	if len(l.Mask) != len(l.Enums["Neighbors"])-1 {
		return nil, fmt.Errorf("mask has %d items, Neighbors %d", len(l.Mask), len(l.Enums["Neighbors"])-1)
	}

	ctx, err := functionBody(inl, ">::GetTraceGenerationContext()")
	if err != nil {
		return nil, err
	}
	virtualColumn := func(args [][]token) ([][]token, error) {
		if len(args) != 2 || len(args[0]) != 1 || args[0][0].kind != 's' {
			return nil, fmt.Errorf("unexpected column definition")
		}
		vc := calls(args[1], "VirtualColumn")
		if len(vc) != 1 || len(vc[0]) != 3 {
			return nil, fmt.Errorf("%s: unexpected VirtualColumn", args[0][0].text)
		}
		return vc[0], nil
	}
	for _, args := range calls(ctx, "AddPeriodicColumn") {
		vc, err := virtualColumn(args)
		if err != nil {
			return nil, err
		}
		name := args[0][0].text
		if len(vc[0]) != 1 {
			return nil, fmt.Errorf("periodic column %s: column", name)
		}
		k, ok := l.Enums["PeriodicColumns"][vc[0][0].text]
		if !ok {
			return nil, fmt.Errorf("periodic column %s", vc[0][0].text)
		}
		step, err := ib.lowerTokens(vc[1])
		if err != nil {
			return nil, fmt.Errorf("periodic column %s step: %w", name, err)
		}
		// air.PeriodicColumn has no row offset: Stone's are all 0.
		if off, err := ib.lowerTokens(vc[2]); err != nil {
			return nil, fmt.Errorf("periodic column %s row offset: %w", name, err)
		} else if v, ok := constInt(off); !ok || v != 0 {
			return nil, fmt.Errorf("periodic column %s: row offset is not 0", name)
		}
		l.Periodic = append(l.Periodic, periodicDef{Name: name, Index: k, Step: step})
	}
	if len(l.Periodic) != len(l.Enums["PeriodicColumns"])-1 {
		return nil, fmt.Errorf("%d periodic columns found, enum has %d", len(l.Periodic), len(l.Enums["PeriodicColumns"])-1)
	}
	for _, args := range calls(ctx, "AddVirtualColumn") {
		if len(args) == 2 && len(args[0]) == 1 && args[0][0].text == "orig/public_memory/addr" {
			vc, err := virtualColumn(args)
			if err != nil {
				return nil, err
			}
			if l.PubStep, err = ib.lowerTokens(vc[1]); err != nil {
				return nil, fmt.Errorf("public memory step: %w", err)
			}
		}
	}
	if l.PubStep == nil {
		return nil, fmt.Errorf("no orig/public_memory/addr virtual column")
	}
	if err := l.parseTrace(h, ctx, ib); err != nil {
		return nil, err
	}

	data := map[string][]string{}
	for _, m := range reData.FindAllStringSubmatch(h, -1) {
		toks, err := tokenize(m[3])
		if err != nil {
			return nil, err
		}
		var vals []string
		for _, a := range splitArgs(toks) {
			e, err := parseAll(a)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", m[2], err)
			}
			switch {
			case e.kind == "call" && e.op == "FieldElementT::Zero":
				vals = append(vals, "0")
			case e.kind == "call" && e.op == "FieldElementT::One":
				vals = append(vals, "1")
			case e.kind == "call" && e.op == "FieldElementT::ConstexprFromBigInt" && len(e.args) == 1 && e.args[0].kind == "num":
				vals = append(vals, "0x"+e.args[0].num.Text(16))
			default:
				return nil, fmt.Errorf("%s: value %s", m[2], e)
			}
		}
		if n, _ := strconv.Atoi(m[1]); n != len(vals) {
			return nil, fmt.Errorf("%s: %d values, declared %d", m[2], len(vals), n)
		}
		data[m[2]] = vals
	}
	if strings.Contains(inl, ">::BuildAutoPeriodicColumns(") {
		auto, err := functionBody(inl, ">::BuildAutoPeriodicColumns(")
		if err != nil {
			return nil, err
		}
		for _, args := range calls(auto, "AddPeriodicColumn") {
			pc := calls(args[0], "PeriodicColumn")
			if len(args) != 2 || len(args[1]) != 1 || len(pc) != 1 || len(pc[0]) != 5 || len(pc[0][0]) != 1 {
				return nil, fmt.Errorf("unexpected BuildAutoPeriodicColumns item")
			}
			dataName := pc[0][0][0].text
			if dataName == "kTrivialPeriodicColumnData" {
				continue // the unused-builtin branch of the dynamic layout
			}
			k, ok := l.Enums["PeriodicColumns"][args[1][0].text]
			vals, ok2 := data[dataName]
			if !ok || !ok2 {
				return nil, fmt.Errorf("periodic column %s / %s", args[1][0].text, dataName)
			}
			step, err := ib.lowerTokens(pc[0][4])
			if err != nil {
				return nil, fmt.Errorf("%s step: %w", dataName, err)
			}
			found := false
			for i := range l.Periodic {
				if l.Periodic[i].Index == k {
					if fmt.Sprint(l.Periodic[i].Step) != fmt.Sprint(step) {
						return nil, fmt.Errorf("%s: step %v in the context, %v in BuildAutoPeriodicColumns", dataName, l.Periodic[i].Step, step)
					}
					l.Periodic[i].Values = vals
					found = true
				}
			}
			if !found {
				return nil, fmt.Errorf("%s not in the trace context", dataName)
			}
		}
	}

	b := newProgBuilder(l.Enums, ib)
	for _, list := range []struct {
		name string
		dst  *[]air.IntExpr
	}{{"point_exponents", &b.prog.PointExponents}, {"gen_exponents", &b.prog.GenExponents}} {
		i := strings.Index(inl, list.name+" = {")
		if i < 0 {
			return nil, fmt.Errorf("no %s", list.name)
		}
		j := strings.Index(inl[i:], "};")
		toks, err := tokenize(inl[i+len(list.name)+4 : i+j])
		if err != nil {
			return nil, err
		}
		for _, a := range splitArgs(toks) {
			ie, err := ib.lowerTokens(a)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", list.name, err)
			}
			*list.dst = append(*list.dst, ie)
		}
	}
	body, err = functionBody(inl, ">::DomainEvalsAtPoint(")
	if err != nil {
		return nil, err
	}
	if err := b.function(body, true); err != nil {
		return nil, fmt.Errorf("DomainEvalsAtPoint: %w", err)
	}
	body, err = functionBody(inl, ">::ConstraintsEval(")
	if err != nil {
		return nil, err
	}
	if err := b.function(body, false); err != nil {
		return nil, fmt.Errorf("ConstraintsEval: %w", err)
	}
	if want := len(l.Enums["Constraints"]) - 1; b.prog.NCoefficients != want {
		return nil, fmt.Errorf("%d coefficients used, %d constraints", b.prog.NCoefficients, want)
	}
	l.Prog = &b.prog
	return l, nil
}

func (l *layoutDef) constU(name string) (uint64, error) {
	s, ok := l.Consts[name]
	if !ok {
		return 0, fmt.Errorf("no %s", name)
	}
	return strconv.ParseUint(s, 10, 64)
}

func (l *layoutDef) constOr0(name string) uint64 {
	v, _ := l.constU(name)
	return v
}

func goName(layout string) string {
	var b strings.Builder
	for _, part := range strings.Split(layout, "_") {
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

const header = "// Code generated by stark/air/internal/gen from Stone's %s; DO NOT EDIT.\n\npackage air\n\n"

func emitLayout(l *layoutDef) ([]byte, error) {
	var w bytes.Buffer
	fmt.Fprintf(&w, header, fmt.Sprintf("cpu_air_definition%d.h/.inl", l.ID))
	deg, err := l.constU("kConstraintDegree")
	if err != nil {
		return nil, err
	}
	height, err := l.constU("kCpuComponentHeight")
	if err != nil {
		return nil, err
	}
	dyn := l.Params != nil
	fmt.Fprintf(&w, "// %s is the %s layout (Stone's CpuAirDefinition<.., %d>).\n", goName(l.Name), l.Name, l.ID)
	fmt.Fprintf(&w, "var %s = &Layout{\n", goName(l.Name))
	fmt.Fprintf(&w, "Name: %q, StoneID: %d,\n", l.Name, l.ID)
	if !dyn {
		nFirst, err := l.constU("kNumColumnsFirst")
		if err != nil {
			return nil, err
		}
		nSecond, err := l.constU("kNumColumnsSecond")
		if err != nil {
			return nil, err
		}
		step, err := l.constU("kCpuComponentStep")
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&w, "NColumnsFirst: %d, NColumnsSecond: %d, CpuComponentStep: %d,\n", nFirst, nSecond, step)
	}
	fmt.Fprintf(&w, "NInteractionElements: %d, ConstraintDegree: %d, CpuComponentHeight: %d,\n", l.NInter, deg, height)
	if l.Consts["kHasDilutedPool"] == "true" {
		fmt.Fprintf(&w, "HasDilutedPool: true, DilutedSpacing: %d, DilutedNBits: %d,\n", l.constOr0("kDilutedSpacing"), l.constOr0("kDilutedNBits"))
	}
	if l.Consts["kHasAddModBuiltin"] == "true" || l.Consts["kHasMulModBuiltin"] == "true" {
		fmt.Fprintf(&w, "HasAddMod: %s, HasMulMod: %s,\n", l.Consts["kHasAddModBuiltin"], l.Consts["kHasMulModBuiltin"])
	}
	if v := l.constOr0("kEcdsaElementBits"); v != 0 {
		fmt.Fprintf(&w, "EcdsaElementBits: %d, EcdsaElementHeight: %d,\n", v, l.constOr0("kEcdsaElementHeight"))
	}
	intExpr := func(ie air.IntExpr) string {
		var b strings.Builder
		b.WriteString("{")
		for _, n := range ie {
			fmt.Fprintf(&b, "{%d, %d, %d, %d, %d}, ", n.Op, n.A, n.B, n.C, n.K)
		}
		b.WriteString("}")
		return b.String()
	}
	if dyn {
		w.WriteString("Dynamic: &DynamicShape{\nParams: []string{")
		for i, p := range l.Params {
			if i%4 == 0 {
				w.WriteString("\n")
			}
			fmt.Fprintf(&w, "%q, ", p)
		}
		w.WriteString("\n},\nMask: [][2]IntExpr{\n")
		for _, m := range l.Mask {
			fmt.Fprintf(&w, "{%s, %s},\n", intExpr(m[0]), intExpr(m[1]))
		}
		fmt.Fprintf(&w, "},\nPublicMemoryStep: IntExpr%s,\nPeriodicSteps: []IntExpr{\n", intExpr(l.PubStep))
		for _, p := range l.Periodic {
			fmt.Fprintf(&w, "%s,\n", intExpr(p.Step))
		}
		w.WriteString("},\n")
		emitDynamicTrace(&w, l, intExpr)
		w.WriteString("},\n")
	} else {
		pub, ok := constInt(l.PubStep)
		if !ok {
			return nil, fmt.Errorf("public memory step is not constant")
		}
		fmt.Fprintf(&w, "PublicMemoryStep: %d,\n", pub)
		w.WriteString("Mask: mask(")
		for i, m := range l.Mask {
			off, ok1 := constInt(m[0])
			col, ok2 := constInt(m[1])
			if !ok1 || !ok2 {
				return nil, fmt.Errorf("mask item %d is not constant", i)
			}
			if i%16 == 0 {
				w.WriteString("\n")
			}
			fmt.Fprintf(&w, "%d, %d, ", off, col)
		}
		w.WriteString("\n),\n")
	}
	if len(l.Periodic) > 0 {
		w.WriteString("Periodic: []PeriodicColumn{\n")
		for _, p := range l.Periodic {
			step, ok := constInt(p.Step)
			if !ok && !dyn {
				return nil, fmt.Errorf("periodic column %s: step is not constant", p.Name)
			}
			fmt.Fprintf(&w, "{Name: %q, Index: %d, Step: %d", p.Name, p.Index, step)
			if p.Values != nil {
				w.WriteString(", Values: []string{")
				for i, v := range p.Values {
					if i%4 == 0 {
						w.WriteString("\n")
					}
					fmt.Fprintf(&w, "%q, ", v)
				}
				w.WriteString("\n}")
			}
			w.WriteString("},\n")
		}
		w.WriteString("},\n")
	}
	emitTrace(&w, l, intExpr)
	w.WriteString("Constraints: &Program{\n")
	emitInts := func(name string, list []air.IntExpr) {
		if len(list) == 0 {
			return
		}
		fmt.Fprintf(&w, "%s: []IntExpr{\n", name)
		for _, ie := range list {
			fmt.Fprintf(&w, "%s,\n", intExpr(ie))
		}
		w.WriteString("},\n")
	}
	p := l.Prog
	emitInts("PointExponents", p.PointExponents)
	emitInts("GenExponents", p.GenExponents)
	emitInts("Conds", p.Conds)
	w.WriteString("Inputs: []string{\n")
	for _, s := range p.Inputs {
		fmt.Fprintf(&w, "%q,\n", s)
	}
	w.WriteString("},\nConsts: []string{\n")
	for _, s := range p.Consts {
		fmt.Fprintf(&w, "%q,\n", s)
	}
	w.WriteString("},\nNodes: []Node{")
	for i, n := range p.Nodes {
		if i%8 == 0 {
			w.WriteString("\n")
		}
		fmt.Fprintf(&w, "{%d, %d, %d}, ", n.Op, n.A, n.B)
	}
	w.WriteString("\n},\nFractions: []Fraction{")
	for i, f := range p.Fractions {
		if i%8 == 0 {
			w.WriteString("\n")
		}
		fmt.Fprintf(&w, "{%d, %d, %d}, ", f.Num, f.Den, f.Cond)
	}
	fmt.Fprintf(&w, "\n},\nNCoefficients: %d,\n},\n}\n\nfunc init() { register(%s) }\n", p.NCoefficients, goName(l.Name))
	return format.Source(w.Bytes())
}

// emitCurve writes kPrimeFieldEc0 (the STARK curve and its constant
// points) and the list of generated layouts.
func emitCurve(src string) ([]byte, error) {
	i := strings.Index(src, "kPrimeFieldEc0")
	if i < 0 {
		return nil, fmt.Errorf("no kPrimeFieldEc0 in elliptic_curve_constants.h")
	}
	toks, err := tokenize(src[i:])
	if err != nil {
		return nil, err
	}
	var nums []string
	for _, t := range toks {
		if t.kind == 'p' && t.text == ";" {
			break
		}
		if t.kind == 'n' {
			v, err := parseNumber(t.text)
			if err != nil {
				return nil, err
			}
			nums = append(nums, "0x"+v.Text(16))
		}
	}
	if len(nums) < 3+2*506 || (len(nums)-3)%2 != 0 {
		return nil, fmt.Errorf("kPrimeFieldEc0: %d numbers", len(nums))
	}
	var w bytes.Buffer
	fmt.Fprintf(&w, header, "elliptic_curve_constants.h (kPrimeFieldEc0)")
	w.WriteString("// The STARK curve y² = x³ + alpha·x + beta of order curveOrder, and the\n// first 506 of its constant points (Stone's kPrimeFieldEc0.k_points: the\n// Pedersen shift point, the ECDSA generator, then the Pedersen hash points).\n")
	fmt.Fprintf(&w, "const (\ncurveAlpha = %q\ncurveBeta = %q\ncurveOrder = %q\n)\n\n", nums[0], nums[1], nums[2])
	// Only the points the AIR uses: the shift point, the ECDSA generator
	// and the 2·252 Pedersen hash points.
	const nPoints = 2 + 2*252
	w.WriteString("var curvePoints = [][2]string{\n")
	for j := 3; j+1 < len(nums) && j < 3+2*nPoints; j += 2 {
		fmt.Fprintf(&w, "{%q, %q},\n", nums[j], nums[j+1])
	}
	w.WriteString("}\n")
	return format.Source(w.Bytes())
}
