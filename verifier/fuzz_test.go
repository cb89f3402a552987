package verifier

import (
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/stark/proof"
	vectors "github.com/cairn-vm/cairn/stark/testvectors"
)

// mustReject fails unless err is a typed rejection.
func mustReject(t *testing.T, err error, what string) {
	t.Helper()
	var ve *Error
	if err == nil || !errors.As(err, &ve) || !errors.Is(err, ErrRejected) {
		t.Fatalf("%s: accepted or untyped rejection (%v)", what, err)
	}
}

// FuzzVerify changes the proof bytes of the vector proofs: xor a byte,
// overwrite a run, truncate, or insert bytes. No change may be accepted
// and none may panic.
func FuzzVerify(f *testing.F) {
	var ps []*proof.Proof
	for _, dir := range tamperVectors {
		ps = append(ps, load(f, dir+"/proof.json"))
	}
	f.Add(uint8(0), uint8(0), uint32(0), []byte{1})
	f.Add(uint8(0), uint8(0), uint32(3847), []byte{1})
	f.Add(uint8(0), uint8(0), uint32(31623), []byte{0x80})
	f.Add(uint8(1), uint8(1), uint32(10783), []byte{0, 0, 0, 0, 0, 0, 0, 0})
	f.Add(uint8(1), uint8(2), uint32(1792), []byte{})
	f.Add(uint8(0), uint8(3), uint32(96), []byte{0xff})
	f.Fuzz(func(t *testing.T, which, mode uint8, off uint32, data []byte) {
		p := ps[int(which)%len(ps)]
		b := append([]byte(nil), p.ProofBytes...)
		o := int(off % uint32(len(b)+1))
		switch mode % 4 {
		case 0: // xor
			changed := false
			for i, x := range data {
				if o+i < len(b) && x != 0 {
					b[o+i] ^= x
					changed = true
				}
			}
			if !changed {
				return
			}
		case 1: // overwrite
			changed := false
			for i, x := range data {
				if o+i < len(b) && b[o+i] != x {
					b[o+i] = x
					changed = true
				}
			}
			if !changed {
				return
			}
		case 2: // truncate
			if o == len(b) {
				return
			}
			b = b[:o]
		case 3: // insert
			if len(data) == 0 {
				return
			}
			b = append(b[:o:o], append(append([]byte(nil), data...), p.ProofBytes[o:]...)...)
		}
		q := *p
		q.ProofBytes = b
		_, err := Verify(&q, Options{})
		mustReject(t, err, "changed proof bytes")
	})
}

