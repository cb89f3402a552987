package hash

import (
	"encoding/hex"
	"strings"
	"testing"
)

func TestKnownAnswers(t *testing.T) {
	cases := []struct {
		h    Hasher
		in   string
		want string
	}{
		{Keccak256Hasher, "", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"},
		{Keccak256Masked160MSB, "", "c5d2460186f7233c927e7db2dcc703c0e500b653000000000000000000000000"},
		{Blake256Hasher, "", "69217a3079908094e11121d042354a7c1f55b6482ca1a51e1b250dfd1ed0eef9"},
		{Blake256Masked248LSB, "", "00217a3079908094e11121d042354a7c1f55b6482ca1a51e1b250dfd1ed0eef9"},
		{Blake256Masked160LSB, "", "00000000000000000000000042354a7c1f55b6482ca1a51e1b250dfd1ed0eef9"},
	}
	for _, c := range cases {
		d := c.h.HashBytes([]byte(c.in))
		if got := hex.EncodeToString(d[:]); got != c.want {
			t.Errorf("%s(%q) = %s, want %s", c.h.Name(), c.in, got, c.want)
		}
	}
}

func TestPairIsConcatenation(t *testing.T) {
	a, b := Digest{1, 2, 3}, Digest{31: 9}
	for _, h := range []Hasher{Keccak256Masked160MSB, Blake256Masked248LSB} {
		if h.HashPair(a, b) != h.HashBytes(append(a[:], b[:]...)) {
			t.Errorf("%s: HashPair is not the hash of the concatenation", h.Name())
		}
	}
}

func TestByName(t *testing.T) {
	for _, n := range []string{"keccak256", "keccak256_masked160_msb", "blake256_masked248_lsb"} {
		h, err := ByName(n)
		if err != nil || h.Name() != n {
			t.Errorf("ByName(%q) = %v, %v", n, h, err)
		}
	}
	if _, err := ByName("sha1"); err == nil {
		t.Error("sha1 should not be available")
	}
	if h, err := ByName("poseidon3"); err != nil || Format(h, Digest{31: 1}) != "0x1" {
		t.Errorf("poseidon3: %v", err)
	}
	if Format(Blake256Masked248LSB, Digest{31: 1}) != "0x"+strings.Repeat("0", 63)+"1" {
		t.Error("LSB-masked digests print all 64 digits")
	}
	if (Digest{}).Hex() != "0x0" || (Digest{31: 0x1f}).Hex() != "0x1f" {
		t.Error("Hex")
	}
}
