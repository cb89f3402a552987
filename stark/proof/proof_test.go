package proof

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	vectors "github.com/cairn-vm/cairn/stark/testvectors"
)

func readVector(t *testing.T, name string) (*Proof, []byte) {
	t.Helper()
	data, err := os.ReadFile(vectors.Path(t, name, "proof.json"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return p, data
}

func TestParseVectors(t *testing.T) {
	names := append(append([]string{}, vectors.StoneVectors...), vectors.CairoVerifierVectors...)
	names = append(names, "cairo-lang-examples/example_proof", "cairo-lang-examples/dynamic_layout_proof")
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(name, "proof.json")
			if strings.HasPrefix(name, "cairo-lang-examples/") {
				file = name + ".json"
			}
			data, err := os.ReadFile(vectors.Path(t, file))
			if err != nil {
				t.Fatal(err)
			}
			p, err := Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			var generic struct {
				ProofHex string `json:"proof_hex"`
			}
			if err := json.Unmarshal(data, &generic); err != nil {
				t.Fatal(err)
			}
			if got, want := len(p.ProofBytes), (len(generic.ProofHex)-2)/2; got != want {
				t.Errorf("proof bytes: %d, want %d", got, want)
			}
			if len(p.PublicInput.PublicMemory) == 0 || p.PublicInput.NSteps == 0 {
				t.Errorf("empty public input")
			}
			// The P->V ranges tile the proof.
			anns, err := p.TranscriptAnnotations()
			if err != nil {
				t.Fatal(err)
			}
			pos := 0
			for _, a := range anns {
				if a.Dir != ProverToVerifier {
					continue
				}
				if a.Start != pos {
					t.Fatalf("annotation %q starts at %d, want %d", a, a.Start, pos)
				}
				pos = a.End
			}
			if pos != len(p.ProofBytes) {
				t.Errorf("annotations end at %d, proof has %d bytes", pos, len(p.ProofBytes))
			}
			if strings.HasPrefix(name, "cairo-lang-examples/") {
				if p.ExtraAnnotations == nil {
					t.Errorf("extra_annotations missing")
				}
				return
			}
			// proof.json's public_input equals air_public_input.json.
			apiData, err := os.ReadFile(vectors.Path(t, name, "air_public_input.json"))
			if err != nil {
				t.Fatal(err)
			}
			api, err := ParsePublicInput(apiData)
			if err != nil {
				t.Fatal(err)
			}
			if !equalPublicInput(api, &p.PublicInput) {
				t.Errorf("air_public_input.json differs from proof.json public_input")
			}
			paramData, err := os.ReadFile(vectors.Path(t, name, "cpu_air_params.json"))
			if err != nil {
				t.Fatal(err)
			}
			params, err := ParseParameters(paramData)
			if err != nil {
				t.Fatal(err)
			}
			if params.CommitmentHash != p.Parameters.CommitmentHash || params.Stark.Fri.NQueries != p.Parameters.Stark.Fri.NQueries {
				t.Errorf("cpu_air_params.json differs from proof_parameters")
			}
		})
	}
}

func equalPublicInput(a, b *PublicInput) bool {
	if a.Layout != b.Layout || a.RcMin != b.RcMin || a.RcMax != b.RcMax || a.NSteps != b.NSteps ||
		len(a.MemorySegments) != len(b.MemorySegments) || len(a.PublicMemory) != len(b.PublicMemory) {
		return false
	}
	for k, v := range a.MemorySegments {
		if b.MemorySegments[k] != v {
			return false
		}
	}
	for i := range a.PublicMemory {
		if a.PublicMemory[i] != b.PublicMemory[i] {
			return false
		}
	}
	return true
}

func TestPlainStoneFields(t *testing.T) {
	p, _ := readVector(t, "plain-stone")
	pp := p.Parameters
	if pp.EffectiveChannelHash() != "keccak256" || pp.CommitmentHash != "keccak256_masked160_msb" ||
		pp.EffectivePageHash() != "keccak256" || pp.EffectivePowHash() != "keccak256" ||
		pp.Stark.LogNCosets != 4 || pp.Stark.Fri.NQueries != 18 || pp.Stark.Fri.ProofOfWorkBits != 24 ||
		pp.Stark.Fri.LastLayerDegreeBound != 64 || len(pp.Stark.Fri.FriStepList) != 3 {
		t.Errorf("parameters: %+v", pp)
	}
	pi := p.PublicInput
	if pi.Layout != "plain" || pi.NSteps != 1024 || pi.RcMin != 32764 || pi.RcMax != 32769 {
		t.Errorf("public input: %+v", pi)
	}
	if s := pi.MemorySegments["execution"]; s.BeginAddr != 36 || s.StopPtr != 648 {
		t.Errorf("execution segment %+v", s)
	}
	if c := pi.PublicMemory[0]; c.Address != 1 || c.Page != 0 || c.Value.Hex() != "0x40780017fff7fff" {
		t.Errorf("first cell %+v", c)
	}
	if p.ProverConfig == nil || p.ProverConfig.TableProverNTasksPerSegment != 32 {
		t.Errorf("prover config %+v", p.ProverConfig)
	}
	if p.Version.CommitHash != "INVALID_COMMIT" {
		t.Errorf("version %+v", p.Version)
	}
	if len(p.Annotations) != 1729 {
		t.Errorf("%d annotations", len(p.Annotations))
	}
}

func TestAnnotationRoundTrip(t *testing.T) {
	p, _ := readVector(t, "plain-stone")
	n := 0
	for _, l := range p.Annotations {
		a, err := ParseAnnotation(l)
		if errors.Is(err, ErrNotAnnotation) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if a.String() != l {
			t.Fatalf("round trip:\n got %s\nwant %s", a, l)
		}
		n++
	}
	if n != 1729-10 {
		t.Errorf("%d transcript lines", n)
	}
}

