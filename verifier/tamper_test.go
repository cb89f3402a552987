package verifier

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/stark/proof"
)

// tamperVectors are the vectors the tampering tests run on: one per
// channel (keccak256 stone preset, poseidon3 cairo-verifier preset) on
// the plain layout, and small-cairo-verifier (the other original of the
// negative vectors: builtins and an output page).
var tamperVectors = []string{"plain-stone", "plain-cairo-verifier", "small-cairo-verifier"}

// loadTamper loads a vector and checks that the original is accepted, so
// that each rejection is the change's doing.
func loadTamper(t *testing.T, dir string) *proof.Proof {
	p := load(t, dir+"/proof.json")
	if _, err := Verify(p, Options{}); err != nil {
		t.Fatalf("original rejected: %v", err)
	}
	return p
}

// nibblePositions lists the hex digits of proof_hex (0 = the first digit
// after "0x") to change: n positions spread evenly from the first digit to
// the last, and, from the proof's own annotations, every digit of the
// proof-of-work nonce, the first and last digit of every commitment and
// OODS value message, and the last digit of every FRI last-layer
// coefficient.
func nibblePositions(t *testing.T, p *proof.Proof, n int) []int {
	nd := 2 * len(p.ProofBytes)
	set := map[int]bool{}
	for i := 0; i < n; i++ {
		set[i*(nd-1)/(n-1)] = true
	}
	anns, err := p.TranscriptAnnotations()
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]int{}
	for _, a := range anns {
		if a.Dir != proof.ProverToVerifier {
			continue
		}
		lo, hi := 2*a.Start, 2*a.End
		switch {
		case strings.HasSuffix(a.Scope, "/Proof of Work"):
			for d := lo; d < hi; d++ {
				set[d] = true
			}
			found["pow"]++
		case a.Label == "Commitment":
			set[lo], set[hi-1] = true, true
			found["commitment"]++
		case strings.HasSuffix(a.Scope, "/OODS values"):
			set[lo], set[hi-1] = true, true
			found["oods"]++
		case strings.HasSuffix(a.Scope, "/Last Layer"):
			for d := lo + 63; d < hi; d += 64 {
				set[d] = true
			}
			found["last layer"]++
		}
	}
	for _, k := range []string{"pow", "commitment", "oods", "last layer"} {
		if found[k] == 0 {
			t.Fatalf("no %s message in the annotations", k)
		}
	}
	out := make([]int, 0, len(set))
	for d := range set {
		out = append(out, d)
	}
	sort.Ints(out)
	return out
}

// rejections counts rejections by check across parallel subtests.
type rejections struct {
	mu sync.Mutex
	n  map[Check]int
}

func (r *rejections) add(t *testing.T, what string, err error) {
	t.Helper()
	var ve *Error
	if !errors.As(err, &ve) || !errors.Is(err, ErrRejected) {
		t.Errorf("%s: accepted or untyped (%v)", what, err)
		return
	}
	r.mu.Lock()
	r.n[ve.Check]++
	r.mu.Unlock()
}

// TestNibbleChanges changes one hex digit of proof_hex at a time, at
// 240 positions spread over the proof plus the positions named in
// nibblePositions, and requires every copy to be rejected.
func TestNibbleChanges(t *testing.T) {
	n := 240
	if testing.Short() {
		n = 40
	}
	for _, dir := range tamperVectors {
		t.Run(dir, func(t *testing.T) {
			p := loadTamper(t, dir)
			positions := nibblePositions(t, p, n)
			if !testing.Short() && len(positions) < 200 {
				t.Fatalf("only %d positions", len(positions))
			}
			rej := &rejections{n: map[Check]int{}}
			t.Run("digits", func(t *testing.T) {
				// A few parallel workers, not one goroutine per position:
				// the machine has two cores.
				const workers = 2
				for w := 0; w < workers; w++ {
					t.Run(fmt.Sprint(w), func(t *testing.T) {
						t.Parallel()
						for i := w; i < len(positions); i += workers {
							d := positions[i]
							// Every non-zero xor of a nibble occurs.
							x := byte(1 + i%15)
							if d%2 == 0 {
								x <<= 4
							}
							q := *p
							q.ProofBytes = append([]byte(nil), p.ProofBytes...)
							q.ProofBytes[d/2] ^= x
							_, err := Verify(&q, Options{})
							rej.add(t, fmt.Sprintf("hex digit %d xor %#x", d, x), err)
						}
					})
				}
			})
			t.Logf("%d hex digits of %d changed; rejections by check: %v", len(positions), 2*len(p.ProofBytes), rej.n)

			q := *p
			// One felt-sized word: the poseidon3 channel reads the proof
			// in 32-byte words.
			q.ProofBytes = append(append([]byte(nil), p.ProofBytes...), make([]byte, 32)...)
			if _, err := Verify(&q, Options{}); !isCheck(err, CheckProofLength) {
				t.Errorf("trailing word: %v", err)
			}
			q.ProofBytes = p.ProofBytes[:len(p.ProofBytes)-1]
			if _, err := Verify(&q, Options{}); !isCheck(err, CheckProofFormat) {
				t.Errorf("truncated: %v", err)
			}
		})
	}
}

