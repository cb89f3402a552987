package hints

import (
	"fmt"

	"github.com/cairn-vm/cairn/builtins"
)

// The hint of common/modulo.cairo's run_mod_p_circuit.

func init() {
	register(`
        from starkware.cairo.lang.builtins.modulo.mod_builtin_runner import ModBuiltinRunner
        assert builtin_runners["add_mod_builtin"].instance_def.batch_size == 1
        assert builtin_runners["mul_mod_builtin"].instance_def.batch_size == 1

        ModBuiltinRunner.fill_memory(
            memory=memory,
            add_mod=(ids.add_mod_ptr.address_, builtin_runners["add_mod_builtin"], ids.add_mod_n),
            mul_mod=(ids.mul_mod_ptr.address_, builtin_runners["mul_mod_builtin"], ids.mul_mod_n),
        )
    `, func(c *Context) error {
		add, err := modRunner(c, "add_mod")
		if err != nil {
			return err
		}
		mul, err := modRunner(c, "mul_mod")
		if err != nil {
			return err
		}
		if add.BatchSize() != 1 || mul.BatchSize() != 1 {
			return assertf("")
		}
		parts := [2]*builtins.ModFill{}
		for i, name := range []string{"add_mod", "mul_mod"} {
			ptr, err := c.Ptr(name + "_ptr.address_")
			if err != nil {
				return err
			}
			n, err := c.Felt(name + "_n")
			if err != nil {
				return err
			}
			b := add
			if i == 1 {
				b = mul
			}
			parts[i] = &builtins.ModFill{B: b, Ptr: ptr, N: n}
		}
		return runnerError(builtins.FillModMemory(c.Mem, parts[0], parts[1]))
	})
}

// modRunner is builtin_runners["<name>_builtin"].
func modRunner(c *Context, name string) (*builtins.ModBuiltin, error) {
	r, ok := c.Env.Builtins[name]
	if !ok {
		return nil, fmt.Errorf("KeyError: '%s_builtin'", name)
	}
	b, ok := r.(*builtins.ModBuiltin)
	if !ok {
		return nil, fmt.Errorf("AttributeError: the %s builtin has no instance_def", name)
	}
	return b, nil
}

// runnerError turns a builtin runner's assertion into the hint's
// AssertionError and keeps other errors (memory errors: the hint's
// traceback ends in them) as they are.
func runnerError(err error) error {
	if err != nil && builtins.IsAssertion(err) {
		return &AssertionError{Msg: err.Error()}
	}
	return err
}
