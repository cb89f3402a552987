package program

import (
	"errors"
	"os"
	"strings"
	"testing"
)

func TestLoadErrors(t *testing.T) {
	good, err := os.ReadFile("../cmd/cairn/example/example.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Load(good); err != nil {
		t.Fatalf("example: %v", err)
	}
	cases := map[string]string{
		"truncated":   string(good[:len(good)/2]),
		"not json":    "hello",
		"wrong prime": strings.Replace(string(good), "0x800000000000011000000000000000000000000000000000000000000000001", "0x11", 1),
		"no prime":    `{"data":[]}`,
		"bad data":    `{"prime":"0x800000000000011000000000000000000000000000000000000000000000001","data":["zz"]}`,
		"bad hint pc": `{"prime":"0x800000000000011000000000000000000000000000000000000000000000001","data":["0x1"],"hints":{"7":[]}}`,
		"bad ref":     `{"prime":"0x800000000000011000000000000000000000000000000000000000000000001","data":["0x1"],"reference_manager":{"references":[{"value":"[[[","pc":0,"ap_tracking_data":{"group":0,"offset":0}}]}}`,
	}
	for name, src := range cases {
		_, err := Load([]byte(src))
		var le *LoadError
		if !errors.As(err, &le) {
			t.Errorf("%s: got %v, want a LoadError", name, err)
		}
	}
	_, err = Load([]byte(cases["wrong prime"]))
	if !errors.Is(err, ErrPrime) {
		t.Errorf("wrong prime: %v", err)
	}
}

func TestParseExpr(t *testing.T) {
	for _, s := range []string{
		"[cast(fp + (-3), felt*)]",
		"cast([fp + (-4)] + 1, felt*)",
		"[cast(ap + (-1), starkware.cairo.common.uint256.Uint256*)]",
		"cast(ap + 1, (felt, felt)*)",
		"[cast([[fp + (-3)] + 2] * 3 - 1, felt*)]",
		"&[fp]",
		"cast((1, 2), starkware.cairo.common.ec_point.EcPoint)",
		"cast((\n    d0=1, d1=[fp + (-3)],\n    d2=3,\n), a.UInt384)",
	} {
		if _, err := ParseExpr(s); err != nil {
			t.Errorf("%s: %v", s, err)
		}
	}
	for _, s := range []string{"", "[fp", "cast(fp, ", "foo + 1", "fp )"} {
		if _, err := ParseExpr(s); err == nil {
			t.Errorf("%q parsed", s)
		}
	}
	e, _ := ParseExpr("[cast(fp + (-4), starkware.cairo.common.uint256.Uint256*)]")
	if got := TypeOf(e); got != "starkware.cairo.common.uint256.Uint256" {
		t.Errorf("TypeOf = %s", got)
	}
}
