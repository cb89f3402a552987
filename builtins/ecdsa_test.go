package builtins

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/cairn-vm/cairn/vm/memory"
)

const (
	testPub = "0x2abbefdcbf731195ee2acd186441eb536e86f888327b3655cffbd07b57dbf26"
	testR   = "0x1da72dc8c8a54cefa8c6bd7ea44374876654e41a99c35690b43385d5fa3fa3b"
	testS   = "0x3645aa1290ac333e5cf7835af00cd8752141c86da92f445c32c016c4ddf3170"
)

func TestEcdsaBuiltin(t *testing.T) {
	e := NewEcdsa(true, testLB)
	m := setup(t, e)
	sig := Signature{R: mustFelt(t, testR), S: mustFelt(t, testS)}
	if err := e.AddSignature(memory.FromPtr(memory.Ptr{Offset: 0}), sig); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		addr memory.Value
		want string
	}{
		{memory.FromUint64(4), "Expected memory address to be relocatable value. Found: 4."},
		{memory.FromPtr(memory.Ptr{Segment: 3}), "Signature hint must point to the signature builtin segment, not 3:0."},
		{memory.FromPtr(memory.Ptr{Offset: 3}), "Signature hint must point to the public key cell, not 0:3."},
	} {
		if err := e.AddSignature(c.addr, sig); err == nil || err.Error() != c.want {
			t.Errorf("AddSignature(%v): %v", c.addr, err)
		}
	}
	// A valid signature: the message first, then the key.
	set(t, m, 1, memory.FromUint64(0x7f))
	set(t, m, 0, memory.FromFelt(mustFelt(t, testPub)))
	// The same signature for another message.
	if err := e.AddSignature(memory.FromPtr(memory.Ptr{Offset: 2}), sig); err != nil {
		t.Fatal(err)
	}
	set(t, m, 2, memory.FromFelt(mustFelt(t, testPub)))
	err := m.Set(memory.Ptr{Offset: 3}, memory.FromUint64(0x80))
	if err == nil || !strings.HasPrefix(err.Error(), "Signature (838278253777382092482700243725274151283618552315652413063881410686698650171, 1534248754272493558562080276187909497375168375748543743595212798325078045040), is invalid, with respect to the public key 1208074719396117507686862747384501184525808054783897821629805344259219242790, and the message hash 128.") {
		t.Fatalf("got %v", err)
	}
	// No signature registered.
	set(t, m, 4, memory.FromUint64(1))
	if err := m.Set(memory.Ptr{Offset: 5}, memory.FromUint64(1)); err == nil || err.Error() != "Signature hint is missing for ECDSA builtin at address 0:4. Add it using 'ecdsa_builtin.add_signature'." {
		t.Fatalf("got %v", err)
	}
	// s = 0 makes cairo-lang's verify raise.
	if err := e.AddSignature(memory.FromPtr(memory.Ptr{Offset: 6}), Signature{R: sig.R}); err != nil {
		t.Fatal(err)
	}
	set(t, m, 6, memory.FromUint64(1))
	if err := m.Set(memory.Ptr{Offset: 7}, memory.FromUint64(1)); err == nil || err.Error() != "s = 0" {
		t.Fatalf("got %v", err)
	}
}

func TestEcdsaPrivateInput(t *testing.T) {
	e := NewEcdsa(true, testLB)
	m := setup(t, e)
	sig := Signature{R: mustFelt(t, testR), S: mustFelt(t, testS)}
	if err := e.AddSignature(memory.FromPtr(memory.Ptr{Offset: 0}), sig); err != nil {
		t.Fatal(err)
	}
	set(t, m, 0, memory.FromFelt(mustFelt(t, testPub)))
	set(t, m, 1, memory.FromUint64(0x7f))
	v, ok, err := e.RelocatedPrivateInput(m, nil)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	b, _ := json.Marshal(v)
	want := `[{"index":0,"msg":"0x7f","pubkey":"` + testPub + `","signature_input":{"r":"` + testR + `","w":"0x5fc8a708ef1a0e82f03270e101c3a659f8780ca1e7006b6743be58391ddb328"}}]`
	if string(b) != want {
		t.Fatalf("got  %s\nwant %s", b, want)
	}
}