func TestMalformed(t *testing.T) {
	_, good := readVector(t, "plain-stone")
	var m map[string]any
	if err := json.Unmarshal(good, &m); err != nil {
		t.Fatal(err)
	}
	mutate := func(f func(m map[string]any)) []byte {
		var c map[string]any
		_ = json.Unmarshal(good, &c)
		f(c)
		b, _ := json.Marshal(c)
		return b
	}
	pi := func(m map[string]any) map[string]any { return m["public_input"].(map[string]any) }
	cases := map[string][]byte{
		"empty":            nil,
		"not object":       []byte(`[1,2]`),
		"truncated":        good[:len(good)/2],
		"trailing":         append(append([]byte{}, good...), []byte(" {}")...),
		"no proof_hex":     mutate(func(m map[string]any) { delete(m, "proof_hex") }),
		"odd hex":          mutate(func(m map[string]any) { m["proof_hex"] = "0xabc" }),
		"no 0x":            mutate(func(m map[string]any) { m["proof_hex"] = "abcd" }),
		"bad hex":          mutate(func(m map[string]any) { m["proof_hex"] = "0xzz" }),
		"hex not string":   mutate(func(m map[string]any) { m["proof_hex"] = 5 }),
		"no params":        mutate(func(m map[string]any) { delete(m, "proof_parameters") }),
		"no public input":  mutate(func(m map[string]any) { delete(m, "public_input") }),
		"negative n_steps": mutate(func(m map[string]any) { pi(m)["n_steps"] = -1 }),
		"float rc_min":     mutate(func(m map[string]any) { pi(m)["rc_min"] = 1.5 }),
		"no layout":        mutate(func(m map[string]any) { delete(pi(m), "layout") }),
		"value >= p": mutate(func(m map[string]any) {
			pi(m)["public_memory"].([]any)[0].(map[string]any)["value"] = "0x800000000000011000000000000000000000000000000000000000000000001"
		}),
		"value decimal": mutate(func(m map[string]any) {
			pi(m)["public_memory"].([]any)[0].(map[string]any)["value"] = "12"
		}),
		"no address": mutate(func(m map[string]any) {
			delete(pi(m)["public_memory"].([]any)[1].(map[string]any), "address")
		}),
		"segment no stop": mutate(func(m map[string]any) {
			delete(pi(m)["memory_segments"].(map[string]any)["program"].(map[string]any), "stop_ptr")
		}),
		"annotations not strings": mutate(func(m map[string]any) { m["annotations"] = []any{1} }),
		"no fri steps": mutate(func(m map[string]any) {
			m["proof_parameters"].(map[string]any)["stark"].(map[string]any)["fri"].(map[string]any)["fri_step_list"] = []any{}
		}),
		"no commitment hash": mutate(func(m map[string]any) {
			delete(m["proof_parameters"].(map[string]any), "commitment_hash")
		}),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Read(bytes.NewReader(data))
			if err == nil {
				t.Fatal("accepted")
			}
			if !errors.Is(err, ErrMalformed) {
				t.Fatalf("error %v does not wrap ErrMalformed", err)
			}
			var fe *FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("error %T is not a *FormatError", err)
			}
		})
	}
}

func FuzzReadProof(f *testing.F) {
	f.Add([]byte(`{"proof_hex":"0x00","proof_parameters":{"field":"PrimeField0","commitment_hash":"k","stark":{"log_n_cosets":4,"fri":{"fri_step_list":[0],"last_layer_degree_bound":1,"n_queries":1,"proof_of_work_bits":0}}},"public_input":{"layout":"plain","rc_min":0,"rc_max":1,"n_steps":1,"memory_segments":{"program":{"begin_addr":1,"stop_ptr":2}},"public_memory":[{"address":1,"value":"0x1","page":0}],"dynamic_params":null}}`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"annotations":["P->V[0:1]: a: b: Data(0x1)"]}`))
	if d := vectors.Dir(); d != "" {
		if data, err := os.ReadFile(filepath.Join(d, "plain-stone", "air_public_input.json")); err == nil {
			f.Add(data)
		}
		// Whole vector proofs, cut to a few annotation lines and proof
		// bytes so that the fuzzer's minimizer stays fast.
		for _, dir := range []string{"plain-stone", "plain-cairo-verifier", "cairo-lang-examples"} {
			file := filepath.Join(d, dir, "proof.json")
			if dir == "cairo-lang-examples" {
				file = filepath.Join(d, dir, "dynamic_layout_proof.json")
			}
			data, err := os.ReadFile(file)
			if err != nil {
				continue
			}
			var m map[string]any
			if json.Unmarshal(data, &m) != nil {
				continue
			}
			for _, k := range []string{"annotations", "extra_annotations"} {
				if a, ok := m[k].([]any); ok && len(a) > 8 {
					m[k] = a[:8]
				}
			}
			if h, ok := m["proof_hex"].(string); ok && len(h) > 130 {
				m["proof_hex"] = h[:130]
			}
			delete(m, "private_input")
			if b, err := json.Marshal(m); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(data)
		if err != nil {
			var fe *FormatError
			if !errors.Is(err, ErrMalformed) || !errors.As(err, &fe) {
				t.Fatalf("error %v is not a *FormatError wrapping ErrMalformed", err)
			}
			return
		}
		_, _ = p.TranscriptAnnotations()
		_, _ = ParsePublicInput(data)
	})
}
