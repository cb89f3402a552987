package verifier

import (
	"errors"
	"fmt"
	"math/bits"
	"strconv"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/stark/air"
	"github.com/cairn-vm/cairn/stark/channel"
	"github.com/cairn-vm/cairn/stark/commitment"
	"github.com/cairn-vm/cairn/stark/fri"
	"github.com/cairn-vm/cairn/stark/hash"
	"github.com/cairn-vm/cairn/stark/proof"
	"github.com/cairn-vm/cairn/stark/statement"
)

// Check names one verification check.
type Check string

// The checks, in the order they run.
const (
	// CheckParameters: the proof parameters are supported and consistent
	// (field, hashes, FRI degree bound = trace length, query count).
	CheckParameters Check = "parameters"
	// CheckPublicInput: the public input is well formed for its layout and
	// hashes into the channel seed.
	CheckPublicInput Check = "public input"
	// CheckProofFormat: every message is in the proof, and field elements
	// are below p.
	CheckProofFormat Check = "proof format"
	// CheckOODS: the composition polynomial evaluated from the OODS mask
	// values equals the one recombined from the broken columns (Stone's
	// VerifyOods in oods.cc).
	CheckOODS Check = "out-of-domain sampling"
	// CheckProofOfWork: the nonce meets proof_of_work_bits.
	CheckProofOfWork Check = "proof of work"
	// CheckTraceDecommitment: the queried rows of the main, interaction
	// and composition traces match their commitments.
	CheckTraceDecommitment Check = "trace decommitment"
	// CheckFRILayers: every inner FRI layer's queried cosets match its
	// commitment.
	CheckFRILayers Check = "FRI layer decommitment"
	// CheckFRILastLayer: each folded query equals the last-layer
	// polynomial at its point.
	CheckFRILastLayer Check = "FRI last layer"
	// CheckProofLength: the whole proof was read (Stone does not check
	// this: it accepts trailing bytes).
	CheckProofLength Check = "proof length"
)

// ErrRejected is wrapped by every rejection.
var ErrRejected = errors.New("proof rejected")

// Error is a rejection: the check that failed and why.
type Error struct {
	Check Check
	Err   error
}

func (e *Error) Error() string { return "verifier: " + string(e.Check) + ": " + e.Err.Error() }

// Unwrap returns the cause and ErrRejected.
func (e *Error) Unwrap() []error { return []error{e.Err, ErrRejected} }

func reject(c Check, err error) error { return &Error{Check: c, Err: err} }

// Options tune Verify.
type Options struct {
	// Annotate records Stone's transcript annotations and extra
	// annotations in the Report.
	Annotate bool
	// MinSecurityBits rejects, before any hashing, a proof whose
	// conjectured security (SecurityBits) is lower; 0 requires nothing.
	MinSecurityBits uint64
}

// Report says what Verify did.
type Report struct {
	// Run lists the checks that ran and passed, in order.
	Run []Check
	// Skipped lists the checks a full verifier makes that did not run.
	Skipped []Check
	// SecurityBits is the conjectured security of the proof's parameters
	// (SecurityBits), set once they have been checked.
	SecurityBits uint64
	// Annotations and Extra are Stone-format transcript lines (with
	// Options.Annotate): Annotations as in the proof's "annotations",
	// Extra as in cpu_air_verifier's --extra_output_file.
	Annotations []string
	Extra       []string
	// Values drawn from the channel, for callers that go on (the OODS
	// check needs them).
	InteractionElements []fp.Element
	CompositionAlpha    fp.Element
	OODSPoint           fp.Element
	OODSValues          []fp.Element
	Queries             []uint64
}

// Channel is the verifier channel: Stone's keccak256 hash chain
// (channel.Verifier) or its poseidon3 felt channel (channel.FeltVerifier).
type Channel interface {
	fri.Channel
	ReceiveFelt(label string) (fp.Element, error)
	SetAnnotator(a *channel.Annotator)
	Annotator() *channel.Annotator
	Offset() int
	Done() bool
}

