package main

import (
	"encoding/json"
	"testing"
)

// TestDecodeProgramInput: integers keep every digit (Python's json reads
// them as ints; a float64 would round a felt), and what is not one JSON
// object is an error.
func TestDecodeProgramInput(t *testing.T) {
	const big = "3618502788666131213697322783095070105623107215331596699973092056135872020480"
	v, err := decodeProgramInput([]byte(`{"x": ` + big + `, "l": [1, -2]}`))
	if err != nil {
		t.Fatal(err)
	}
	if n, ok := v["x"].(json.Number); !ok || string(n) != big {
		t.Errorf("x = %#v, want json.Number %s", v["x"], big)
	}
	if l, ok := v["l"].([]any); !ok || len(l) != 2 || l[1] != json.Number("-2") {
		t.Errorf("l = %#v", v["l"])
	}
	for _, bad := range []string{`{"a": 1} {"b": 2}`, `{"a": 1} x`, `[1]`, `{"a": `, ``} {
		if _, err := decodeProgramInput([]byte(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
