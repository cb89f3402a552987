package hints

import (
	"math/big"

	"github.com/cairn-vm/cairn/vm/memory"
)

// The hints of common/alloc.cairo, memcpy.cairo and memset.cairo.

func init() {
	// alloc(): a fresh segment for the new array.
	register(`memory[ap] = segments.add()`, func(c *Context) error {
		return c.SetAP(0, memory.FromPtr(c.Mem.AddSegment()))
	})

	// memcpy: the loop counter lives in its own exec scope.
	register(`vm_enter_scope({'n': ids.len})`, func(c *Context) error {
		n, err := c.Int("len")
		if err != nil {
			return err
		}
		c.EnterScope(map[string]any{"n": n})
		return nil
	})
	register(`
        n -= 1
        ids.continue_copying = 1 if n > 0 else 0
    `, func(c *Context) error { return loopCounter(c, "continue_copying") })

	// memset.
	register(`vm_enter_scope({'n': ids.n})`, func(c *Context) error {
		n, err := c.Int("n")
		if err != nil {
			return err
		}
		c.EnterScope(map[string]any{"n": n})
		return nil
	})
	register(`
        n -= 1
        ids.continue_loop = 1 if n > 0 else 0
    `, func(c *Context) error { return loopCounter(c, "continue_loop") })

	register(`vm_exit_scope()`, func(c *Context) error { return c.ExitScope() })
	register(`vm_enter_scope()`, func(c *Context) error {
		c.EnterScope(nil)
		return nil
	})
}

// loopCounter decrements the scope's n and sets ids.<flag> = n > 0.
func loopCounter(c *Context, flag string) error {
	v, err := c.ScopeVar("n")
	if err != nil {
		return err
	}
	n, ok := v.(*big.Int)
	if !ok {
		return assertf("n is not an integer")
	}
	n = new(big.Int).Sub(n, big1(1))
	c.Scope()["n"] = n
	cont := int64(0)
	if n.Sign() > 0 {
		cont = 1
	}
	return c.SetInt(flag, big1(cont))
}
