package fri

import (
	"math/big"
	"math/bits"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"
)

// Domain is the FRI evaluation domain of Stone's MakeFftBases: the
// multiplicative subgroup of order 2^LogSize, in bit-reversed order. Layer
// k of the bases is the subgroup of order 2^(LogSize-k) (the squares of
// layer k-1), also bit-reversed, so the element at index i of layer k is
// g_k^bitrev(i, LogSize-k) with g_k = g^(2^k) and g = 3^((p-1)/2^LogSize).
// Elements 2j and 2j+1 of a layer are x and -x, and their square is element
// j of the next layer.
type Domain struct {
	LogSize int
	pow2    []fp.Element // pow2[k] = g^(2^k)
}

// NewDomain returns the domain of size 2^logSize (1 <= logSize <= 192).
func NewDomain(logSize int) *Domain {
	d := &Domain{LogSize: logSize, pow2: make([]fp.Element, logSize+1)}
	e := new(big.Int).Sub(fp.Modulus(), big.NewInt(1))
	e.Rsh(e, uint(logSize))
	var three fp.Element
	three.SetUint64(3)
	d.pow2[0].Exp(three, e)
	for k := 1; k <= logSize; k++ {
		d.pow2[k].Square(&d.pow2[k-1])
	}
	return d
}

// Generator returns g^(2^k), the generator of layer k.
func (d *Domain) Generator(k int) fp.Element { return d.pow2[k] }

// At returns element i of layer k.
func (d *Domain) At(k int, i uint64) fp.Element {
	n := d.LogSize - k
	e := bits.Reverse64(i) >> (64 - uint(n))
	if n == 0 {
		e = 0
	}
	x := fp.One()
	for j := 0; e != 0; j, e = j+1, e>>1 {
		if e&1 == 1 {
			x.Mul(&x, &d.pow2[k+j])
		}
	}
	return x
}

// BitReverse reverses the low n bits of i.
func BitReverse(i uint64, n int) uint64 {
	if n == 0 {
		return 0
	}
	return bits.Reverse64(i) >> (64 - uint(n))
}
