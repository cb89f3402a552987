package prover

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	pchannel "github.com/cairn-vm/cairn/prover/channel"
	ptrace "github.com/cairn-vm/cairn/prover/trace"
	"github.com/cairn-vm/cairn/runner"
	vchannel "github.com/cairn-vm/cairn/stark/channel"
	"github.com/cairn-vm/cairn/stark/proof"
	"github.com/cairn-vm/cairn/stark/statement"
)

// Session is a proof in progress: the channel and what each phase made.
type Session struct {
	Params  *proof.Parameters
	Channel *pchannel.Prover
	Trace   *ptrace.Plain
	// Main and Interaction are the committed main and interaction traces.
	Main, Interaction *CommittedTrace
	// InteractionElements are memory z, memory alpha and range-check z.
	InteractionElements [3]fp.Element
	// CompositionRandom is the "Constraint polynomial random element".
	CompositionRandom fp.Element
}

// AnnotationTitle is the root scope of Stone's CPU AIR transcript.
const AnnotationTitle = "cpu air"

// Start runs the phases of Stone's StarkProver::ProveStark that are done
// so far: commit to the main trace, draw the interaction elements, commit
// to the interaction trace, and draw the composition polynomial's random
// element. With annotate, the channel records Stone's transcript lines.
func Start(e *runner.Execution, params *proof.Parameters, annotate bool) (*Session, error) {
	if params.EffectiveChannelHash() != "keccak256" || params.VerifierFriendlyChannelUpdates {
		return nil, fmt.Errorf("%w: only the keccak256 channel is implemented", ErrParams)
	}
	if params.UseExtensionField {
		return nil, fmt.Errorf("%w: use_extension_field", ErrParams)
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
	seed, err := statement.Seed(params, pi)
	if err != nil {
		return nil, err
	}
	tr, cols, err := MainColumns(e)
	if err != nil {
		return nil, err
	}
	s := &Session{Params: params, Channel: pchannel.NewProver(seed), Trace: tr}
	ch := s.Channel
	if annotate {
		ch.SetAnnotator(vchannel.NewAnnotator(AnnotationTitle))
	}
	ch.Enter("STARK")

	ch.Enter("Original")
	if s.Main, err = s.commit(cols); err != nil {
		return nil, err
	}
	ch.Exit()

	ch.Enter("Interaction")
	for i := range s.InteractionElements {
		if s.InteractionElements[i], err = ch.RandomFelt("Interaction element #" + strconv.Itoa(i)); err != nil {
			return nil, err
		}
	}
	el := s.InteractionElements
	inter, err := tr.Interaction(el[0], el[1], el[2])
	if err != nil {
		return nil, err
	}
	if s.Interaction, err = s.commit(inter[:]); err != nil {
		return nil, err
	}
	ch.Exit()

	ch.Enter("Original")
	if s.CompositionRandom, err = ch.RandomFelt("Constraint polynomial random element"); err != nil {
		return nil, err
	}
	ch.Exit()
	return s, nil
}

// commit extends and commits to columns and sends the root.
func (s *Session) commit(cols [][]fp.Element) (*CommittedTrace, error) {
	ct, err := CommitTrace(cols, s.Params)
	if err != nil {
		return nil, err
	}
	s.Channel.Enter("Commit on Trace")
	s.Channel.SendHash("Commitment", ct.Table.RootHasher(), ct.Table.Root())
	s.Channel.Exit()
	return ct, nil
}