// strippedJSON is a vector's proof.json without its annotations and
// private input and with proof_hex cut to its first keep bytes (all when
// keep is negative).
func strippedJSON(t testing.TB, dir string, keep int) []byte {
	data, err := os.ReadFile(vectors.Path(t, dir, "proof.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "annotations")
	delete(m, "private_input")
	if keep >= 0 {
		var h string
		if err := json.Unmarshal(m["proof_hex"], &h); err != nil {
			t.Fatal(err)
		}
		if 2+2*keep < len(h) {
			h = h[:2+2*keep]
		}
		m["proof_hex"], _ = json.Marshal(h)
	}
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// FuzzVerifyJSON feeds arbitrary bytes to VerifyJSON, seeded with the
// vector proofs: it must never panic, and must reject with a typed error
// or accept. The seeds keep the messages up to the proof of work (the
// first 3848 bytes of plain-stone, 10784 of plain-cairo-verifier) so the
// verifier runs into the query phase; whole proofs would make the fuzzer
// spend its time minimizing 100 kB inputs.
func FuzzVerifyJSON(f *testing.F) {
	f.Add(strippedJSON(f, "plain-stone", 3848))
	f.Add(strippedJSON(f, "plain-cairo-verifier", 10784))
	f.Add(strippedJSON(f, "plain-stone", 0))
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"proof_hex":"0x","proof_parameters":{},"public_input":{}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		rep, err := VerifyJSON(data, Options{})
		if rep == nil {
			t.Fatal("nil report")
		}
		if err != nil {
			mustReject(t, err, "json")
		}
	})
}

// FuzzVerifyParams runs plain-stone's proof with fuzzed parameters and
// public-input sizes, where a verifier sizes its work: every combination
// other than the original must be rejected, without a panic or a huge
// allocation.
func FuzzVerifyParams(f *testing.F) {
	p := load(f, "plain-stone/proof.json")
	fp := &p.Parameters.Stark.Fri
	orig := []byte{}
	for _, s := range fp.FriStepList {
		orig = append(orig, byte(s))
	}
	f.Add(p.Parameters.Stark.LogNCosets, fp.LastLayerDegreeBound, fp.NQueries, fp.ProofOfWorkBits, orig, p.PublicInput.NSteps, uint64(0), uint8(0))
	f.Add(uint64(4), uint64(1), uint64(18), uint64(24), []byte{0, 4, 4, 4, 2}, uint64(1024), uint64(0), uint8(0))
	f.Add(uint64(10), uint64(64), uint64(1000), uint64(0), []byte{4, 4}, uint64(1<<40), uint64(64), uint8(1))
	f.Add(uint64(1), uint64(1<<14), uint64(1), uint64(64), []byte{0}, uint64(1024), uint64(100), uint8(2))
	f.Fuzz(func(t *testing.T, logCos, last, nq, pow uint64, steps []byte, nSteps, nTop uint64, flags uint8) {
		q := *p
		q.Parameters.Stark.LogNCosets = logCos
		q.Parameters.Stark.Fri.LastLayerDegreeBound = last
		q.Parameters.Stark.Fri.NQueries = nq
		q.Parameters.Stark.Fri.ProofOfWorkBits = pow
		q.Parameters.Stark.Fri.FriStepList = nil
		for _, s := range steps {
			q.Parameters.Stark.Fri.FriStepList = append(q.Parameters.Stark.Fri.FriStepList, uint64(s))
		}
		q.PublicInput.NSteps = nSteps
		q.Parameters.NVerifierFriendlyCommitmentLayers = nTop
		if flags&1 != 0 {
			q.Parameters.VerifierFriendlyChannelUpdates = true
		}
		if flags&2 != 0 {
			q.Parameters.ChannelHash, q.Parameters.CommitmentHash = "poseidon3", "blake256_masked248_lsb"
		}
		same := logCos == p.Parameters.Stark.LogNCosets && last == fp.LastLayerDegreeBound && nq == fp.NQueries &&
			string(steps) == string(orig) && nSteps == p.PublicInput.NSteps && nTop == 0 && flags&3 == 0
		rep, err := Verify(&q, Options{})
		switch {
		case same && pow == fp.ProofOfWorkBits:
			if err != nil {
				t.Fatalf("original parameters rejected: %v", err)
			}
		case same && pow < fp.ProofOfWorkBits && err == nil:
			// The parameters are not hashed into the transcript (not in
			// Stone either): a nonce good for 24 bits is good for fewer
			// with probability 2^-pow, as the PoW hash covers the bit
			// count. The proof is then a valid proof of weaker
			// parameters, which is what MinSecurityBits is for.
			if rep.SecurityBits != nq*logCos+pow {
				t.Fatalf("accepted with %d pow bits; security reported %d", pow, rep.SecurityBits)
			}
			if _, err := Verify(&q, Options{MinSecurityBits: SecurityBits(&p.Parameters)}); !isCheck(err, CheckParameters) {
				t.Fatalf("accepted with %d pow bits at the original's minimum: %v", pow, err)
			}
		default:
			mustReject(t, err, "changed parameters")
		}
	})
}

// FuzzVerifyPublicInput changes plain-stone's public input field by
// field: one public-memory cell (address, value, page), one segment's
// bounds, rc_min, rc_max, n_steps and the layout name (any name: the
// other layouts' statements then see a plain public input). Every change
// must be rejected, without a panic.
func FuzzVerifyPublicInput(f *testing.F) {
	p := load(f, "plain-stone/proof.json")
	f.Add(uint16(0), uint64(0), []byte{}, uint64(0), "", uint64(0), uint64(0), int64(0), int64(0), uint64(0), "plain")
	f.Add(uint16(9), uint64(10), []byte{0x20, 0x8b}, uint64(0), "program", uint64(1), uint64(5), int64(1), int64(0), uint64(1024), "plain")
	f.Add(uint16(3), uint64(1), []byte{1}, uint64(1), "output", uint64(5), uint64(6), int64(0), int64(-1), uint64(1024), "small")
	f.Add(uint16(0), uint64(1), []byte{}, uint64(0), "execution", uint64(36), uint64(648), int64(0), int64(0), uint64(1024), "dynamic")
	f.Add(uint16(1), uint64(2), []byte{}, uint64(0), "range_check", uint64(0), uint64(0), int64(0), int64(0), uint64(2048), "starknet_with_keccak")
	f.Fuzz(func(t *testing.T, idx uint16, addr uint64, value []byte, page uint64, seg string, begin, stop uint64, dMin, dMax int64, nSteps uint64, layout string) {
		q := *p
		pi := clonePublicInput(p.PublicInput)
		if len(value) > 32 {
			value = value[:32]
		}
		c := &pi.PublicMemory[int(idx)%len(pi.PublicMemory)]
		c.Address, c.Page = addr, page
		var b [32]byte
		copy(b[32-len(value):], value)
		c.Value = felt.FromBytesBEReduce(b[:])
		if seg != "" {
			pi.MemorySegments[seg] = proof.Segment{BeginAddr: begin, StopPtr: stop}
		}
		pi.RcMin = uint64(int64(pi.RcMin) + dMin)
		pi.RcMax = uint64(int64(pi.RcMax) + dMax)
		pi.NSteps, pi.Layout = nSteps, layout
		q.PublicInput = pi
		same := pi.Layout == p.PublicInput.Layout && pi.NSteps == p.PublicInput.NSteps && pi.RcMin == p.PublicInput.RcMin &&
			pi.RcMax == p.PublicInput.RcMax && *c == p.PublicInput.PublicMemory[int(idx)%len(pi.PublicMemory)] &&
			(seg == "" || p.PublicInput.MemorySegments[seg] == (proof.Segment{BeginAddr: begin, StopPtr: stop}))
		_, err := Verify(&q, Options{})
		if same {
			return // the original, or one not changed enough to matter
		}
		mustReject(t, err, "changed public input")
	})
}
