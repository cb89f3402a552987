package proof

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strings"

	"github.com/cairn-vm/cairn/felt"
)

// ErrMalformed is wrapped by every error this package returns for input
// that is not a well-formed Stone proof or public input.
var ErrMalformed = errors.New("malformed proof")

// FormatError reports a malformed field: Path names it in JSON-pointer-like
// form ("public_input.public_memory[3].value") and Err says what is wrong.
type FormatError struct {
	Path string
	Err  error
}

func (e *FormatError) Error() string {
	if e.Path == "" {
		return "proof: " + e.Err.Error()
	}
	return "proof: " + e.Path + ": " + e.Err.Error()
}

// Unwrap returns both the cause and ErrMalformed, so errors.Is works for
// either.
func (e *FormatError) Unwrap() []error { return []error{e.Err, ErrMalformed} }

func formatErr(path string, err error) error { return &FormatError{Path: path, Err: err} }

func formatErrf(path, f string, args ...any) error {
	return &FormatError{Path: path, Err: fmt.Errorf(f, args...)}
}

// Proof is Stone's unified proof file (cpu_air_prover --out_file).
type Proof struct {
	Parameters   Parameters
	PublicInput  PublicInput
	ProverConfig *ProverConfig // nil when absent
	Version      Version
	// ProofBytes is the prover-to-verifier transcript (proof_hex decoded).
	ProofBytes []byte
	// Annotations is the prover's transcript, one line each; nil when absent.
	Annotations []string
	// ExtraAnnotations holds the verifier-side values some proofs carry
	// (cairo-lang's example proofs); nil when absent.
	ExtraAnnotations []string
	// PrivateInput is kept as raw JSON: a verifier never reads it.
	PrivateInput json.RawMessage
}

// Parameters is proof_parameters (Stone's --parameter_file).
type Parameters struct {
	Field                             string    `json:"field"`
	ChannelHash                       string    `json:"channel_hash"`
	CommitmentHash                    string    `json:"commitment_hash"`
	PowHash                           string    `json:"pow_hash"`
	VerifierFriendlyCommitmentHash    string    `json:"verifier_friendly_commitment_hash"`
	NVerifierFriendlyCommitmentLayers uint64    `json:"n_verifier_friendly_commitment_layers"`
	VerifierFriendlyChannelUpdates    bool      `json:"verifier_friendly_channel_updates"`
	UseExtensionField                 bool      `json:"use_extension_field"`
	Statement                         Statement `json:"statement"`
	Stark                             Stark     `json:"stark"`
}

// Statement holds statement parameters.
type Statement struct {
	PageHash string `json:"page_hash"`
}

// Stark holds the STARK parameters.
type Stark struct {
	LogNCosets uint64 `json:"log_n_cosets"`
	Fri        Fri    `json:"fri"`
}

// Fri holds the FRI parameters.
type Fri struct {
	FriStepList          []uint64 `json:"fri_step_list"`
	LastLayerDegreeBound uint64   `json:"last_layer_degree_bound"`
	NQueries             uint64   `json:"n_queries"`
	ProofOfWorkBits      uint64   `json:"proof_of_work_bits"`
}

// EffectiveChannelHash is channel_hash, or keccak256 (Stone's default) when absent.
func (p *Parameters) EffectiveChannelHash() string {
	if p.ChannelHash == "" {
		return "keccak256"
	}
	return p.ChannelHash
}

// EffectivePageHash is statement.page_hash, or keccak256 when absent.
func (p *Parameters) EffectivePageHash() string {
	if p.Statement.PageHash == "" {
		return "keccak256"
	}
	return p.Statement.PageHash
}

// EffectiveVerifierFriendlyHash is verifier_friendly_commitment_hash, or
// commitment_hash when absent.
func (p *Parameters) EffectiveVerifierFriendlyHash() string {
	if p.VerifierFriendlyCommitmentHash == "" {
		return p.CommitmentHash
	}
	return p.VerifierFriendlyCommitmentHash
}

// EffectivePowHash is the hash of the proof of work: pow_hash for the
// poseidon3 channel (blake256 when absent), the channel hash otherwise.
func (p *Parameters) EffectivePowHash() string {
	if p.EffectiveChannelHash() == "poseidon3" {
		if p.PowHash == "" {
			return "blake256"
		}
		return p.PowHash
	}
	return p.EffectiveChannelHash()
}

// ProverConfig is prover_config (performance settings; the proof does not
// depend on them).
type ProverConfig struct {
	CachedLdeConfig struct {
		StoreFullLde  bool `json:"store_full_lde"`
		UseFftForEval bool `json:"use_fft_for_eval"`
	} `json:"cached_lde_config"`
	ConstraintPolynomialTaskSize uint64 `json:"constraint_polynomial_task_size"`
	NOutOfMemoryMerkleLayers     uint64 `json:"n_out_of_memory_merkle_layers"`
	TableProverNTasksPerSegment  uint64 `json:"table_prover_n_tasks_per_segment"`
}

// Version is the version object Stone writes.
type Version struct {
	CommitHash    string `json:"commit_hash"`
	ProofHash     string `json:"proof_hash"`
	StatementName string `json:"statement_name"`
}

