package hints

import (
	"fmt"
	"strings"
	"sync"
)

// Func implements one hint.
type Func func(ctx *Context) error

// Registry maps normalized hint code to implementations.
type Registry struct {
	mu     sync.RWMutex
	byCode map[string]Func
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{byCode: map[string]Func{}} }

// Default holds every hint Cairn implements; family files register into it
// from init functions.
var Default = NewRegistry()

// Normalize canonicalizes hint code: lines trimmed, blank lines dropped.
func Normalize(code string) string {
	lines := strings.Split(code, "\n")
	out := lines[:0]
	for _, l := range lines {
		if t := strings.TrimSpace(l); t != "" {
			out = append(out, t)
		}
	}
	return strings.Join(out, "\n")
}

// Register adds an implementation for code. Registering the same
// normalized code twice is a programming error and panics at init.
func (r *Registry) Register(code string, f Func) {
	r.mu.Lock()
	defer r.mu.Unlock()
	k := Normalize(code)
	if _, dup := r.byCode[k]; dup {
		panic(fmt.Sprintf("hints: duplicate registration of %q", code))
	}
	r.byCode[k] = f
}

// Lookup returns the implementation for code.
func (r *Registry) Lookup(code string) (Func, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	f, ok := r.byCode[Normalize(code)]
	return f, ok
}

// Codes returns the normalized codes registered.
func (r *Registry) Codes() []string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	out := make([]string, 0, len(r.byCode))
	for k := range r.byCode {
		out = append(out, k)
	}
	return out
}

// Clone returns a copy that can be extended without touching r.
func (r *Registry) Clone() *Registry {
	c := NewRegistry()
	r.mu.RLock()
	defer r.mu.RUnlock()
	for k, v := range r.byCode {
		c.byCode[k] = v
	}
	return c
}

func register(code string, f Func) { Default.Register(code, f) }
