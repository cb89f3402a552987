package hints

import (
	"strings"

	"github.com/cairn-vm/cairn/program"
	"github.com/cairn-vm/cairn/vm"
)

// Bound is a program's hint tied to its implementation and its references,
// resolved once at load. It implements vm.Hint.
type Bound struct {
	Code   string
	PC     int // offset in the program
	Index  int // position among the hints at PC
	Scopes []string
	f      Func
	env    *Env
	flow   program.FlowTracking
	refs   map[string]*program.Reference
	// ctx is reused by every execution: a Bound belongs to one run, its
	// hints run one at a time, and a Context built per call would be a heap
	// allocation per hint.
	ctx Context
}

// Implemented reports whether the hint has an implementation.
func (b *Bound) Implemented() bool { return b.f != nil }

// Exec runs the hint.
func (b *Bound) Exec(v *vm.VM) error {
	if b.f == nil {
		return &UnknownHintError{Code: b.Code, PC: v.PC}
	}
	b.ctx = Context{VM: v, Mem: v.Mem, Env: b.env, Hint: b}
	return b.f(&b.ctx)
}

// Bind resolves every hint of env.Program against reg and returns them by
// pc offset.
func Bind(reg *Registry, env *Env) map[int][]*Bound {
	p := env.Program
	out := make(map[int][]*Bound, len(p.Hints))
	for pc, hs := range p.Hints {
		for i, h := range hs {
			f, _ := reg.Lookup(h.Code)
			out[pc] = append(out[pc], &Bound{
				Code: h.Code, PC: pc, Index: i, Scopes: h.AccessibleScopes,
				f: f, env: env, flow: h.FlowTracking, refs: resolveRefs(p, h),
			})
		}
	}
	return out
}

// resolveRefs maps the short names a hint can use to references, the
// innermost accessible scope winning.
func resolveRefs(p *program.Program, h program.Hint) map[string]*program.Reference {
	refs := map[string]*program.Reference{}
	for i := len(h.AccessibleScopes) - 1; i >= 0; i-- {
		prefix := h.AccessibleScopes[i] + "."
		for full, id := range h.FlowTracking.ReferenceIDs {
			rest, ok := strings.CutPrefix(full, prefix)
			if !ok || strings.Contains(rest, ".") {
				continue
			}
			if _, seen := refs[rest]; !seen && id >= 0 && id < len(p.References) {
				refs[rest] = &p.References[id]
			}
		}
	}
	return refs
}
