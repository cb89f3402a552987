package verifier

import (
	"fmt"

	"github.com/cairn-vm/cairn/stark/fri"
	"github.com/cairn-vm/cairn/stark/proof"
)

// SecurityBits is the conjectured security of a proof's parameters, in
// bits: n_queries·log_n_cosets + proof_of_work_bits. Each FRI query of a
// proof with blowup 2^log_n_cosets is conjectured to give log_n_cosets bits
// and the proof of work adds its difficulty. It is the rule of both
// references: Stone's GetParametersJson derives n_queries from
// security_bits as ⌈(security_bits − pow_bits)/log_n_cosets⌉
// (utils/input_utils.cc), and cairo-lang's stark_config_validate asserts
// security_bits ≤ n_queries·log_n_cosets + n_bits (core/config.cairo).
func SecurityBits(pp *proof.Parameters) uint64 {
	f := &pp.Stark.Fri
	// Parsed parameters bound every term (n_queries by the FRI check,
	// log_n_cosets ≤ 30, pow ≤ 64) but a hand-built Parameters may not:
	// saturate rather than wrap.
	q, c := f.NQueries, pp.Stark.LogNCosets
	if c != 0 && q > (1<<62)/c {
		return 1 << 62
	}
	s := q*c + f.ProofOfWorkBits
	if s < q*c {
		return 1 << 62
	}
	return s
}

// SecurityError is the rejection of a proof whose conjectured security is
// below Options.MinSecurityBits.
type SecurityError struct {
	// Bits is the proof's conjectured security and NQueries, LogNCosets
	// and ProofOfWorkBits the terms it is computed from.
	Bits, NQueries, LogNCosets, ProofOfWorkBits uint64
	// Required is Options.MinSecurityBits.
	Required uint64
}

func (e *SecurityError) Error() string {
	return fmt.Sprintf("conjectured security %d bits (n_queries %d · log_n_cosets %d + proof_of_work_bits %d) is below the required %d bits",
		e.Bits, e.NQueries, e.LogNCosets, e.ProofOfWorkBits, e.Required)
}

// friParams are the FRI parameters of r's proof, without the table
// factory: everything the parameter check needs.
func (r *run) friParams() fri.Params {
	f := &r.p.Parameters.Stark.Fri
	steps := make([]int, len(f.FriStepList))
	for i, s := range f.FriStepList {
		// Parse bounds steps by 30; a larger hand-built value must still
		// be refused, not wrapped to a small int.
		if s > 1<<20 {
			s = 1 << 20
		}
		steps[i] = int(s)
	}
	nq := f.NQueries
	if nq > 1<<20 {
		nq = 1 << 20
	}
	pow := f.ProofOfWorkBits
	if pow > 1<<20 {
		pow = 1 << 20
	}
	return fri.Params{
		StepList:             steps,
		LastLayerDegreeBound: f.LastLayerDegreeBound,
		NQueries:             int(nq),
		ProofOfWorkBits:      int(pow),
		LogDomainSize:        r.logRows + r.logCos,
		NewTable:             r.newTable,
	}
}

// checkSecurity runs after the FRI parameters are known to be consistent
// and before anything is hashed, so a caller's minimum costs no work on a
// weak proof.
func (r *run) checkSecurity(min uint64) error {
	pp := &r.p.Parameters
	bits := SecurityBits(pp)
	r.rep.SecurityBits = bits
	if bits < min {
		return reject(CheckParameters, &SecurityError{
			Bits: bits, NQueries: pp.Stark.Fri.NQueries, LogNCosets: pp.Stark.LogNCosets,
			ProofOfWorkBits: pp.Stark.Fri.ProofOfWorkBits, Required: min,
		})
	}
	return nil
}