// PublicInput is Stone's public input (cairo-run --air_public_input).
type PublicInput struct {
	Layout         string
	RcMin          uint64
	RcMax          uint64
	NSteps         uint64
	MemorySegments map[string]Segment
	PublicMemory   []MemoryCell
	// DynamicParams is nil when the file has null (every layout but dynamic).
	DynamicParams map[string]uint64
}

// Segment is one entry of memory_segments.
type Segment struct {
	BeginAddr uint64 `json:"begin_addr"`
	StopPtr   uint64 `json:"stop_ptr"`
}

// MemoryCell is one public memory entry.
type MemoryCell struct {
	Address uint64
	Value   felt.Felt
	Page    uint64
}

type rawProof struct {
	Annotations      *[]string        `json:"annotations"`
	ExtraAnnotations *[]string        `json:"extra_annotations"`
	PrivateInput     json.RawMessage  `json:"private_input"`
	ProofHex         *string          `json:"proof_hex"`
	ProofParameters  *json.RawMessage `json:"proof_parameters"`
	ProverConfig     *json.RawMessage `json:"prover_config"`
	PublicInput      *json.RawMessage `json:"public_input"`
	Version          *json.RawMessage `json:"version"`
}

type rawPublicInput struct {
	Layout         *string                    `json:"layout"`
	RcMin          *uint64                    `json:"rc_min"`
	RcMax          *uint64                    `json:"rc_max"`
	NSteps         *uint64                    `json:"n_steps"`
	MemorySegments map[string]json.RawMessage `json:"memory_segments"`
	PublicMemory   *[]json.RawMessage         `json:"public_memory"`
	DynamicParams  map[string]uint64          `json:"dynamic_params"`
}

type rawCell struct {
	Address *uint64 `json:"address"`
	Value   *string `json:"value"`
	Page    *uint64 `json:"page"`
}

type rawSegment struct {
	BeginAddr *uint64 `json:"begin_addr"`
	StopPtr   *uint64 `json:"stop_ptr"`
}

// Read reads a whole proof file from r.
func Read(r io.Reader) (*Proof, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return Parse(data)
}

// Parse decodes Stone's proof JSON. It checks the syntax and the types of
// every field a verifier needs, not whether the parameters are supported.
func Parse(data []byte) (*Proof, error) {
	var raw rawProof
	if err := strictUnmarshal(data, &raw); err != nil {
		return nil, formatErr("", err)
	}
	p := &Proof{PrivateInput: raw.PrivateInput}
	if raw.Annotations != nil {
		p.Annotations = *raw.Annotations
	}
	if raw.ExtraAnnotations != nil {
		p.ExtraAnnotations = *raw.ExtraAnnotations
	}
	if raw.ProofHex == nil {
		return nil, formatErrf("proof_hex", "missing")
	}
	b, err := DecodeProofHex(*raw.ProofHex)
	if err != nil {
		return nil, formatErr("proof_hex", err)
	}
	p.ProofBytes = b
	if raw.ProofParameters == nil {
		return nil, formatErrf("proof_parameters", "missing")
	}
	params, err := ParseParameters(*raw.ProofParameters)
	if err != nil {
		return nil, prefix("proof_parameters", err)
	}
	p.Parameters = *params
	if raw.PublicInput == nil {
		return nil, formatErrf("public_input", "missing")
	}
	pi, err := ParsePublicInput(*raw.PublicInput)
	if err != nil {
		return nil, prefix("public_input", err)
	}
	p.PublicInput = *pi
	if raw.ProverConfig != nil && !isNull(*raw.ProverConfig) {
		var pc ProverConfig
		if err := strictUnmarshal(*raw.ProverConfig, &pc); err != nil {
			return nil, formatErr("prover_config", err)
		}
		p.ProverConfig = &pc
	}
	if raw.Version != nil && !isNull(*raw.Version) {
		if err := strictUnmarshal(*raw.Version, &p.Version); err != nil {
			return nil, formatErr("version", err)
		}
	}
	return p, nil
}

// prefix puts path in front of the path of a FormatError.
func prefix(path string, err error) error {
	var fe *FormatError
	if errors.As(err, &fe) {
		if fe.Path == "" {
			return &FormatError{Path: path, Err: fe.Err}
		}
		return &FormatError{Path: path + "." + fe.Path, Err: fe.Err}
	}
	return formatErr(path, err)
}

func isNull(b []byte) bool { return string(bytes.TrimSpace(b)) == "null" }

// strictUnmarshal decodes one JSON value and rejects trailing data.
func strictUnmarshal(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("trailing data after JSON value")
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("trailing data after JSON value")
	}
	return nil
}

// DecodeProofHex decodes proof_hex: "0x" followed by an even number of hex
// digits.
func DecodeProofHex(s string) ([]byte, error) {
	if !strings.HasPrefix(s, "0x") && !strings.HasPrefix(s, "0X") {
		return nil, errors.New(`missing "0x" prefix`)
	}
	h := s[2:]
	if len(h)%2 != 0 {
		return nil, errors.New("odd number of hex digits")
	}
	b, err := hex.DecodeString(h)
	if err != nil {
		return nil, fmt.Errorf("bad hex: %w", err)
	}
	return b, nil
}

