package builtins

import (
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/cairn-vm/cairn/crypto/ecdsa"
	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/vm/memory"
)

// Signature is an (r, s) ECDSA signature as a hint gives it.
type Signature struct{ R, S felt.Felt }

// String is Python's repr of the (r, s) tuple.
func (s Signature) String() string { return fmt.Sprintf("(%v, %v)", s.R, s.S) }

// Ecdsa is the ecdsa (signature) builtin: instances of two cells, a public
// key (its x coordinate) and a message hash. Nothing is deduced; once both
// cells of an instance are written, the signature that a hint registered
// for it (AddSignature, cairo-lang's ecdsa_builtin.add_signature) must
// verify.
type Ecdsa struct {
	base
	sigs map[uint64]Signature // by offset of the public key cell
}

// NewEcdsa returns the ecdsa builtin.
func NewEcdsa(included bool, lb LayoutBuiltin) *Ecdsa {
	sh := Shapes["ecdsa"]
	return &Ecdsa{base: newBase("ecdsa", included, lb, sh.Cells, sh.Inputs, sh.InstPerComponent, sh.ExtraUnits),
		sigs: map[uint64]Signature{}}
}

// AddSignature is SignatureBuiltinRunner.add_signature: it registers the
// signature of the instance whose public key cell is addr.
func (e *Ecdsa) AddSignature(addr memory.Value, sig Signature) error {
	p, ok := addr.Ptr()
	if !ok {
		return &AssertionError{Msg: fmt.Sprintf("Expected memory address to be relocatable value. Found: %v.", addr)}
	}
	if p.Segment != e.seg.Segment {
		return &AssertionError{Msg: fmt.Sprintf("Signature hint must point to the signature builtin segment, not %v.", p)}
	}
	if p.Offset%2 != 0 {
		return &AssertionError{Msg: fmt.Sprintf("Signature hint must point to the public key cell, not %v.", p)}
	}
	e.sigs[p.Offset] = sig
	return nil
}

// AddRules installs the signature validation.
func (e *Ecdsa) AddRules(m *memory.Memory) {
	m.AddValidator(e.seg.Segment, e.validate)
}

// validate is signature_rule_wrapper's rule, run on every write to the
// segment.
func (e *Ecdsa) validate(m *memory.Memory, addr memory.Ptr, _ memory.Value) error {
	var pkAddr memory.Ptr
	switch {
	case addr.Offset%2 == 0 && m.Get(addr.AddUint(1)).IsSet():
		pkAddr = addr
	case addr.Offset%2 == 1 && m.Get(memory.Ptr{Segment: addr.Segment, Offset: addr.Offset - 1}).IsSet():
		pkAddr = memory.Ptr{Segment: addr.Segment, Offset: addr.Offset - 1}
	default:
		return nil
	}
	msgAddr := pkAddr.AddUint(1)
	pkv, msgv := m.Get(pkAddr), m.Get(msgAddr)
	pk, ok := pkv.Felt()
	if !ok {
		return fmt.Errorf("ECDSA builtin: Expected public key at address %v to be an integer. Got: %v.", pkAddr, pkv)
	}
	msg, ok := msgv.Felt()
	if !ok {
		return fmt.Errorf("ECDSA builtin: Expected message hash at address %v to be an integer. Got: %v.", msgAddr, msgv)
	}
	sig, ok := e.sigs[pkAddr.Offset]
	if !ok {
		return fmt.Errorf("Signature hint is missing for ECDSA builtin at address %v. Add it using 'ecdsa_builtin.add_signature'.", pkAddr)
	}
	valid, err := ecdsa.VerifyChecked(msg, sig.R, sig.S, pk)
	if err != nil {
		if errors.Is(err, ecdsa.ErrOutOfRange) {
			// verify's own assertion ("s = 0"...).
			return errors.New(strings.TrimPrefix(err.Error(), ecdsa.ErrOutOfRange.Error()+": "))
		}
		return err
	}
	if !valid {
		return fmt.Errorf("Signature %v, is invalid, with respect to the public key %v, and the message hash %v.", sig, pk, msg)
	}
	return nil
}

// SecurityCheck: both cells of every instance up to the last one written
// must be set.
func (e *Ecdsa) SecurityCheck(m *memory.Memory) error {
	_, err := checkInputCells(m, &e.base)
	return err
}

// RelocatedPrivateInput lists the signed instances: {index, pubkey, msg,
// signature_input: {r, w = s^-1 mod the curve order}}.
func (e *Ecdsa) RelocatedPrivateInput(m *memory.Memory, _ *memory.Relocation) (any, bool, error) {
	offs := make([]uint64, 0, len(e.sigs))
	for off := range e.sigs {
		offs = append(offs, off)
	}
	sortU64(offs)
	out := make([]any, 0, len(offs))
	order := ecdsa.Order()
	for _, off := range offs {
		sig := e.sigs[off]
		addr := e.seg.AddUint(off)
		pk, err := m.ReadFelt(addr)
		if err != nil {
			return nil, false, err
		}
		msg, err := m.ReadFelt(addr.AddUint(1))
		if err != nil {
			return nil, false, err
		}
		w := new(big.Int).ModInverse(sig.S.BigInt(), order)
		if w == nil {
			return nil, false, errors.New("AssertionError: s has no inverse modulo the curve order")
		}
		out = append(out, map[string]any{
			"index":  off / 2,
			"pubkey": pk.Hex(),
			"msg":    msg.Hex(),
			"signature_input": map[string]any{
				"r": sig.R.Hex(),
				"w": "0x" + w.Text(16),
			},
		})
	}
	return out, true, nil
}

// PIEAdditionalData is SignatureBuiltinRunner.get_additional_data: the
// registered signatures by address, [[segment, offset], [r, s]], in address
// order.
func (e *Ecdsa) PIEAdditionalData(_ *memory.Memory) (any, error) {
	offs := make([]uint64, 0, len(e.sigs))
	for off := range e.sigs {
		offs = append(offs, off)
	}
	sortU64(offs)
	out := make([]any, 0, len(offs))
	for _, off := range offs {
		sig := e.sigs[off]
		out = append(out, []any{
			[]any{e.seg.Segment, off},
			[]any{sig.R.BigInt(), sig.S.BigInt()},
		})
	}
	return out, nil
}
