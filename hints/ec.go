package hints

import (
	"fmt"

	"github.com/cairn-vm/cairn/crypto/ecdsa"
	"github.com/cairn-vm/cairn/vm/memory"
)

// The hints of common/ec.cairo's ec_op and chained_ec_op: a deterministic
// random point s, added before and removed after using the ec_op builtin
// so that it does not meet two points with the same x coordinate.

func init() {
	register(`
        from starkware.crypto.signature.signature import ALPHA, BETA, FIELD_PRIME
        from starkware.python.math_utils import random_ec_point
        from starkware.python.utils import to_bytes

        # Define a seed for random_ec_point that's dependent on all the input, so that:
        #   (1) The added point s is deterministic.
        #   (2) It's hard to choose inputs for which the builtin will fail.
        seed = b"".join(map(to_bytes, [ids.p.x, ids.p.y, ids.m, ids.q.x, ids.q.y]))
        ids.s.x, ids.s.y = random_ec_point(FIELD_PRIME, ALPHA, BETA, seed)
    `, func(c *Context) error {
		var seed []byte
		for _, name := range []string{"p.x", "p.y", "m", "q.x", "q.y"} {
			v, err := c.Get(name)
			if err != nil {
				return err
			}
			if seed, err = appendToBytes(seed, v); err != nil {
				return err
			}
		}
		return setRandomPoint(c, seed)
	})

	register(`
        from starkware.crypto.signature.signature import ALPHA, BETA, FIELD_PRIME
        from starkware.python.math_utils import random_ec_point
        from starkware.python.utils import to_bytes

        n_elms = ids.len
        assert isinstance(n_elms, int) and n_elms >= 0, \
            f'Invalid value for len. Got: {n_elms}.'
        if '__chained_ec_op_max_len' in globals():
            assert n_elms <= __chained_ec_op_max_len, \
                f'chained_ec_op() can only be used with len<={__chained_ec_op_max_len}. ' \
                f'Got: n_elms={n_elms}.'

        # Define a seed for random_ec_point that's dependent on all the input, so that:
        #   (1) The added point s is deterministic.
        #   (2) It's hard to choose inputs for which the builtin will fail.
        seed = b"".join(
            map(
                to_bytes,
                [
                    ids.p.x,
                    ids.p.y,
                    *memory.get_range(ids.m, n_elms),
                    *memory.get_range(ids.q.address_, 2 * n_elms),
                ],
            )
        )
        ids.s.x, ids.s.y = random_ec_point(FIELD_PRIME, ALPHA, BETA, seed)
    `, func(c *Context) error {
		lenV, err := c.Get("len")
		if err != nil {
			return err
		}
		n, ok := lenV.Felt()
		if !ok {
			return assertf("Invalid value for len. Got: %v.", lenV)
		}
		if !n.IsUint64() || n.Uint64() > 1<<32 {
			// Reading that many cells fails in cairo-lang too.
			return fmt.Errorf("chained_ec_op: len %v is too large", n)
		}
		var seed []byte
		for _, name := range []string{"p.x", "p.y"} {
			v, err := c.Get(name)
			if err != nil {
				return err
			}
			if seed, err = appendToBytes(seed, v); err != nil {
				return err
			}
		}
		mPtr, err := c.Ptr("m")
		if err != nil {
			return err
		}
		qv, err := c.Get("q.address_")
		if err != nil {
			return err
		}
		qPtr, ok := qv.Ptr()
		if !ok {
			return fmt.Errorf("ids.q: expected a pointer, found %v", qv)
		}
		for _, r := range []struct {
			at memory.Ptr
			n  uint64
		}{{mPtr, n.Uint64()}, {qPtr, 2 * n.Uint64()}} {
			for i := uint64(0); i < r.n; i++ {
				v, err := c.Mem.Read(r.at.AddUint(i))
				if err != nil {
					return err
				}
				if seed, err = appendToBytes(seed, v); err != nil {
					return err
				}
			}
		}
		return setRandomPoint(c, seed)
	})
}

// appendToBytes appends starkware.python.utils.to_bytes(v): 32 big-endian
// bytes of an integer.
func appendToBytes(seed []byte, v memory.Value) ([]byte, error) {
	f, ok := v.Felt()
	if !ok {
		return nil, fmt.Errorf("TypeError: to_bytes of the relocatable value %v", v)
	}
	b := f.BytesBE()
	return append(seed, b[:]...), nil
}

// setRandomPoint writes ids.s = random_ec_point(FIELD_PRIME, ALPHA, BETA, seed).
func setRandomPoint(c *Context, seed []byte) error {
	s, err := ecdsa.RandomPoint(seed)
	if err != nil {
		return fmt.Errorf("Exception: Could not find a point on the curve.")
	}
	if err := c.SetFelt("s.x", s.X); err != nil {
		return err
	}
	return c.SetFelt("s.y", s.Y)
}
