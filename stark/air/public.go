package air

import (
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/stark/proof"
)

// ErrPublicInput is wrapped when the public input cannot feed the
// constraints (a missing segment, an empty public memory, a public memory
// longer than the trace holds).
var ErrPublicInput = errors.New("public input does not fit the layout")

// offsetBits is Stone's CpuComponent::kOffsetBits: instruction offsets are
// 16-bit, biased by 2^15.
const offsetBits = 16

// publicValues computes every Program input named in names: Stone's
// CpuAirDefinition members set from the public input (cpu_air_definition*.h
// constructor) and from the interaction elements (CpuAir::
// WithInteractionElementsImpl in cpu_air.inl).
func (l *Layout) publicValues(names []string, pi *proof.PublicInput, inter []fp.Element, traceLen uint64) ([]fp.Element, error) {
	if len(inter) != l.NInteractionElements {
		return nil, fmt.Errorf("%w: %d interaction elements, layout %s draws %d", ErrPublicInput, len(inter), l.Name, l.NInteractionElements)
	}
	// Interaction elements in Stone's order: memory z and alpha, range
	// check z, then the diluted check's three, then add_mod, mul_mod.
	named := map[string]fp.Element{}
	order := []string{
		"memory__multi_column_perm__perm__interaction_elm_",
		"memory__multi_column_perm__hash_interaction_elm0_",
		"range_check16__perm__interaction_elm_",
	}
	if l.HasDilutedPool {
		order = append(order,
			"diluted_check__permutation__interaction_elm_",
			"diluted_check__interaction_z_",
			"diluted_check__interaction_alpha_")
	}
	if l.HasAddMod {
		order = append(order, "add_mod__interaction_elm_")
	}
	if l.HasMulMod {
		order = append(order, "mul_mod__interaction_elm_")
	}
	if len(order) != len(inter) {
		return nil, fmt.Errorf("%w: layout %s: %d interaction elements for %d uses", ErrEval, l.Name, len(inter), len(order))
	}
	for i, n := range order {
		named[n] = inter[i]
	}
	curve, err := curveConsts()
	if err != nil {
		return nil, err
	}
	out := make([]fp.Element, len(names))
	for i, n := range names {
		if v, ok := named[n]; ok {
			out[i] = v
			continue
		}
		v, err := l.publicValue(n, pi, named, curve, traceLen)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

func (l *Layout) publicValue(n string, pi *proof.PublicInput, inter map[string]fp.Element, c *curve, traceLen uint64) (fp.Element, error) {
	var v fp.Element
	seg := func(name string) (proof.Segment, error) {
		s, ok := pi.MemorySegments[name]
		if !ok {
			return s, fmt.Errorf("%w: no %q memory segment", ErrPublicInput, name)
		}
		return s, nil
	}
	switch n {
	case "offset_size_":
		v.SetUint64(1 << offsetBits)
	case "half_offset_size_":
		v.SetUint64(1 << (offsetBits - 1))
	case "range_check_min_":
		v.SetUint64(pi.RcMin)
	case "range_check_max_":
		v.SetUint64(pi.RcMax)
	case "initial_ap_", "final_ap_", "initial_pc_", "final_pc_":
		name := "execution"
		if strings.HasSuffix(n, "pc_") {
			name = "program"
		}
		s, err := seg(name)
		if err != nil {
			return v, err
		}
		if strings.HasPrefix(n, "initial") {
			v.SetUint64(s.BeginAddr)
		} else {
			v.SetUint64(s.StopPtr)
		}
	case "range_check16__perm__public_memory_prod_", "diluted_check__permutation__public_memory_prod_":
		v.SetOne()
	case "add_mod__initial_mod_addr_", "mul_mod__initial_mod_addr_":
		s, err := seg(strings.TrimSuffix(n, "__initial_mod_addr_"))
		if err != nil {
			return v, err
		}
		v.SetUint64(s.BeginAddr)
	case "diluted_check__first_elm_":
		v.SetZero()
	case "diluted_check__final_cum_val_":
		v = dilutedFinalCumVal(l.DilutedSpacing, l.DilutedNBits, inter["diluted_check__interaction_z_"], inter["diluted_check__interaction_alpha_"])
	case "memory__multi_column_perm__perm__public_memory_prod_":
		return l.publicMemoryProd(pi, inter, traceLen)
	case "pedersen__shift_point_.x", "ecdsa__sig_config_.shift_point.x":
		v = c.points[0][0]
	case "pedersen__shift_point_.y", "ecdsa__sig_config_.shift_point.y":
		v = c.points[0][1]
	case "ecdsa__sig_config_.alpha", "ec_op__curve_config_.alpha":
		v = c.alpha
	case "ecdsa__sig_config_.beta", "ec_op__curve_config_.beta":
		v = c.beta
	default:
		// initial_<builtin>_addr_: the builtin segment's begin address.
		if b, ok := strings.CutPrefix(n, "initial_"); ok {
			if b, ok = strings.CutSuffix(b, "_addr_"); ok {
				s, err := seg(b)
				if err != nil {
					return v, err
				}
				v.SetUint64(s.BeginAddr)
				return v, nil
			}
		}
		return v, fmt.Errorf("%w: layout %s needs %q, which is not computed", ErrEval, l.Name, n)
	}
	return v, nil
}

// publicMemoryProd is Stone's CpuAir::GetPublicMemoryProd: the memory
// permutation's expected final value, z^n / Π (z - (addr + alpha·value))
// over the public memory padded with copies of its first cell to the
// n = TraceLength/PublicMemoryStep public-memory slots of the trace.
func (l *Layout) publicMemoryProd(pi *proof.PublicInput, inter map[string]fp.Element, traceLen uint64) (fp.Element, error) {
	var zero fp.Element
	z := inter["memory__multi_column_perm__perm__interaction_elm_"]
	alpha := inter["memory__multi_column_perm__hash_interaction_elm0_"]
	if l.PublicMemoryStep == 0 || traceLen%l.PublicMemoryStep != 0 {
		return zero, fmt.Errorf("%w: public memory step %d", ErrEval, l.PublicMemoryStep)
	}
	n := traceLen / l.PublicMemoryStep
	mem := pi.PublicMemory
	if len(mem) == 0 {
		return zero, fmt.Errorf("%w: empty public memory", ErrPublicInput)
	}
	if uint64(len(mem)) > n {
		return zero, fmt.Errorf("%w: %d public memory cells, the trace holds %d", ErrPublicInput, len(mem), n)
	}
	term := func(c proof.MemoryCell) fp.Element {
		var a, t fp.Element
		a.SetUint64(c.Address)
		val := fp.Element(c.Value)
		t.Mul(&alpha, &val)
		t.Add(&t, &a)
		t.Sub(&z, &t)
		return t
	}
	den := fp.One()
	for _, c := range mem {
		t := term(c)
		den.Mul(&den, &t)
	}
	pad := term(mem[0])
	var padPow fp.Element
	padPow.Exp(pad, new(big.Int).SetUint64(n-uint64(len(mem))))
	den.Mul(&den, &padPow)
	if den.IsZero() {
		return zero, fmt.Errorf("%w: public memory product has a zero factor", ErrPublicInput)
	}
	var num fp.Element
	num.Exp(z, new(big.Int).SetUint64(n))
	den.Inverse(&den)
	num.Mul(&num, &den)
	return num, nil
}

// dilutedFinalCumVal is Stone's DilutedCheckComponentProverContext1::
// ExpectedFinalCumulativeValue: r_{2^nBits} of r_1 = 1, r_{j+1} = r_j·(1 +
// z·u_j) + alpha·u_j², u_j the step between consecutive diluted values,
// computed in nBits doubling steps.
func dilutedFinalCumVal(spacing, nBits uint64, z, alpha fp.Element) fp.Element {
	one := fp.One()
	var p, q, diffMul, diffX, x fp.Element
	p.Add(&one, &z)
	q = one
	diffMul.SetUint64(1 << spacing)
	diffX.Sub(&diffMul, &one)
	diffX.Sub(&diffX, &one)
	x = one
	for i := uint64(1); i < nBits; i++ {
		x.Add(&x, &diffX)
		diffX.Mul(&diffX, &diffMul)
		var xp, y, t fp.Element
		xp.Mul(&x, &p)
		y.Mul(&z, &xp)
		y.Add(&y, &p)
		t.Mul(&x, &xp)
		var nq fp.Element
		nq.Mul(&q, &y)
		nq.Add(&nq, &t)
		nq.Add(&nq, &q)
		q = nq
		p.Mul(&p, &y)
	}
	var r fp.Element
	r.Mul(&q, &alpha)
	r.Add(&r, &p)
	return r
}
