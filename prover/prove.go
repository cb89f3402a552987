package prover

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"strconv"
	"time"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	pchannel "github.com/cairn-vm/cairn/prover/channel"
	pfri "github.com/cairn-vm/cairn/prover/fri"
	"github.com/cairn-vm/cairn/prover/lde"
	ptrace "github.com/cairn-vm/cairn/prover/trace"
	"github.com/cairn-vm/cairn/runner"
	"github.com/cairn-vm/cairn/stark/air"
	vchannel "github.com/cairn-vm/cairn/stark/channel"
	vfri "github.com/cairn-vm/cairn/stark/fri"
	"github.com/cairn-vm/cairn/stark/proof"
	"github.com/cairn-vm/cairn/stark/statement"
)

// Session is a proof in progress: the channel and what each phase made.
type Session struct {
	Params  *proof.Parameters
	Channel pchannel.Channel
	Trace   *ptrace.Trace
	// Main and Interaction are the committed main and interaction traces.
	Main, Interaction *CommittedTrace
	// InteractionElements are memory z, memory alpha and range-check z,
	// then the layout's others (Stone's WithInteractionElements order).
	InteractionElements []fp.Element
	// CompositionRandom is the "Constraint polynomial random element".
	CompositionRandom fp.Element

	Layout *air.Layout
	Public *proof.PublicInput
	// Composition is the committed broken composition polynomial (D
	// columns of degree < N).
	Composition *CommittedTrace
	OODSPoint   fp.Element
	// OODSValues are the mask values at the OODS point, then the broken
	// columns at its D-th power.
	OODSValues []fp.Element
	// DeepRandom is the OODS scope's "Constraint polynomial random element".
	DeepRandom fp.Element
	FRI        *pfri.Prover

	// Phases lists the time of each finished phase.
	Phases      []Phase
	progress    io.Writer
	start, last time.Time
	lastCPU     time.Duration
}

// Phase is one step of the proof and its duration.
type Phase struct {
	Name     string
	Duration time.Duration
}

// Options control a proof's side outputs; none but Nonce and
// PoWStartNonce changes the proof.
type Options struct {
	// Nonce, when set, is sent as the proof of work instead of searching
	// for one (it is checked): to replay a known proof quickly.
	Nonce *uint64
	// PoWStartNonce starts the proof-of-work search at this nonce instead
	// of 0. The proof equals Stone's only when no valid nonce lies below
	// it; tests of the 30-bit cairo-verifier preset start shortly below
	// the reference's nonce, which also checks that the search returns the
	// first valid nonce of its range.
	PoWStartNonce uint64
	// Annotate records Stone's transcript annotations.
	Annotate bool
	// Progress, when set, receives one line per finished phase with its
	// time and the elapsed total.
	Progress io.Writer
}

// AnnotationTitle is the root scope of Stone's CPU AIR transcript.
const AnnotationTitle = "cpu air"

