package channel

import "strings"

// Annotator records transcript lines in Stone's annotation format. Scopes
// nest like Stone's AnnotationScope; the root scope is the proof's title
// ("cpu air").
type Annotator struct {
	scopes []string
	scope  string
	Lines  []string
	// Extra holds the verifier-side values Stone writes with
	// --extra_output_file, one "scope: label: Kind(value)" line each.
	Extra []string
}

// NewAnnotator returns an annotator with the given root scope.
func NewAnnotator(root string) *Annotator {
	a := &Annotator{}
	a.Push(root)
	return a
}

// Push opens a nested scope.
func (a *Annotator) Push(s string) {
	a.scopes = append(a.scopes, s)
	a.scope = "/" + strings.Join(a.scopes, "/")
}

// Pop closes the innermost scope.
func (a *Annotator) Pop() {
	if len(a.scopes) > 0 {
		a.scopes = a.scopes[:len(a.scopes)-1]
	}
	a.scope = "/" + strings.Join(a.scopes, "/")
}

// Scope returns the current scope path ("/cpu air/STARK/FRI").
func (a *Annotator) Scope() string { return a.scope }

func (a *Annotator) add(line string) { a.Lines = append(a.Lines, line) }

func (a *Annotator) addExtra(label, kind, value string) {
	a.Extra = append(a.Extra, a.scope+": "+label+": "+kind+"("+value+")")
}