var (
	_ Channel = (*channel.Verifier)(nil)
	_ Channel = (*channel.FeltVerifier)(nil)
)

type run struct {
	p       *proof.Proof
	layout  *air.Layout
	ch      Channel
	rep     *Report
	bottom  hash.Hasher
	top     hash.Hasher
	nTop    uint64
	logRows int // log2(trace length)
	logCos  int // log2(number of cosets)
}

func (r *run) newTable(nRows uint64, nColumns int) (*commitment.Table, error) {
	return commitment.NewTable(nRows, nColumns, r.bottom, r.top, r.nTop)
}

// VerifyJSON parses Stone's proof JSON and verifies it. A malformed file is
// a CheckProofFormat rejection wrapping the proof package's FormatError.
func VerifyJSON(data []byte, opts Options) (*Report, error) {
	p, err := proof.Parse(data)
	if err != nil {
		return &Report{}, reject(CheckProofFormat, err)
	}
	return Verify(p, opts)
}

// Verify checks p (a Stone v3 proof with its public input). It returns the
// report and nil when every check passes. A rejection is an *Error naming
// the check.
func Verify(p *proof.Proof, opts Options) (*Report, error) {
	r := &run{p: p, rep: &Report{}}
	if err := r.setup(opts); err != nil {
		return r.rep, err
	}
	err := r.stark()
	if r.ch.Annotator() != nil {
		r.rep.Annotations = r.ch.Annotator().Lines
		r.rep.Extra = r.ch.Annotator().Extra
	}
	if err != nil {
		return r.rep, err
	}
	if !r.ch.Done() {
		return r.rep, reject(CheckProofLength, fmt.Errorf("%d trailing bytes", len(p.ProofBytes)-r.ch.Offset()))
	}
	r.rep.Run = append(r.rep.Run, CheckProofLength)
	return r.rep, nil
}

func (r *run) setup(opts Options) error {
	pp := &r.p.Parameters
	if pp.Field != "PrimeField0" {
		return reject(CheckParameters, fmt.Errorf("field %q not supported", pp.Field))
	}
	if pp.UseExtensionField {
		return reject(CheckParameters, errors.New("extension field not supported"))
	}
	switch pp.EffectiveChannelHash() {
	case "keccak256", "poseidon3":
	default:
		return reject(CheckParameters, fmt.Errorf("channel %q not supported (keccak256, poseidon3)", pp.EffectiveChannelHash()))
	}
	var err error
	if r.bottom, err = hash.ByName(pp.CommitmentHash); err != nil {
		return reject(CheckParameters, err)
	}
	r.nTop = pp.NVerifierFriendlyCommitmentLayers
	if r.top, err = hash.ByName(pp.EffectiveVerifierFriendlyHash()); err != nil {
		return reject(CheckParameters, err)
	}
	pi := &r.p.PublicInput
	if r.layout, err = air.ByName(pi.Layout); err != nil {
		return reject(CheckPublicInput, err)
	}
	if pi.NSteps == 0 || pi.NSteps&(pi.NSteps-1) != 0 || pi.NSteps > 1<<40 {
		return reject(CheckPublicInput, fmt.Errorf("n_steps %d is not a power of 2", pi.NSteps))
	}
	if r.layout, err = r.layout.Instance(pi); err != nil {
		return reject(CheckPublicInput, err)
	}
	traceLen := r.layout.TraceLength(pi.NSteps)
	r.logRows = bits.TrailingZeros64(traceLen)
	if pp.Stark.LogNCosets == 0 || pp.Stark.LogNCosets > 10 {
		return reject(CheckParameters, fmt.Errorf("log_n_cosets %d", pp.Stark.LogNCosets))
	}
	r.logCos = int(pp.Stark.LogNCosets)
	if uint64(r.layout.ConstraintDegree) > uint64(1)<<uint(r.logCos) {
		return reject(CheckParameters, errors.New("fewer cosets than the constraint degree"))
	}
	// Every parameter is checked before the seed is hashed: a proof the
	// caller would refuse costs no work.
	fparams := r.friParams()
	if err := fparams.Check(traceLen); err != nil {
		return reject(CheckParameters, err)
	}
	if err := r.checkSecurity(opts.MinSecurityBits); err != nil {
		return err
	}
	seed, err := statement.Seed(pp, pi)
	if err != nil {
		if errors.Is(err, statement.ErrUnsupported) {
			return reject(CheckParameters, err)
		}
		return reject(CheckPublicInput, err)
	}
	if pp.EffectiveChannelHash() == "poseidon3" {
		state, err := fp.BigEndian.Element((*[32]byte)(&seed))
		if err != nil {
			return reject(CheckParameters, errors.New("public-input hash is not a field element; poseidon3 channel needs verifier_friendly_channel_updates with poseidon3"))
		}
		fc, err := channel.NewFeltVerifier(state, r.p.ProofBytes, pp.EffectivePowHash())
		if err != nil {
			if errors.Is(err, hash.ErrUnknownHash) {
				return reject(CheckParameters, err)
			}
			return reject(CheckProofFormat, err)
		}
		r.ch = fc
	} else {
		r.ch = channel.NewVerifier(seed, r.p.ProofBytes)
	}
	if opts.Annotate {
		r.ch.SetAnnotator(channel.NewAnnotator("cpu air"))
	}
	r.rep.Run = append(r.rep.Run, CheckParameters, CheckPublicInput)
	return nil
}

