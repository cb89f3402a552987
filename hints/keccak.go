package hints

import (
	"fmt"
	"math/big"
)

// The hints of common/builtin_keccak/keccak.cairo (keccak with the keccak
// builtin).

func init() {
	// _keccak_output_to_uint256.
	register(`
        ids.output0_low = ids.output0 & ((1 << 128) - 1)
        ids.output0_high = ids.output0 >> 128
    `, func(c *Context) error {
		v, err := c.Int("output0")
		if err != nil {
			return err
		}
		low := new(big.Int).And(v, new(big.Int).Sub(pow2(128), big1(1)))
		if err := c.SetInt("output0_low", low); err != nil {
			return err
		}
		return c.SetInt("output0_high", new(big.Int).Rsh(v, 128))
	})
	register(`
        tmp, ids.output1_low = divmod(ids.output1, 256 ** 7)
        ids.output1_high, ids.output1_mid = divmod(tmp, 2 ** 128)
    `, func(c *Context) error {
		v, err := c.Int("output1")
		if err != nil {
			return err
		}
		tmp, low := floorDivMod(v, pow2(56))
		if err := c.SetInt("output1_low", low); err != nil {
			return err
		}
		high, mid := floorDivMod(tmp, pow2(128))
		if err := c.SetInt("output1_high", high); err != nil {
			return err
		}
		return c.SetInt("output1_mid", mid)
	})

	// _prepare_full_block: split inputs[3k] at byte k.
	for k := 1; k <= 5; k++ {
		k := k
		pow := "256"
		if k > 1 {
			pow = fmt.Sprintf("256 ** %d", k)
		}
		i := 3 * k
		register(fmt.Sprintf(`ids.high%d, ids.low%d = divmod(memory[ids.inputs + %d], %s)`, i, i, i, pow),
			func(c *Context) error {
				p, err := c.Ptr("inputs")
				if err != nil {
					return err
				}
				v, err := c.Mem.Read(p.AddUint(uint64(i)))
				if err != nil {
					return err
				}
				f, ok := v.Felt()
				if !ok {
					return fmt.Errorf("unsupported operand type(s) for divmod(): 'RelocatableValue' and 'int'")
				}
				high, low := floorDivMod(f.BigInt(), pow2(uint(8*k)))
				if err := c.SetInt(fmt.Sprintf("high%d", i), high); err != nil {
					return err
				}
				return c.SetInt(fmt.Sprintf("low%d", i), low)
			})
	}

	// keccak_utils/keccak_utils.cairo's keccak_add_uint256 (keccak_uint256s,
	// keccak_felts...): the 64-bit little-endian words of low and high.
	register(`
        segments.write_arg(ids.inputs, [ids.low % 2 ** 64, ids.low // 2 ** 64])
        segments.write_arg(ids.inputs + 2, [ids.high % 2 ** 64, ids.high // 2 ** 64])
    `, func(c *Context) error {
		p, err := c.Ptr("inputs")
		if err != nil {
			return err
		}
		for i, name := range []string{"low", "high"} {
			v, err := c.Int(name)
			if err != nil {
				return err
			}
			q, r := floorDivMod(v, pow2(64))
			for j, w := range []*big.Int{r, q} {
				if err := c.Mem.Set(p.AddUint(uint64(2*i+j)), feltValue(w)); err != nil {
					return err
				}
			}
		}
		return nil
	})

	// _prepare_last_block.
	register(`ids.n_words_to_copy, ids.n_bytes_left = divmod(ids.n_bytes, ids.BYTES_IN_WORD)`, func(c *Context) error {
		n, err := c.Int("n_bytes")
		if err != nil {
			return err
		}
		w, err := c.Const("BYTES_IN_WORD")
		if err != nil {
			return err
		}
		if w.Sign() == 0 {
			return fmt.Errorf("integer division or modulo by zero")
		}
		q, r := floorDivMod(n, w)
		if err := c.SetInt("n_words_to_copy", q); err != nil {
			return err
		}
		return c.SetInt("n_bytes_left", r)
	})

	// _keccak's loop condition.
	register(`memory[ap] = to_felt_or_relocatable(ids.n_bytes >= ids.KECCAK_FULL_RATE_IN_BYTES)`, func(c *Context) error {
		n, err := c.Int("n_bytes")
		if err != nil {
			return err
		}
		rate, err := c.Const("KECCAK_FULL_RATE_IN_BYTES")
		if err != nil {
			return err
		}
		return c.SetAP(0, boolValue(n.Cmp(rate) >= 0))
	})
}