// Start runs the phases of Stone's StarkProver::ProveStark that are done
// so far: commit to the main trace, draw the interaction elements, commit
// to the interaction trace, and draw the composition polynomial's random
// element. With annotate, the channel records Stone's transcript lines.
func Start(e *runner.Execution, params *proof.Parameters, opts Options) (*Session, error) {
	t0 := time.Now()
	var cpu0 time.Duration
	if opts.Progress != nil {
		cpu0 = processCPU()
	}
	if err := CheckParameters(params); err != nil {
		return nil, err
	}
	if e == nil || e.PublicInput == nil {
		return nil, fmt.Errorf("%w: no public input", ptrace.ErrExecution)
	}
	raw, err := json.Marshal(e.PublicInput)
	if err != nil {
		return nil, fmt.Errorf("%w: public input: %v", ptrace.ErrExecution, err)
	}
	pi, err := proof.ParsePublicInput(raw)
	if err != nil {
		return nil, fmt.Errorf("%w: public input: %v", ptrace.ErrExecution, err)
	}
	layout, err := air.ByName(pi.Layout)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrParams, err)
	}
	if layout, err = layout.Instance(pi); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrParams, err)
	}
	if err := checkParams(params, layout, pi); err != nil {
		return nil, err
	}
	ch, err := newChannel(params, pi)
	if err != nil {
		return nil, err
	}
	if opts.Nonce != nil {
		ch.UseNonce(*opts.Nonce)
	}
	ch.SearchPoWFrom(opts.PoWStartNonce)
	tr, cols, err := MainColumns(e)
	if err != nil {
		return nil, err
	}
	s := &Session{Params: params, Channel: ch, Trace: tr, Layout: layout, Public: pi,
		progress: opts.Progress, start: t0, last: t0, lastCPU: cpu0}
	s.phase("trace")
	if opts.Annotate {
		ch.SetAnnotator(vchannel.NewAnnotator(AnnotationTitle))
	}
	ch.Enter("STARK")

	ch.Enter("Original")
	if s.Main, err = s.commit(cols); err != nil {
		return nil, err
	}
	ch.Exit()
	s.phase("trace commitment")

	ch.Enter("Interaction")
	s.InteractionElements = make([]fp.Element, layout.NInteractionElements)
	for i := range s.InteractionElements {
		if s.InteractionElements[i], err = ch.RandomFelt("Interaction element #" + strconv.Itoa(i)); err != nil {
			return nil, err
		}
	}
	inter, err := tr.Interaction(s.InteractionElements)
	if err != nil {
		return nil, err
	}
	if s.Interaction, err = s.commit(inter); err != nil {
		return nil, err
	}
	ch.Exit()
	s.phase("interaction commitment")

	ch.Enter("Original")
	if s.CompositionRandom, err = ch.RandomFelt("Constraint polynomial random element"); err != nil {
		return nil, err
	}
	ch.Exit()
	return s, nil
}

// Prove makes the whole proof: Start, then Finish.
func Prove(e *runner.Execution, params *proof.Parameters, opts Options) (*Session, error) {
	s, err := Start(e, params, opts)
	if err != nil {
		return nil, err
	}
	if err := s.Finish(); err != nil {
		return nil, err
	}
	return s, nil
}

// Finish runs the phases after the composition random element, as Stone's
// ProveStark: commit to the broken composition polynomial, out-of-domain
// sampling, the DEEP composition, and FRI with the trace decommitments
// as its first layer.
func (s *Session) Finish() error {
	ch := s.Channel
	broken, err := s.compose()
	if err != nil {
		return err
	}
	s.phase("composition")
	ch.Enter("Out Of Domain Sampling")
	l, err := lde.FromCoefficients(broken, int(s.Params.Stark.LogNCosets))
	if err != nil {
		ch.Exit()
		return err
	}
	if s.Composition, err = s.commitLDE(l); err != nil {
		ch.Exit()
		return err
	}
	if err := s.oods(); err != nil {
		ch.Exit()
		return err
	}
	s.DeepRandom, err = ch.RandomFelt("Constraint polynomial random element")
	ch.Exit()
	if err != nil {
		return err
	}
	s.phase("composition commitment and OODS")
	first, err := s.deep(s.DeepRandom)
	if err != nil {
		return err
	}
	s.phase("DEEP composition")

	fr := s.Params.Stark.Fri
	steps := make([]int, len(fr.FriStepList))
	for i, v := range fr.FriStepList {
		steps[i] = int(v)
	}
	bottom, top, err := hashers(s.Params)
	if err != nil {
		return err
	}
	ch.Enter("FRI")
	defer ch.Exit()
	s.FRI, err = pfri.Commit(ch, pfri.Params{StepList: steps, LastLayerDegreeBound: fr.LastLayerDegreeBound,
		NQueries: int(fr.NQueries), ProofOfWorkBits: int(fr.ProofOfWorkBits), Bottom: bottom, Top: top,
		NVerifierFriendly: s.Params.NVerifierFriendlyCommitmentLayers}, first)
	if err != nil {
		return err
	}
	s.phase("FRI commitment")
	if _, err := s.FRI.ChooseQueries(ch); err != nil {
		return err
	}
	s.phase("proof of work")
	if err := s.FRI.Decommit(ch, s.DecommitTraces); err != nil {
		return err
	}
	s.phase("decommitment")
	return ch.Err()
}