// classify turns an error from the stark packages into a rejection.
func classify(err error, def Check) error {
	var e *Error
	switch {
	case errors.As(err, &e):
		return err
	case errors.Is(err, channel.ErrProofOfWork):
		return reject(CheckProofOfWork, err)
	case errors.Is(err, channel.ErrProofTooShort), errors.Is(err, channel.ErrNotInField):
		return reject(CheckProofFormat, err)
	case errors.Is(err, fri.ErrLastLayer):
		return reject(CheckFRILastLayer, err)
	case errors.Is(err, fri.ErrLayerDecommitment):
		return reject(CheckFRILayers, err)
	case errors.Is(err, fri.ErrParams), errors.Is(err, channel.ErrBound):
		return reject(CheckParameters, err)
	}
	return reject(def, err)
}

func (r *run) stark() error {
	ch := r.ch
	l := r.layout
	nRows := uint64(1) << uint(r.logRows+r.logCos)
	ch.Enter("STARK")
	defer ch.Exit()

	// Main trace.
	ch.Enter("Original")
	t0, err := r.newTable(nRows, l.NColumnsFirst)
	if err != nil {
		ch.Exit()
		return reject(CheckParameters, err)
	}
	ch.Enter("Commit on Trace")
	err = t0.ReadCommitment(ch)
	ch.Exit()
	ch.Exit()
	if err != nil {
		return classify(err, CheckProofFormat)
	}

	// Interaction.
	ch.Enter("Interaction")
	for i := 0; i < l.NInteractionElements; i++ {
		e, err := ch.RandomFelt("Interaction element #" + strconv.Itoa(i))
		if err != nil {
			ch.Exit()
			return classify(err, CheckProofFormat)
		}
		r.rep.InteractionElements = append(r.rep.InteractionElements, e)
	}
	t1, err := r.newTable(nRows, l.NColumnsSecond)
	if err != nil {
		ch.Exit()
		return reject(CheckParameters, err)
	}
	ch.Enter("Commit on Trace")
	err = t1.ReadCommitment(ch)
	ch.Exit()
	ch.Exit()
	if err != nil {
		return classify(err, CheckProofFormat)
	}

	// Composition polynomial coefficients.
	ch.Enter("Original")
	r.rep.CompositionAlpha, err = ch.RandomFelt("Constraint polynomial random element")
	ch.Exit()
	if err != nil {
		return classify(err, CheckProofFormat)
	}

	// Out of domain sampling.
	ch.Enter("Out Of Domain Sampling")
	tc, err := r.newTable(nRows, l.ConstraintDegree)
	if err != nil {
		ch.Exit()
		return reject(CheckParameters, err)
	}
	ch.Enter("Commit on Trace")
	err = tc.ReadCommitment(ch)
	ch.Exit()
	if err != nil {
		ch.Exit()
		return classify(err, CheckProofFormat)
	}
	ch.Enter("OODS values")
	z, err := ch.RandomFelt("Evaluation point")
	if err != nil {
		ch.Exit()
		ch.Exit()
		return classify(err, CheckProofFormat)
	}
	r.rep.OODSPoint = z
	// Stone's ReceiveElementsFromChannel: with verifier-friendly channel
	// updates the values are one message (one hash of them all), else one
	// message each.
	n := len(l.Mask) + l.ConstraintDegree
	var vals []fp.Element
	if r.p.Parameters.VerifierFriendlyChannelUpdates {
		vals, err = ch.ReceiveFelts(n, "")
	} else {
		vals = make([]fp.Element, n)
		for i := range vals {
			if vals[i], err = ch.ReceiveFelt(strconv.Itoa(i)); err != nil {
				break
			}
		}
	}
	if err != nil {
		ch.Exit()
		ch.Exit()
		return classify(err, CheckProofFormat)
	}
	r.rep.OODSValues = vals
	ch.Exit()
	if err := r.checkOODS(z, vals); err != nil {
		ch.Exit()
		return err
	}
	r.rep.Run = append(r.rep.Run, CheckOODS)
	deepAlpha, err := ch.RandomFelt("Constraint polynomial random element")
	ch.Exit()
	if err != nil {
		return classify(err, CheckProofFormat)
	}

	// FRI.
	ch.Enter("FRI")
	defer ch.Exit()
	fparams := r.friParams() // checked in setup
	fv := fri.NewVerifier(fparams)
	if err := fv.Commit(ch); err != nil {
		return classify(err, CheckProofFormat)
	}
	qs, err := fv.ChooseQueries(ch)
	if err != nil {
		return classify(err, CheckProofFormat)
	}
	r.rep.Queries = qs
	r.rep.Run = append(r.rep.Run, CheckProofOfWork)
	deep := &deepComposition{
		layout: l, dom: fv.Domain(), logCos: r.logCos, z: z, values: vals, alpha: deepAlpha,
		traces: []*commitment.Table{t0, t1, tc},
	}
	if err := fv.Decommit(ch, func(q []uint64) ([]fp.Element, error) { return deep.eval(ch, q) }); err != nil {
		return classify(err, CheckFRILayers)
	}
	r.rep.Run = append(r.rep.Run, CheckTraceDecommitment, CheckFRILayers, CheckFRILastLayer, CheckProofFormat)
	return nil
}

// checkOODS compares the composition polynomial at z computed from the mask
// values with the one recombined from the broken columns' values.
func (r *run) checkOODS(z fp.Element, vals []fp.Element) error {
	l := r.layout
	mask, broken := vals[:len(l.Mask)], vals[len(l.Mask):]
	got, err := l.CompositionAt(&air.Point{
		Public: &r.p.PublicInput, Interaction: r.rep.InteractionElements,
		Alpha: r.rep.CompositionAlpha, Z: z, Mask: mask,
	})
	if err != nil {
		if errors.Is(err, air.ErrPublicInput) {
			return reject(CheckPublicInput, err)
		}
		return reject(CheckOODS, err)
	}
	if want := air.BrokenAt(broken, z); !got.Equal(&want) {
		return reject(CheckOODS, errors.New("out of domain sampling verification failed: the composition polynomial from the mask values differs from the broken columns' value"))
	}
	return nil
}
