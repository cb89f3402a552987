package trace

import (
	"fmt"
	"slices"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"
)

// dilute spreads bit i of x to bit i·spacing (diluted_check_cell::Dilute).
func dilute(x, spacing, nBits uint64) uint64 {
	var r uint64
	for i := range nBits {
		r |= (x >> i & 1) << (i * spacing)
	}
	return r
}

// undilute is dilute's inverse on its image.
func undilute(x, spacing, nBits uint64) uint64 {
	var r uint64
	for i := range nBits {
		r |= (x >> (i * spacing) & 1) << i
	}
	return r
}

// finalizeDiluted is DilutedCheckCell::Finalize: each free unit takes the
// next value of [0, 2^n_bits) not yet in the pool (then the last value),
// diluted.
func (t *Trace) finalizeDiluted() error {
	sp, nb := t.Layout.DilutedSpacing, t.Layout.DilutedNBits
	if sp == 0 || nb == 0 || nb >= 32 || (nb-1)*sp >= 64 {
		return fmt.Errorf("%w: layout %s: diluted spacing %d, %d bits", ErrExecution, t.Layout.Name, sp, nb)
	}
	total := uint64(1) << nb
	seen := make([]bool, total)
	p := t.dil
	for i, ok := range p.set {
		if !ok {
			continue
		}
		u := undilute(p.values[i], sp, nb)
		if dilute(u, sp, nb) != p.values[i] {
			return fmt.Errorf("%w: diluted unit %d holds %#x, not a diluted value", ErrExecution, i, p.values[i])
		}
		seen[u] = true
	}
	cur := uint64(0)
	for i, ok := range p.set {
		if ok {
			continue
		}
		for ; cur != total-1; cur++ {
			if !seen[cur] {
				break
			}
		}
		seen[cur] = true
		if err := p.write(t, uint64(i), dilute(cur, sp, nb)); err != nil {
			return err
		}
	}
	for ; cur != total; cur++ {
		if !seen[cur] {
			return fmt.Errorf("%w: trace too short for the diluted-check values", ErrExecution)
		}
	}
	return nil
}

// writeSortedDiluted is DilutedCheckComponentProverContext0::WriteTrace.
func (t *Trace) writeSortedDiluted() error {
	v, err := t.vc("diluted_check/permuted_values")
	if err != nil {
		return err
	}
	sp, nb := t.Layout.DilutedSpacing, t.Layout.DilutedNBits
	t.dilSorted = slices.Clone(t.dil.values)
	slices.Sort(t.dilSorted)
	if t.dilSorted[0] != 0 {
		return fmt.Errorf("%w: diluted values missing below %#x", ErrExecution, t.dilSorted[0])
	}
	for i, x := range t.dilSorted {
		if i > 0 && x != t.dilSorted[i-1] && x != dilute(undilute(t.dilSorted[i-1], sp, nb)+1, sp, nb) {
			return fmt.Errorf("%w: diluted values missing between %#x and %#x", ErrExecution, t.dilSorted[i-1], x)
		}
		var e fp.Element
		e.SetUint64(x)
		t.set(v, uint64(i), e)
	}
	return nil
}

// dilutedInteraction is DilutedCheckComponentProverContext1::WriteTrace:
// the permutation product of the pool against its sorted copy, and the
// cumulative value r_i = r_{i-1}·(1 + z·d) + α·d², d the sorted step.
func (t *Trace) dilutedInteraction(permZ, z, alpha fp.Element, setI func(string) (func(uint64, *fp.Element), error)) error {
	set, err := setI("diluted_check/permutation/cum_prod0")
	if err != nil {
		return err
	}
	if last := permProduct(t.dil.values, t.dilSorted, permZ, set); !last.IsOne() {
		return fmt.Errorf("%w: diluted permutation product is not 1", ErrExecution)
	}
	if set, err = setI("diluted_check/cumulative_value"); err != nil {
		return err
	}
	val := fp.One()
	set(0, &val)
	one := fp.One()
	for i := 1; i < len(t.dilSorted); i++ {
		var d, a, b fp.Element
		d.SetUint64(t.dilSorted[i] - t.dilSorted[i-1])
		a.Mul(&z, &d)
		a.Add(&a, &one)
		val.Mul(&val, &a)
		b.Square(&d)
		b.Mul(&b, &alpha)
		val.Add(&val, &b)
		set(uint64(i), &val)
	}
	if want := expectedFinalCumulative(t.Layout.DilutedSpacing, t.Layout.DilutedNBits, z, alpha); !val.Equal(&want) {
		return fmt.Errorf("%w: diluted cumulative value differs from the expected final value", ErrExecution)
	}
	return nil
}

// expectedFinalCumulative is ExpectedFinalCumulativeValue.
func expectedFinalCumulative(spacing, nBits uint64, z, alpha fp.Element) fp.Element {
	one := fp.One()
	var p, q, mult, diffX, x fp.Element
	p.Add(&one, &z)
	q = one
	mult.SetUint64(1 << spacing)
	diffX.Sub(&mult, &one)
	diffX.Sub(&diffX, &one)
	x = one
	for i := uint64(1); i < nBits; i++ {
		x.Add(&x, &diffX)
		diffX.Mul(&diffX, &mult)
		var xp, y, t fp.Element
		xp.Mul(&x, &p)
		y.Mul(&z, &xp)
		y.Add(&y, &p)
		t.Mul(&x, &xp)
		t.Add(&t, &q) // q = q·y + x·x_p + q
		q.Mul(&q, &y)
		q.Add(&q, &t)
		p.Mul(&p, &y)
	}
	var r fp.Element
	r.Mul(&q, &alpha)
	r.Add(&r, &p)
	return r
}
