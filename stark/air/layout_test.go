package air

import (
	"errors"
	"testing"
)

func TestPlain(t *testing.T) {
	l, err := ByName("plain")
	if err != nil {
		t.Fatal(err)
	}
	// plain-stone sends 51 OODS values: the mask and 2 composition columns.
	if len(l.Mask)+l.ConstraintDegree != 51 {
		t.Errorf("mask %d + degree %d != 51", len(l.Mask), l.ConstraintDegree)
	}
	if l.TraceLength(1024) != 1<<14 {
		t.Errorf("trace length %d", l.TraceLength(1024))
	}
	seen := make([]bool, l.Width())
	for _, m := range l.Mask {
		if m.Column < 0 || m.Column >= l.Width() || m.RowOffset < 0 {
			t.Fatalf("bad mask item %+v", m)
		}
		seen[m.Column] = true
	}
	for c, ok := range seen {
		if !ok {
			t.Errorf("column %d not in the mask", c)
		}
	}
	if _, err := ByName("all_cairo"); !errors.Is(err, ErrUnknownLayout) {
		t.Errorf("all_cairo: %v", err)
	}
}
