package pie

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Object is a JSON object that keeps its keys in order, as Python's dict
// does: the files of a PIE are written by json.dumps, and their key order
// is part of what cairo-lang writes.
type Object struct {
	Keys   []string
	Values []any
}

// Get returns the value of a key.
func (o *Object) Get(key string) (any, bool) {
	for i, k := range o.Keys {
		if k == key {
			return o.Values[i], true
		}
	}
	return nil, false
}

// Set replaces the value of a key, or appends the key (Python's d[k] = v).
func (o *Object) Set(key string, v any) {
	for i, k := range o.Keys {
		if k == key {
			o.Values[i] = v
			return
		}
	}
	o.Keys = append(o.Keys, key)
	o.Values = append(o.Values, v)
}

// Delete removes a key.
func (o *Object) Delete(key string) {
	for i, k := range o.Keys {
		if k == key {
			o.Keys = append(o.Keys[:i:i], o.Keys[i+1:]...)
			o.Values = append(o.Values[:i:i], o.Values[i+1:]...)
			return
		}
	}
}

// Len is the number of keys.
func (o *Object) Len() int { return len(o.Keys) }

// decodeJSON parses one JSON document into nil, bool, json.Number, string,
// []any and *Object values, as Python's json.loads would (a repeated key
// keeps its first position and its last value). Trailing data is an error.
func decodeJSON(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := decodeValue(dec, 0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		if err == nil {
			err = errors.New("extra data after the JSON value")
		}
		return nil, err
	}
	return v, nil
}

// maxDepth bounds nesting, so that hostile input cannot exhaust the stack.
const maxDepth = 512

func decodeValue(dec *json.Decoder, depth int) (any, error) {
	if depth > maxDepth {
		return nil, errors.New("JSON nested too deeply")
	}
	tok, err := dec.Token()
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '[':
			out := []any{}
			for dec.More() {
				v, err := decodeValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				out = append(out, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return out, nil
		case '{':
			o := &Object{}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				k, ok := kt.(string)
				if !ok {
					return nil, fmt.Errorf("object key %v is not a string", kt)
				}
				v, err := decodeValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				o.Set(k, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return o, nil
		}
		return nil, fmt.Errorf("unexpected %v", t)
	default:
		return tok, nil // nil, bool, json.Number, string
	}
}

// encodeJSON writes v as Python's json.dumps does with its default
// separators (", " and ": ") and ensure_ascii.
func encodeJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	if err := encodeValue(&b, v, 0); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func encodeValue(b *bytes.Buffer, v any, depth int) error {
	if depth > maxDepth {
		return errors.New("JSON nested too deeply")
	}
	switch t := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		if t {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case int:
		b.WriteString(strconv.Itoa(t))
	case int64:
		b.WriteString(strconv.FormatInt(t, 10))
	case uint64:
		b.WriteString(strconv.FormatUint(t, 10))
	case *big.Int:
		b.WriteString(t.String())
	case json.Number:
		s, err := pyNumber(t)
		if err != nil {
			return err
		}
		b.WriteString(s)
	case string:
		writePyString(b, t)
	case []any:
		b.WriteByte('[')
		for i, x := range t {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := encodeValue(b, x, depth+1); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case *Object:
		b.WriteByte('{')
		for i, k := range t.Keys {
			if i > 0 {
				b.WriteString(", ")
			}
			writePyString(b, k)
			b.WriteString(": ")
			if err := encodeValue(b, t.Values[i], depth+1); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	case map[string]any:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		o := &Object{}
		for _, k := range keys {
			o.Set(k, t[k])
		}
		return encodeValue(b, o, depth)
	default:
		return fmt.Errorf("cannot encode %T as JSON", v)
	}
	return nil
}

// isIntLiteral reports whether a JSON number is written as an integer.
func isIntLiteral(s string) bool { return !strings.ContainsAny(s, ".eE") }

// pyNumber is how Python prints a number json.loads read: integers as
// integers (without a sign on zero), others as Python's float repr.
func pyNumber(n json.Number) (string, error) {
	s := string(n)
	if isIntLiteral(s) {
		v, ok := new(big.Int).SetString(s, 10)
		if !ok {
			return "", fmt.Errorf("bad JSON number %q", s)
		}
		return v.String(), nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return "", err
	}
	return pyFloat(f), nil
}

// pyFloat is Python's repr of a float.
func pyFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case math.IsNaN(f):
		return "NaN"
	}
	if a := math.Abs(f); a != 0 && (a < 1e-4 || a >= 1e16) {
		return strconv.FormatFloat(f, 'e', -1, 64)
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

func writePyString(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			switch {
			case r < 0x20 || (r >= 0x7f && r < 0x10000):
				fmt.Fprintf(b, `\u%04x`, r)
			case r >= 0x10000:
				r1, r2 := utf16.EncodeRune(r)
				fmt.Fprintf(b, `\u%04x\u%04x`, r1, r2)
			default:
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
}

// jsonEqual is Python's == on two values json.loads returned: numbers
// compare by value (1 == 1.0), objects regardless of key order.
func jsonEqual(a, b any) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case string:
		y, ok := b.(string)
		return ok && x == y
	case json.Number, int, int64, uint64, *big.Int:
		xr, ok1 := numRat(x)
		yr, ok2 := numRat(b)
		return ok1 && ok2 && xr.Cmp(yr) == 0
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !jsonEqual(x[i], y[i]) {
				return false
			}
		}
		return true
	case *Object:
		y, ok := b.(*Object)
		if !ok || x.Len() != y.Len() {
			return false
		}
		for i, k := range x.Keys {
			yv, ok := y.Get(k)
			if !ok || !jsonEqual(x.Values[i], yv) {
				return false
			}
		}
		return true
	}
	return false
}

func numRat(v any) (*big.Rat, bool) {
	switch t := v.(type) {
	case int:
		return new(big.Rat).SetInt64(int64(t)), true
	case int64:
		return new(big.Rat).SetInt64(t), true
	case uint64:
		return new(big.Rat).SetUint64(t), true
	case *big.Int:
		return new(big.Rat).SetInt(t), true
	case json.Number:
		s := string(t)
		if isIntLiteral(s) {
			r, ok := new(big.Rat).SetString(s)
			return r, ok
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return nil, false
		}
		return new(big.Rat).SetFloat64(f), true
	}
	return nil, false
}

// intValue reads a JSON integer (marshmallow's Integer field: a number
// with an integral value; booleans and strings are not integers here).
func intValue(v any) (*big.Int, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return nil, false
	}
	s := string(n)
	if isIntLiteral(s) {
		return new(big.Int).SetString(s, 10)
	}
	r, ok := numRat(n)
	if !ok || !r.IsInt() {
		return nil, false
	}
	return new(big.Int).Set(r.Num()), true
}
