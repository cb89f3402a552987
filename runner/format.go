package runner

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/cairn-vm/cairn/builtins"
	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/hints"
	"github.com/cairn-vm/cairn/program"
	"github.com/cairn-vm/cairn/vm"
	"github.com/cairn-vm/cairn/vm/memory"
)

// maxTraceback is cairo-lang's MAX_TRACEBACK_ENTRIES.
const maxTraceback = 20

// FormatError renders an error of this run the way cairo-run prints it on
// stderr: error_message attributes, the source location (with its parent
// locations) of the failing instruction or hint, the Cairo traceback, and
// the hint's exception.
func (r *Runner) FormatError(err error) string {
	var se *vm.StepError
	if !errors.As(err, &se) {
		var sec *SecurityError
		if errors.As(err, &sec) {
			const name = "starkware.cairo.lang.vm.vm_exceptions.SecurityError: "
			if sec.FromBuiltin {
				return "AssertionError: " + sec.Msg + "\n\nDuring handling of the above exception, another exception occurred:\n\n" + name + sec.Msg
			}
			return name + sec.Msg
		}
		// cairo-run lets this exception escape (its trace is too short for
		// a builtin or for the holes when --steps fixes the length), so
		// Python prints it under its qualified class name.
		var ic *builtins.InsufficientCellsError
		if errors.As(err, &ic) {
			return "starkware.cairo.lang.vm.builtin_runner.InsufficientAllocatedCells: " + ic.Msg
		}
		return "Error: " + err.Error()
	}
	p := r.Program
	var b strings.Builder
	pcOff := -1
	if se.PC.Segment == r.ProgramBase.Segment {
		pcOff = int(se.PC.Offset)
	}
	b.WriteString(r.errorAttrs(pcOff, se.FP))

	inner := se.Err.Error()
	var unknown *hints.UnknownHintError
	isHint := se.HintIndex >= 0
	if isHint && !errors.As(se.Err, &unknown) {
		inner = "Got an exception while executing a hint."
	}
	msg := fmt.Sprintf("Error at pc=%v:\n%s", se.PC, inner)

	var loc *program.Location
	if il := p.Location(pcOff); il != nil {
		loc = &il.Inst
		if isHint && se.HintIndex < len(il.Hints) && il.Hints[se.HintIndex] != nil {
			loc = &il.Hints[se.HintIndex].Location
		}
	}
	if loc == nil {
		b.WriteString(msg + "\n")
	} else {
		var parts []string
		for l, m := loc, msg; l != nil; l, m = l.Parent, l.ParentMsg {
			parts = append([]string{r.locationString(l, m)}, parts...)
		}
		for _, s := range parts {
			b.WriteString(s + "\n")
		}
	}
	if !se.NoTraceback {
		if tb := r.traceback(se.FP); tb != "" {
			b.WriteString(tb + "\n")
		}
	}
	if isHint && unknown == nil {
		b.WriteString(pythonException(se.Err) + "\n")
	}
	return strings.TrimRight(b.String(), " \n\t")
}

// locationString is cairo-lang's Location.to_string_with_content.
func (r *Runner) locationString(l *program.Location, msg string) string {
	s := fmt.Sprintf("%s:%d:%d", l.InputFile.Filename, l.StartLine, l.StartCol)
	if msg != "" {
		s += ": " + msg
	}
	content, ok := r.sourceContent(l.InputFile.Filename)
	if !ok {
		return s
	}
	return s + "\n" + locationMarks(content, l)
}

func (r *Runner) sourceContent(name string) (string, bool) {
	if r.Program.DebugInfo != nil {
		if c, ok := r.Program.DebugInfo.FileContents[name]; ok {
			return c, true
		}
	}
	if name == "" {
		return "", false
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return "", false
	}
	return string(data), true
}

// locationMarks is cairo-lang's get_location_marks: the line and a ^***^
// underline.
func locationMarks(content string, l *program.Location) string {
	lines := splitLines(content)
	if l.StartLine-1 < 0 || l.StartLine-1 >= len(lines) {
		return ""
	}
	line := lines[l.StartLine-1]
	res := line + "\n"
	endCol := len(line) + 1
	if l.StartLine == l.EndLine {
		endCol = l.EndCol
	}
	pad := strings.Repeat(" ", max(l.StartCol-1, 0))
	if endCol > l.StartCol+1 {
		res += pad + "^" + strings.Repeat("*", endCol-l.StartCol-2) + "^"
	} else {
		res += pad + "^"
	}
	return res
}

