package fri

import (
	"errors"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"
)

func TestDomain(t *testing.T) {
	d := NewDomain(10)
	one := fp.One()
	var g fp.Element
	g = d.Generator(0)
	// g has order exactly 2^10.
	x := g
	for i := 0; i < 9; i++ {
		x.Square(&x)
	}
	var minusOne fp.Element
	minusOne.Neg(&one)
	if x != minusOne {
		t.Fatal("g^(2^9) != -1")
	}
	for k := 0; k < 9; k++ {
		n := uint64(1) << uint(10-k)
		for j := uint64(0); j < n/2; j++ {
			a, b := d.At(k, 2*j), d.At(k, 2*j+1)
			var s fp.Element
			s.Add(&a, &b)
			if !s.IsZero() {
				t.Fatalf("layer %d: elements %d, %d are not x, -x", k, 2*j, 2*j+1)
			}
			a.Square(&a)
			if c := d.At(k+1, j); a != c {
				t.Fatalf("layer %d: element %d squared is not element %d of the next layer", k, 2*j, j)
			}
		}
	}
	if d.At(0, 0) != one || d.At(10, 0) != one {
		t.Fatal("first element is not 1")
	}
	if d.At(0, 1) != minusOne {
		t.Fatal("element 1 is not -1")
	}
	if BitReverse(1, 3) != 4 || BitReverse(6, 3) != 3 || BitReverse(5, 0) != 0 {
		t.Fatal("BitReverse")
	}
}

// TestFoldLowDegree folds the evaluations of a polynomial of degree < 2^s·m
// s times and checks the result is the evaluation of a polynomial of
// degree < m (here m = 1: a constant), as FRI relies on.
func TestFoldLowDegree(t *testing.T) {
	const logN = 6
	d := NewDomain(logN)
	v := &Verifier{p: Params{StepList: []int{0, 3}, LogDomainSize: logN}, dom: d}
	coeffs := make([]fp.Element, 8) // degree < 8 = 2^3
	for i := range coeffs {
		coeffs[i].SetUint64(uint64(7*i + 3))
	}
	var e fp.Element
	e.SetUint64(12345)
	var first *fp.Element
	for row := uint64(0); row < 8; row++ {
		coset := make([]fp.Element, 8)
		for c := range coset {
			x := d.At(0, row*8+uint64(c))
			coset[c] = EvalLastLayer(coeffs, &x)
		}
		got := v.applyLayers(coset, &e, 1, row*8)
		if first == nil {
			first = &got
		} else if got != *first {
			t.Fatalf("row %d folds to a different constant", row)
		}
	}
}

func TestParamsCheck(t *testing.T) {
	good := Params{StepList: []int{0, 4, 4}, LastLayerDegreeBound: 64, NQueries: 18, ProofOfWorkBits: 24, LogDomainSize: 18}
	if err := good.Check(1 << 14); err != nil {
		t.Fatal(err)
	}
	bad := []func(p *Params){
		func(p *Params) { p.StepList = nil },
		func(p *Params) { p.StepList = []int{0, 0, 8} },
		func(p *Params) { p.LastLayerDegreeBound = 63 },
		func(p *Params) { p.LastLayerDegreeBound = 128 },
		func(p *Params) { p.NQueries = 0 },
		func(p *Params) { p.ProofOfWorkBits = 65 },
		func(p *Params) { p.StepList = []int{-1, 4, 5} },
	}
	for i, f := range bad {
		p := good
		p.StepList = append([]int(nil), good.StepList...)
		f(&p)
		if err := p.Check(1 << 14); !errors.Is(err, ErrParams) {
			t.Errorf("case %d: %v", i, err)
		}
	}
}