// ParseParameters decodes proof_parameters (or a cpu_air_params.json file).
func ParseParameters(data []byte) (*Parameters, error) {
	var p Parameters
	if err := strictUnmarshal(data, &p); err != nil {
		return nil, formatErr("", err)
	}
	if p.Field == "" {
		return nil, formatErrf("field", "missing")
	}
	if p.CommitmentHash == "" {
		return nil, formatErrf("commitment_hash", "missing")
	}
	f := p.Stark.Fri
	if len(f.FriStepList) == 0 {
		return nil, formatErrf("stark.fri.fri_step_list", "missing or empty")
	}
	for i, s := range f.FriStepList {
		if s > 30 {
			return nil, formatErrf(fmt.Sprintf("stark.fri.fri_step_list[%d]", i), "step %d too large", s)
		}
	}
	if f.LastLayerDegreeBound == 0 {
		return nil, formatErrf("stark.fri.last_layer_degree_bound", "missing or zero")
	}
	if f.NQueries == 0 {
		return nil, formatErrf("stark.fri.n_queries", "missing or zero")
	}
	if f.ProofOfWorkBits > 64 {
		return nil, formatErrf("stark.fri.proof_of_work_bits", "%d is more than 64", f.ProofOfWorkBits)
	}
	if p.Stark.LogNCosets > 30 {
		return nil, formatErrf("stark.log_n_cosets", "%d too large", p.Stark.LogNCosets)
	}
	return &p, nil
}

// ParsePublicInput decodes an air_public_input.json (or the public_input
// object of a proof).
func ParsePublicInput(data []byte) (*PublicInput, error) {
	var raw rawPublicInput
	if err := strictUnmarshal(data, &raw); err != nil {
		return nil, formatErr("", err)
	}
	pi := &PublicInput{DynamicParams: raw.DynamicParams}
	switch {
	case raw.Layout == nil:
		return nil, formatErrf("layout", "missing")
	case raw.RcMin == nil:
		return nil, formatErrf("rc_min", "missing")
	case raw.RcMax == nil:
		return nil, formatErrf("rc_max", "missing")
	case raw.NSteps == nil:
		return nil, formatErrf("n_steps", "missing")
	case raw.MemorySegments == nil:
		return nil, formatErrf("memory_segments", "missing")
	case raw.PublicMemory == nil:
		return nil, formatErrf("public_memory", "missing")
	}
	pi.Layout, pi.RcMin, pi.RcMax, pi.NSteps = *raw.Layout, *raw.RcMin, *raw.RcMax, *raw.NSteps
	pi.MemorySegments = make(map[string]Segment, len(raw.MemorySegments))
	for name, rs := range raw.MemorySegments {
		var s rawSegment
		path := "memory_segments." + name
		if err := strictUnmarshal(rs, &s); err != nil {
			return nil, formatErr(path, err)
		}
		if s.BeginAddr == nil {
			return nil, formatErrf(path+".begin_addr", "missing")
		}
		if s.StopPtr == nil {
			return nil, formatErrf(path+".stop_ptr", "missing")
		}
		pi.MemorySegments[name] = Segment{BeginAddr: *s.BeginAddr, StopPtr: *s.StopPtr}
	}
	pi.PublicMemory = make([]MemoryCell, 0, len(*raw.PublicMemory))
	for i, rc := range *raw.PublicMemory {
		path := fmt.Sprintf("public_memory[%d]", i)
		var c rawCell
		if err := strictUnmarshal(rc, &c); err != nil {
			return nil, formatErr(path, err)
		}
		switch {
		case c.Address == nil:
			return nil, formatErrf(path+".address", "missing")
		case c.Value == nil:
			return nil, formatErrf(path+".value", "missing")
		case c.Page == nil:
			return nil, formatErrf(path+".page", "missing")
		}
		v, err := parseFieldHex(*c.Value)
		if err != nil {
			return nil, formatErr(path+".value", err)
		}
		pi.PublicMemory = append(pi.PublicMemory, MemoryCell{Address: *c.Address, Value: v, Page: *c.Page})
	}
	return pi, nil
}

// parseFieldHex parses "0x..." hex below the field prime.
func parseFieldHex(s string) (felt.Felt, error) {
	if !strings.HasPrefix(s, "0x") && !strings.HasPrefix(s, "0X") {
		return felt.Felt{}, fmt.Errorf("%q: missing \"0x\" prefix", s)
	}
	if len(s) == 2 || len(s) > 2+80 {
		return felt.Felt{}, fmt.Errorf("%q: bad hex length", s)
	}
	v, ok := new(big.Int).SetString(s[2:], 16)
	if !ok || strings.ContainsAny(s[2:], "+-_") {
		return felt.Felt{}, fmt.Errorf("%q: bad hex", s)
	}
	if v.Cmp(felt.Prime()) >= 0 {
		return felt.Felt{}, fmt.Errorf("%q: %w", s, felt.ErrNotInField)
	}
	return felt.FromBigInt(v), nil
}
