package felt

import (
	"errors"
	"fmt"
	"math/big"
	"math/bits"
	"strings"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"
)

// Felt is an element of the Cairo field. The zero value is 0.
type Felt fp.Element

// Bytes is the size of a felt in its fixed-width byte encodings.
const Bytes = fp.Bytes

var (
	// ErrDivisionByZero is returned by Div when the divisor is zero.
	ErrDivisionByZero = errors.New("division by zero")
	// ErrNotInField is returned when a text or byte value is not below p.
	ErrNotInField = errors.New("value is not below the field prime")
	// ErrSyntax is returned when text is not a decimal or 0x-hex integer.
	ErrSyntax = errors.New("not an integer")
)

var (
	prime     = fp.Modulus()
	halfPrime = new(big.Int).Rsh(fp.Modulus(), 1)
)

// Prime returns p as a new big.Int.
func Prime() *big.Int { return new(big.Int).Set(prime) }

// PrimeHex is p as cairo-lang writes it in compiled programs.
const PrimeHex = "0x800000000000011000000000000000000000000000000000000000000000001"

func (z *Felt) e() *fp.Element { return (*fp.Element)(z) }

// FromUint64 returns v as a felt.
func FromUint64(v uint64) Felt {
	var e fp.Element
	e.SetUint64(v)
	return Felt(e)
}

// FromInt64 returns v mod p.
func FromInt64(v int64) Felt {
	var e fp.Element
	e.SetInt64(v)
	return Felt(e)
}

// FromBigInt returns v mod p (negative values wrap around).
func FromBigInt(v *big.Int) Felt {
	var e fp.Element
	e.SetBigInt(v)
	return Felt(e)
}

// One returns 1.
func One() Felt { return Felt(fp.One()) }

// SetString parses a decimal or 0x-prefixed hex integer, optionally negative,
// and reduces it mod p. Values of any size are accepted, as cairo-lang does
// for immediates and program data.
func SetString(s string) (Felt, error) {
	v, err := ParseBig(s)
	if err != nil {
		return Felt{}, err
	}
	return FromBigInt(v), nil
}

// ParseBig parses a decimal or 0x-prefixed hex integer, optionally negative.
func ParseBig(s string) (*big.Int, error) {
	t := strings.TrimSpace(s)
	neg := false
	if strings.HasPrefix(t, "-") {
		neg, t = true, t[1:]
	}
	base := 10
	if strings.HasPrefix(t, "0x") || strings.HasPrefix(t, "0X") {
		base, t = 16, t[2:]
	}
	if t == "" || t[0] == '-' || t[0] == '+' || strings.Contains(t, "_") {
		return nil, fmt.Errorf("%w: %q", ErrSyntax, s)
	}
	v, ok := new(big.Int).SetString(t, base)
	if !ok {
		return nil, fmt.Errorf("%w: %q", ErrSyntax, s)
	}
	if neg {
		v.Neg(v)
	}
	return v, nil
}

// Add returns a + b.
func (z Felt) Add(b Felt) Felt { var r Felt; r.e().Add(z.e(), b.e()); return r }

// Sub returns a - b.
func (z Felt) Sub(b Felt) Felt { var r Felt; r.e().Sub(z.e(), b.e()); return r }

// Mul returns a * b.
func (z Felt) Mul(b Felt) Felt { var r Felt; r.e().Mul(z.e(), b.e()); return r }

// Neg returns -a.
func (z Felt) Neg() Felt { var r Felt; r.e().Neg(z.e()); return r }

// Inverse returns 1/a, or ErrDivisionByZero for 0.
func (z Felt) Inverse() (Felt, error) {
	if z.IsZero() {
		return Felt{}, ErrDivisionByZero
	}
	var r Felt
	r.e().Inverse(z.e())
	return r, nil
}

// Div returns a / b in the field, or ErrDivisionByZero.
func (z Felt) Div(b Felt) (Felt, error) {
	inv, err := b.Inverse()
	if err != nil {
		return Felt{}, err
	}
	return z.Mul(inv), nil
}

// IsZero reports whether a == 0.
func (z Felt) IsZero() bool { return z == Felt{} }

// Equal reports whether a == b.
func (z Felt) Equal(b Felt) bool { return z == b }

// Cmp compares the canonical integer values of a and b.
func (z Felt) Cmp(b Felt) int { return z.e().Cmp(b.e()) }

// IsUint64 reports whether the canonical value fits in a uint64.
func (z Felt) IsUint64() bool { return z.e().IsUint64() }

// Uint64 returns the low 64 bits of the canonical value.
func (z Felt) Uint64() uint64 { return z.e().Uint64() }

// BigInt returns the canonical value in [0, p).
func (z Felt) BigInt() *big.Int { return z.e().BigInt(new(big.Int)) }

// Signed returns the value in (-p/2, p/2], the form cairo-run uses when it
// prints program output.
func (z Felt) Signed() *big.Int {
	v := z.BigInt()
	if v.Cmp(halfPrime) > 0 {
		v.Sub(v, prime)
	}
	return v
}

// String returns the canonical value in decimal.
func (z Felt) String() string { return z.BigInt().Text(10) }

// Hex returns the canonical value as 0x-prefixed lowercase hex.
func (z Felt) Hex() string { return "0x" + z.BigInt().Text(16) }

// Bits returns the canonical value as four little-endian 64-bit words.
func (z Felt) Bits() [4]uint64 { return z.e().Bits() }

// BitLen returns the bit length of the canonical value.
func (z Felt) BitLen() int {
	b := z.Bits()
	for i := 3; i >= 0; i-- {
		if b[i] != 0 {
			return 64*i + bits.Len64(b[i])
		}
	}
	return 0
}

// BytesBE returns the canonical value as 32 big-endian bytes.
func (z Felt) BytesBE() [Bytes]byte { return z.e().Bytes() }

// BytesLE returns the canonical value as 32 little-endian bytes.
func (z Felt) BytesLE() [Bytes]byte {
	var b [Bytes]byte
	fp.LittleEndian.PutElement(&b, fp.Element(z))
	return b
}

// FromBytesBE reads 32 big-endian bytes holding a value below p.
func FromBytesBE(b [Bytes]byte) (Felt, error) {
	e, err := fp.BigEndian.Element(&b)
	if err != nil {
		return Felt{}, ErrNotInField
	}
	return Felt(e), nil
}

// FromBytesLE reads 32 little-endian bytes holding a value below p.
func FromBytesLE(b [Bytes]byte) (Felt, error) {
	e, err := fp.LittleEndian.Element(&b)
	if err != nil {
		return Felt{}, ErrNotInField
	}
	return Felt(e), nil
}

// FromBytesBEReduce reads big-endian bytes of any length and reduces mod p.
func FromBytesBEReduce(b []byte) Felt {
	return FromBigInt(new(big.Int).SetBytes(b))
}

// Pow2String returns 2^n in decimal.
func Pow2String(n int) string { return new(big.Int).Lsh(big.NewInt(1), uint(n)).String() }
