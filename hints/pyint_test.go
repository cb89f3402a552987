package hints

import (
	"math/big"
	"strings"
	"testing"
)

// The Python-integer helpers of the bigint family against values printed by
// cairo-lang 0.14.0.1's venv (math_utils, secp_utils, Python's operators).

func bi(s string) *big.Int {
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic(s)
	}
	return v
}

func TestPythonDivision(t *testing.T) {
	for _, c := range []struct{ a, m, q, r int64 }{
		{-7, 3, -3, 2}, {7, -3, -3, -2}, {-7, -3, 2, -1}, {7, 3, 2, 1},
	} {
		q, r, err := pyDivMod(big1(c.a), big1(c.m))
		if err != nil || q.Int64() != c.q || r.Int64() != c.r {
			t.Errorf("divmod(%d, %d) = %v, %v, %v; Python: %d, %d", c.a, c.m, q, r, err, c.q, c.r)
		}
		if m, _ := pyMod(big1(c.a), big1(c.m)); m.Int64() != c.r {
			t.Errorf("%d %% %d = %v; Python: %d", c.a, c.m, m, c.r)
		}
	}
	if _, _, err := pyDivMod(big1(1), big1(0)); err == nil || err.Error() != "ZeroDivisionError: integer division or modulo by zero" {
		t.Errorf("divmod by 0: %v", err)
	}
	if _, err := pyMod(big1(1), big1(0)); err == nil || err.Error() != "ZeroDivisionError: integer modulo by zero" {
		t.Errorf("%% by 0: %v", err)
	}
}

func TestDivModSafeDiv(t *testing.T) {
	for _, c := range []struct{ n, m, p, want int64 }{{5, 3, 11, 9}, {-5, 3, 11, 2}, {1, -3, 11, 7}} {
		if got, err := divMod(big1(c.n), big1(c.m), big1(c.p)); err != nil || got.Int64() != c.want {
			t.Errorf("div_mod(%d, %d, %d) = %v, %v; want %d", c.n, c.m, c.p, got, err, c.want)
		}
	}
	if _, err := divMod(big1(1), big1(0), big1(11)); err == nil {
		t.Error("div_mod(1, 0, 11) succeeded")
	}
	if _, err := safeDiv(big1(7), big1(2)); err == nil || err.Error() != "7 is not divisible by 2." {
		t.Errorf("safe_div(7, 2): %v", err)
	}
	if q, err := safeDiv(big1(-8), big1(2)); err != nil || q.Int64() != -4 {
		t.Errorf("safe_div(-8, 2) = %v, %v", q, err)
	}
}

func TestSqrtResidue(t *testing.T) {
	for _, c := range []struct {
		n, p int64
		res  bool
		root int64
	}{{2, 7, true, 3}, {4, 7, true, 2}, {0, 13, true, 0}, {3, 7, false, 0}, {0, 7, true, 0}, {1, 1, true, 0}, {5, 2, true, 1}} {
		ok, err := isQuadResidue(big1(c.n), big1(c.p))
		if err != nil || ok != c.res {
			t.Errorf("is_quad_residue(%d, %d) = %v, %v", c.n, c.p, ok, err)
		}
		if ok && c.p > 1 {
			if r, err := modSqrt(big1(c.n), big1(c.p)); err != nil || r.Int64() != c.root {
				t.Errorf("sqrt(%d, %d) = %v, %v; want %d", c.n, c.p, r, err, c.root)
			}
		}
	}
	r, err := modSqrt(big1(2), secpP)
	if want := bi("14948361426284523007780350147288027888107167579622651558244346453762823115767"); err != nil || r.Cmp(want) != 0 {
		t.Errorf("sqrt(2, SECP_P) = %v, %v", r, err)
	}
	if ok, _ := isQuadResidue(big1(7), secpP); ok {
		t.Error("7 is not a residue mod SECP_P")
	}
}

func TestSecpSplit(t *testing.T) {
	limbs, err := secpSplit(secpP)
	want := []string{"77371252455336262886226991", "77371252455336267181195263", "19342813113834066795298815"}
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if limbs[i].String() != want[i] {
			t.Errorf("split(SECP_P)[%d] = %v, want %s", i, limbs[i], want[i])
		}
	}
	if _, err := secpSplit(big1(-1)); err == nil {
		t.Error("split(-1) succeeded")
	}
	if _, err := secpSplit(pow2(258)); err == nil {
		t.Error("split(2**258) succeeded")
	}
}

// TestFamilyCodes: the hint families register the library's code
// (normalized), so a program compiled from cairo-lang finds them.
func TestFamilyCodes(t *testing.T) {
	for _, code := range []string{
		"from starkware.cairo.common.cairo_secp.secp_utils import split\n\nsegments.write_arg(ids.res.address_, split(value))",
		"memory[fp + 0] = to_felt_or_relocatable(nibbles.pop())",
		"memory[ap] = to_felt_or_relocatable(x == 0)",
		"ids.locs.bit = (ids.prev_locs.exp % PRIME) & 1",
		"ids.low = ids.a & ((1<<64) - 1)\nids.high = ids.a >> 64",
	} {
		if _, ok := Default.Lookup(code); !ok {
			t.Errorf("no implementation for %q", strings.SplitN(code, "\n", 2)[0])
		}
	}
}