// phase reports a finished phase on the progress writer.
func (s *Session) phase(name string) {
	now := time.Now()
	s.Phases = append(s.Phases, Phase{name, now.Sub(s.last)})
	if s.progress != nil {
		// CPU time beside wall time: the machine is shared, and a phase's
		// CPU seconds say what it costs whatever the others run.
		cpu := processCPU()
		fmt.Fprintf(s.progress, "cairn prove: %-32s %7.2fs cpu %7.2fs (total %.2fs)\n", name, now.Sub(s.last).Seconds(), (cpu - s.lastCPU).Seconds(), now.Sub(s.start).Seconds())
		s.lastCPU = cpu
	}
	s.last = now
}

// commit extends and commits to columns and sends the root.
func (s *Session) commit(cols [][]fp.Element) (*CommittedTrace, error) {
	l, err := lde.New(cols, int(s.Params.Stark.LogNCosets))
	if err != nil {
		return nil, err
	}
	return s.commitLDE(l)
}

// commitLDE commits to an extension and sends the root.
func (s *Session) commitLDE(l *lde.LDE) (*CommittedTrace, error) {
	ct, err := commitExtension(l, s.Params)
	if err != nil {
		return nil, err
	}
	s.Channel.Enter("Commit on Trace")
	s.Channel.SendCommitment("Commitment", ct.Table.RootHasher(), ct.Table.Root())
	s.Channel.Exit()
	return ct, nil
}

// checkParams rejects, before any work, parameters Stone's prover or
// verifier would refuse for this trace (stark/fri's Check, the same rules
// the verifier applies).
func checkParams(params *proof.Parameters, layout *air.Layout, pi *proof.PublicInput) error {
	logC := params.Stark.LogNCosets
	if logC > 8 || uint64(layout.ConstraintDegree) > uint64(1)<<logC {
		return fmt.Errorf("%w: log_n_cosets %d for constraint degree %d", ErrParams, logC, layout.ConstraintDegree)
	}
	traceLen := layout.TraceLength(pi.NSteps)
	if traceLen == 0 || traceLen&(traceLen-1) != 0 {
		return fmt.Errorf("%w: trace length %d", ErrParams, traceLen)
	}
	fr := params.Stark.Fri
	fp := vfri.Params{LastLayerDegreeBound: fr.LastLayerDegreeBound, NQueries: int(min(fr.NQueries, 1<<20)),
		ProofOfWorkBits: int(min(fr.ProofOfWorkBits, 1<<10)), LogDomainSize: bits.TrailingZeros64(traceLen) + int(logC)}
	for _, st := range fr.FriStepList {
		fp.StepList = append(fp.StepList, int(min(st, 1<<10)))
	}
	if err := fp.Check(traceLen); err != nil {
		return fmt.Errorf("%w: %v", ErrParams, err)
	}
	return nil
}

// newChannel starts the channel the parameters name (CheckParameters
// passed) at the statement's seed.
func newChannel(params *proof.Parameters, pi *proof.PublicInput) (pchannel.Channel, error) {
	seedErr := func(err error) error {
		if errors.Is(err, statement.ErrUnsupported) {
			return fmt.Errorf("%w: %v", ErrParams, err)
		}
		return fmt.Errorf("%w: %v", ptrace.ErrExecution, err)
	}
	if params.EffectiveChannelHash() == "poseidon3" {
		state, err := statement.SeedFelt(params, pi)
		if err != nil {
			return nil, seedErr(err)
		}
		ch, err := pchannel.NewFeltProver(state, params.EffectivePowHash())
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrParams, err)
		}
		return ch, nil
	}
	seed, err := statement.Seed(params, pi)
	if err != nil {
		return nil, seedErr(err)
	}
	return pchannel.NewProver(seed), nil
}