// splitLines is Python's str.splitlines for the line breaks sources use.
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// traceback walks the fp chain as cairo-lang's get_traceback_entries does.
func (r *Runner) traceback(fp memory.Ptr) string {
	mem := r.Mem
	type entry struct {
		fp memory.Ptr
		pc memory.Ptr
	}
	var entries []entry
	for i := 0; i < maxTraceback; i++ {
		fm2, err1 := fp.Add(-2)
		fm1, err2 := fp.Add(-1)
		if err1 != nil || err2 != nil {
			break
		}
		savedFP := mem.Get(fm2)
		if savedFP == memory.FromPtr(fp) {
			break
		}
		retPC := mem.Get(fm1)
		nfp, ok1 := savedFP.Ptr()
		rpc, ok2 := retPC.Ptr()
		if !ok1 || !ok2 {
			break
		}
		fp = nfp
		var callPC memory.Ptr
		p1, e1 := rpc.Add(-1)
		p2, e2 := rpc.Add(-2)
		if e1 != nil || e2 != nil {
			break
		}
		i1, ok1 := mem.Get(p1).Felt()
		i0, ok0 := mem.Get(p2).Felt()
		switch {
		case ok1 && vm.IsCall(i1, felt.Felt{}, false):
			callPC = p1
		case ok0 && ok1 && vm.IsCall(i0, i1, true):
			callPC = p2
		default:
			i = maxTraceback
			continue
		}
		entries = append(entries, entry{fp, callPC})
	}
	if len(entries) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("Cairo traceback (most recent call last):\n")
	for i := len(entries) - 1; i >= 0; i-- {
		e := entries[i]
		off := -1
		if e.pc.Segment == r.ProgramBase.Segment {
			off = int(e.pc.Offset)
		}
		b.WriteString(r.errorAttrs(off, e.fp))
		il := r.Program.Location(off)
		if il == nil {
			fmt.Fprintf(&b, "Unknown location (pc=%v)\n", e.pc)
			continue
		}
		b.WriteString(r.locationString(&il.Inst, fmt.Sprintf("(pc=%v)", e.pc)) + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

var refPattern = regexp.MustCompile(`{([a-zA-Z_0-9.]+)}`)

// errorAttrs renders the error_message attributes around pc, substituting
// fp-based references as cairo-lang does.
func (r *Runner) errorAttrs(pc int, fp memory.Ptr) string {
	if pc < 0 {
		return ""
	}
	var b strings.Builder
	for _, a := range r.Program.Attributes {
		if a.Name != "error_message" || pc < a.StartPC || pc >= a.EndPC {
			continue
		}
		msg := a.Value
		if a.FlowTracking != nil {
			var invalid []string
			msg = refPattern.ReplaceAllStringFunc(msg, func(m string) string {
				name := m[1 : len(m)-1]
				v, err := r.evalAttrRef(a, name, fp)
				if err != nil {
					invalid = append(invalid, "'"+name+"'")
					return m
				}
				return v
			})
			if len(invalid) > 0 {
				msg += fmt.Sprintf(" (Cannot evaluate ap-based or complex references: [%s])", strings.Join(invalid, ", "))
			}
		}
		b.WriteString("Error message: " + msg + "\n")
	}
	return b.String()
}

func (r *Runner) evalAttrRef(a program.Attribute, name string, fp memory.Ptr) (string, error) {
	p := r.Program
	_, full, ok := p.Search(a.AccessibleScopes, name)
	if !ok {
		return "", fmt.Errorf("unknown")
	}
	id, ok := a.FlowTracking.ReferenceIDs[full]
	if !ok || id < 0 || id >= len(p.References) {
		return "", fmt.Errorf("unknown")
	}
	ref := p.References[id]
	if program.UsesAP(ref.Expr) {
		return "", fmt.Errorf("ap-based")
	}
	v, err := hints.Eval(ref.Expr, memory.Ptr{}, fp, r.Mem)
	if err != nil {
		return "", err
	}
	if f, ok := v.Felt(); ok {
		return f.Signed().String(), nil
	}
	return v.String(), nil
}

// pythonException renders a hint's failure as the last line of the Python
// traceback cairo-run prints for it.
func pythonException(err error) string {
	var (
		ae *hints.AssertionError
		ve *memory.ValidationError
		iw *memory.InconsistentWriteError
		uc *memory.UnknownCellError
	)
	switch {
	case errors.As(err, &ae):
		return "AssertionError: " + ae.Msg
	case errors.As(err, &ve):
		return "AssertionError: " + ve.Error()
	case errors.As(err, &iw):
		return "starkware.cairo.lang.vm.memory_dict.InconsistentMemoryError: " + iw.Error()
	case errors.As(err, &uc):
		return "starkware.cairo.lang.vm.memory_dict.UnknownMemoryError: " + uc.Error()
	}
	return "Error: " + err.Error()
}