// clonePublicInput copies pi deeply enough to mutate it.
func clonePublicInput(pi proof.PublicInput) proof.PublicInput {
	pi.PublicMemory = append([]proof.MemoryCell(nil), pi.PublicMemory...)
	segs := make(map[string]proof.Segment, len(pi.MemorySegments))
	for k, v := range pi.MemorySegments {
		segs[k] = v
	}
	pi.MemorySegments = segs
	return pi
}

// TestPublicInputChanges changes every value of the public input, one at
// a time: each public memory cell's value (and, on up to about 40 cells,
// its address and page, or drops it), both bounds
// of every segment, n_steps, rc_min and rc_max; and drops, duplicates and
// swaps public memory cells. Every copy must be rejected.
func TestPublicInputChanges(t *testing.T) {
	for _, dir := range tamperVectors {
		t.Run(dir, func(t *testing.T) {
			p := loadTamper(t, dir)
			type mutation struct {
				name string
				f    func(pi *proof.PublicInput)
			}
			var ms []mutation
			add := func(name string, f func(pi *proof.PublicInput)) { ms = append(ms, mutation{name, f}) }
			one := felt.FromUint64(1)
			// Every cell's value changes; the other cell changes run on
			// about 40 cells spread over a large public memory.
			nm := len(p.PublicInput.PublicMemory)
			every := (nm + 39) / 40
			for i := range p.PublicInput.PublicMemory {
				add(fmt.Sprintf("public_memory[%d].value+1", i), func(pi *proof.PublicInput) {
					c := &pi.PublicMemory[i]
					c.Value = c.Value.Add(one)
				})
				if i%every != 0 && i != nm-1 {
					continue
				}
				add(fmt.Sprintf("public_memory[%d].value=0 or 1", i), func(pi *proof.PublicInput) {
					c := &pi.PublicMemory[i]
					if c.Value.IsZero() {
						c.Value = one
					} else {
						c.Value = felt.Felt{}
					}
				})
				add(fmt.Sprintf("public_memory[%d].address+1", i), func(pi *proof.PublicInput) { pi.PublicMemory[i].Address++ })
				add(fmt.Sprintf("public_memory[%d].page=1", i), func(pi *proof.PublicInput) { pi.PublicMemory[i].Page = 1 })
				add(fmt.Sprintf("drop public_memory[%d]", i), func(pi *proof.PublicInput) {
					pi.PublicMemory = append(pi.PublicMemory[:i], pi.PublicMemory[i+1:]...)
				})
			}
			add("duplicate public_memory[0]", func(pi *proof.PublicInput) {
				pi.PublicMemory = append(pi.PublicMemory, pi.PublicMemory[0])
			})
			add("swap public_memory values 0 and 1", func(pi *proof.PublicInput) {
				m := pi.PublicMemory
				m[0].Value, m[1].Value = m[1].Value, m[0].Value
			})
			for name := range p.PublicInput.MemorySegments {
				for _, d := range []int64{-1, 1} {
					add(fmt.Sprintf("%s.begin_addr%+d", name, d), func(pi *proof.PublicInput) {
						s := pi.MemorySegments[name]
						s.BeginAddr = uint64(int64(s.BeginAddr) + d)
						pi.MemorySegments[name] = s
					})
					add(fmt.Sprintf("%s.stop_ptr%+d", name, d), func(pi *proof.PublicInput) {
						s := pi.MemorySegments[name]
						s.StopPtr = uint64(int64(s.StopPtr) + d)
						pi.MemorySegments[name] = s
					})
				}
			}
			add("no execution segment", func(pi *proof.PublicInput) { delete(pi.MemorySegments, "execution") })
			for _, d := range []int64{-1, 1} {
				add(fmt.Sprintf("rc_min%+d", d), func(pi *proof.PublicInput) { pi.RcMin = uint64(int64(pi.RcMin) + d) })
				add(fmt.Sprintf("rc_max%+d", d), func(pi *proof.PublicInput) { pi.RcMax = uint64(int64(pi.RcMax) + d) })
			}
			add("rc_min=rc_max", func(pi *proof.PublicInput) { pi.RcMin = pi.RcMax })
			add("n_steps*2", func(pi *proof.PublicInput) { pi.NSteps *= 2 })
			add("n_steps/2", func(pi *proof.PublicInput) { pi.NSteps /= 2 })
			add("n_steps+1", func(pi *proof.PublicInput) { pi.NSteps++ })
			other := "small"
			if p.PublicInput.Layout == other {
				other = "plain"
			}
			add("layout "+other, func(pi *proof.PublicInput) { pi.Layout = other })

			rej := &rejections{n: map[Check]int{}}
			t.Run("changes", func(t *testing.T) {
				const workers = 2
				for w := 0; w < workers; w++ {
					t.Run(fmt.Sprint(w), func(t *testing.T) {
						t.Parallel()
						for i := w; i < len(ms); i += workers {
							q := *p
							q.PublicInput = clonePublicInput(p.PublicInput)
							ms[i].f(&q.PublicInput)
							_, err := Verify(&q, Options{})
							rej.add(t, ms[i].name, err)
						}
					})
				}
			})
			t.Logf("%d public-input changes; rejections by check: %v", len(ms), rej.n)
		})
	}
}
