package proof

import (
	"errors"
	"strconv"
	"strings"
)

// Direction of an annotated message.
type Direction int

const (
	// ProverToVerifier is a message in proof_hex ("P->V[a:b]").
	ProverToVerifier Direction = iota + 1
	// VerifierToProver is verifier randomness ("V->P"), not in proof_hex.
	VerifierToProver
)

// Annotation is one transcript line of Stone's annotations, such as
//
//	P->V[0:32]: /cpu air/STARK/Original/Commit on Trace: Commitment: Hash(0xc35b...)
//	V->P: /cpu air/STARK/FRI/QueryIndices: 0: Number(141006)
type Annotation struct {
	Dir        Direction
	Start, End int    // byte range in the proof, for ProverToVerifier
	Scope      string // "/cpu air/STARK/Original/Commit on Trace"
	Label      string // "Commitment", "Row 3098, Column 0", "0"
	Kind       string // "Hash", "Field Element", "Field Elements", "Data", "Number"
	Value      string // the text inside the parentheses
}

// ErrNotAnnotation is returned by ParseAnnotation for lines that are not
// transcript messages (the title, blank lines, statistics).
var ErrNotAnnotation = errors.New("not a transcript annotation")

// ParseAnnotation parses one transcript line.
func ParseAnnotation(line string) (Annotation, error) {
	var a Annotation
	var rest string
	switch {
	case strings.HasPrefix(line, "V->P: "):
		a.Dir = VerifierToProver
		rest = line[len("V->P: "):]
	case strings.HasPrefix(line, "P->V["):
		a.Dir = ProverToVerifier
		end := strings.Index(line, "]: ")
		if end < 0 {
			return a, formatErrf("annotation", "bad range in %q", line)
		}
		rng := line[len("P->V["):end]
		lo, hi, ok := strings.Cut(rng, ":")
		if !ok {
			return a, formatErrf("annotation", "bad range in %q", line)
		}
		var err1, err2 error
		a.Start, err1 = strconv.Atoi(lo)
		a.End, err2 = strconv.Atoi(hi)
		if err1 != nil || err2 != nil || a.Start < 0 || a.End < a.Start {
			return a, formatErrf("annotation", "bad range in %q", line)
		}
		rest = line[end+3:]
	default:
		return a, ErrNotAnnotation
	}
	parts := strings.Split(rest, ": ")
	if len(parts) < 3 {
		return a, formatErrf("annotation", "too few fields in %q", line)
	}
	a.Scope = parts[0]
	a.Label = strings.Join(parts[1:len(parts)-1], ": ")
	kv := parts[len(parts)-1]
	open := strings.IndexByte(kv, '(')
	if open < 0 || !strings.HasSuffix(kv, ")") {
		return a, formatErrf("annotation", "bad value in %q", line)
	}
	a.Kind = kv[:open]
	a.Value = kv[open+1 : len(kv)-1]
	return a, nil
}

// String formats a as Stone does.
func (a Annotation) String() string {
	var b strings.Builder
	if a.Dir == ProverToVerifier {
		b.WriteString("P->V[")
		b.WriteString(strconv.Itoa(a.Start))
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(a.End))
		b.WriteString("]: ")
	} else {
		b.WriteString("V->P: ")
	}
	b.WriteString(a.Scope)
	b.WriteString(": ")
	b.WriteString(a.Label)
	b.WriteString(": ")
	b.WriteString(a.Kind)
	b.WriteByte('(')
	b.WriteString(a.Value)
	b.WriteByte(')')
	return b.String()
}

// TranscriptAnnotations returns the transcript lines of p.Annotations,
// skipping the title, blank lines and the statistics.
func (p *Proof) TranscriptAnnotations() ([]Annotation, error) {
	var out []Annotation
	for _, l := range p.Annotations {
		a, err := ParseAnnotation(l)
		if errors.Is(err, ErrNotAnnotation) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}
