package hints

import (
	"fmt"

	"github.com/cairn-vm/cairn/builtins"
)

// The hint of common/signature.cairo's verify_ecdsa_signature: it hands the
// signature to the ecdsa builtin, which checks it when the instance's public
// key and message are written.

func init() {
	register(`ecdsa_builtin.add_signature(ids.ecdsa_ptr.address_, (ids.signature_r, ids.signature_s))`, func(c *Context) error {
		r, ok := c.Env.Builtins["ecdsa"]
		if !ok {
			return fmt.Errorf("NameError: name 'ecdsa_builtin' is not defined")
		}
		e, ok := r.(*builtins.Ecdsa)
		if !ok {
			return fmt.Errorf("AttributeError: the ecdsa builtin has no add_signature")
		}
		addr, err := c.Get("ecdsa_ptr.address_")
		if err != nil {
			return err
		}
		sr, err := c.Felt("signature_r")
		if err != nil {
			return err
		}
		ss, err := c.Felt("signature_s")
		if err != nil {
			return err
		}
		return runnerError(e.AddSignature(addr, builtins.Signature{R: sr, S: ss}))
	})
}
