package trace

import (
	"fmt"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"
)

// Interaction builds the layout's interaction columns from the
// interaction elements in Stone's order (CpuAir::WithInteractionElements:
// memory z and alpha, range-check z, then the diluted check's permutation
// z, cumulative z and alpha), as CpuAir::GetInteractionTrace does.
func (t *Trace) Interaction(elms []fp.Element) ([][]fp.Element, error) {
	l := t.Layout
	if len(elms) != l.NInteractionElements {
		return nil, fmt.Errorf("%w: %d interaction elements, layout %s draws %d", ErrExecution, len(elms), l.Name, l.NInteractionElements)
	}
	out := make([][]fp.Element, l.NColumnsSecond)
	for c := range out {
		out[c] = make([]fp.Element, t.Length)
	}
	setI := func(name string) (func(i uint64, v *fp.Element), error) {
		v, err := t.vc(name)
		if err != nil {
			return nil, err
		}
		if !v.Interaction {
			return nil, fmt.Errorf("%w: virtual column %s is not in the interaction trace", ErrExecution, name)
		}
		_, c := v.TraceColumn(l.NColumnsFirst)
		if c < 0 || c >= len(out) {
			return nil, fmt.Errorf("%w: virtual column %s in interaction column %d of %d", ErrExecution, name, c, len(out))
		}
		col := out[c]
		return func(i uint64, x *fp.Element) { col[v.Row(i)] = *x }, nil
	}

	memZ, memAlpha, rcZ := elms[0], elms[1], elms[2]
	m := t.mem
	np := len(m.addr)
	orig := make([]fp.Element, np)
	perm := make([]fp.Element, np)
	for i := range np {
		var a, b fp.Element
		if !m.public[i] {
			a.SetUint64(m.addr[i])
			b.Mul(&memAlpha, &m.value[i])
			a.Add(&a, &b)
		}
		orig[i].Sub(&memZ, &a)
		a.SetUint64(t.sortedAddr[i])
		b.Mul(&memAlpha, &t.sortedValue[i])
		a.Add(&a, &b)
		perm[i].Sub(&memZ, &a)
	}
	set, err := setI("memory/multi_column_perm/perm/cum_prod0")
	if err != nil {
		return nil, err
	}
	last := cumProdInto(orig, perm, set)
	if want := t.PublicMemoryProd(memZ, memAlpha); !last.Equal(&want) {
		return nil, fmt.Errorf("%w: memory permutation product differs from the public-memory product", ErrExecution)
	}

	if set, err = setI("range_check16/perm/cum_prod0"); err != nil {
		return nil, err
	}
	if last := permProduct(t.rc.values, t.rcSorted, rcZ, set); !last.IsOne() {
		return nil, fmt.Errorf("%w: range-check permutation product is not 1", ErrExecution)
	}
	if t.dil != nil {
		if err := t.dilutedInteraction(elms[3], elms[4], elms[5], setI); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// permProduct writes prod_{k<=i} (z - orig_k) / (z - sorted_k) and returns
// the last one.
func permProduct(orig, sorted []uint64, z fp.Element, set func(uint64, *fp.Element)) fp.Element {
	n := len(orig)
	num := make([]fp.Element, n)
	den := make([]fp.Element, n)
	for i := range n {
		var a, b fp.Element
		a.SetUint64(orig[i])
		b.SetUint64(sorted[i])
		num[i].Sub(&z, &a)
		den[i].Sub(&z, &b)
	}
	return cumProdInto(num, den, set)
}

func cumProdInto(num, den []fp.Element, set func(uint64, *fp.Element)) fp.Element {
	inv := fp.BatchInvert(den)
	v := fp.One()
	for i := range num {
		v.Mul(&v, &num[i])
		v.Mul(&v, &inv[i])
		set(uint64(i), &v)
	}
	return v
}

// PublicMemoryProd is CpuAir::GetPublicMemoryProd.
func (t *Trace) PublicMemoryProd(z, alpha fp.Element) fp.Element {
	p := Plain{Public: t.Public, NPublicSlots: t.NPublicSlots}
	return p.PublicMemoryProd(z, alpha)
}
