package felt

import (
	"math/big"
	"math/rand"
	"testing"
)

func randBig(r *rand.Rand) *big.Int {
	switch r.Intn(4) {
	case 0:
		return big.NewInt(r.Int63n(1000) - 500)
	case 1:
		return new(big.Int).Sub(prime, big.NewInt(r.Int63n(1000)))
	}
	b := make([]byte, 32)
	r.Read(b)
	return new(big.Int).Mod(new(big.Int).SetBytes(b), prime)
}

func mod(v *big.Int) *big.Int { return new(big.Int).Mod(v, prime) }

// TestAgainstBig checks the field operations against math/big.
func TestAgainstBig(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		a, b := randBig(r), randBig(r)
		fa, fb := FromBigInt(a), FromBigInt(b)
		check := func(op string, got Felt, want *big.Int) {
			if got.BigInt().Cmp(mod(want)) != 0 {
				t.Fatalf("%s(%v, %v) = %v, want %v", op, a, b, got, mod(want))
			}
		}
		check("add", fa.Add(fb), new(big.Int).Add(a, b))
		check("sub", fa.Sub(fb), new(big.Int).Sub(a, b))
		check("mul", fa.Mul(fb), new(big.Int).Mul(a, b))
		check("neg", fa.Neg(), new(big.Int).Neg(a))
		if mod(b).Sign() != 0 {
			q, err := fa.Div(fb)
			if err != nil {
				t.Fatal(err)
			}
			check("div", q.Mul(fb), a)
		} else if _, err := fa.Div(fb); err != ErrDivisionByZero {
			t.Fatalf("div by zero: %v", err)
		}
		if fa.String() != mod(a).String() {
			t.Fatalf("String %s != %s", fa.String(), mod(a))
		}
		if fa.BitLen() != mod(a).BitLen() {
			t.Fatalf("BitLen(%v) = %d", mod(a), fa.BitLen())
		}
		s := mod(a)
		if s.Cmp(halfPrime) > 0 {
			s.Sub(s, prime)
		}
		if fa.Signed().Cmp(s) != 0 {
			t.Fatalf("Signed(%v) = %v", mod(a), fa.Signed())
		}
		le, be := fa.BytesLE(), fa.BytesBE()
		for j := 0; j < Bytes; j++ {
			if le[j] != be[Bytes-1-j] {
				t.Fatal("LE is not reversed BE")
			}
		}
		back, err := FromBytesLE(le)
		if err != nil || back != fa {
			t.Fatalf("LE round trip: %v %v", back, err)
		}
		back, err = FromBytesBE(be)
		if err != nil || back != fa {
			t.Fatalf("BE round trip: %v %v", back, err)
		}
		if fa.IsUint64() != (mod(a).IsUint64()) || (fa.IsUint64() && fa.Uint64() != mod(a).Uint64()) {
			t.Fatalf("Uint64 of %v", mod(a))
		}
		if fa.Cmp(fb) != mod(a).Cmp(mod(b)) {
			t.Fatalf("Cmp(%v, %v)", mod(a), mod(b))
		}
	}
}

func TestParse(t *testing.T) {
	for s, want := range map[string]string{
		"0x10": "16", "-1": new(big.Int).Sub(prime, big.NewInt(1)).String(), "123": "123",
		PrimeHex: "0", "0X1f": "31",
	} {
		f, err := SetString(s)
		if err != nil || f.String() != want {
			t.Errorf("SetString(%q) = %v, %v; want %s", s, f, err, want)
		}
	}
	for _, s := range []string{"", "0x", "abc", "1.5", "--1"} {
		if _, err := SetString(s); err == nil {
			t.Errorf("SetString(%q) accepted", s)
		}
	}
	var over [Bytes]byte
	for i := range over {
		over[i] = 0xff
	}
	if _, err := FromBytesBE(over); err == nil {
		t.Error("value above p accepted")
	}
	if Pow2String(128) != "340282366920938463463374607431768211456" {
		t.Error("Pow2String")
	}
}

func FuzzSetString(f *testing.F) {
	f.Add("0x1234")
	f.Add("-99999999999999999999999999999999999999999999999999999999999999999999999999999")
	f.Fuzz(func(t *testing.T, s string) {
		v, err := SetString(s)
		if err != nil {
			return
		}
		b, _ := ParseBig(s)
		if v.BigInt().Cmp(mod(b)) != 0 {
			t.Fatalf("%q: %v", s, v)
		}
	})
}
