package hints

import (
	"fmt"
	"math/big"

	"github.com/cairn-vm/cairn/crypto/keccak"
	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/vm/memory"
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

	// _prepare_full_block: split inputs[3k] at byte k (k = 1..5); and
	// simulate_keccak's keccak_builtin_state_to_felts: felt_array[3k] at
	// byte k (k = 1..7).
	for _, arr := range []struct {
		name string
		maxK int
	}{{"inputs", 5}, {"felt_array", 7}} {
		for k := 1; k <= arr.maxK; k++ {
			registerKeccakSplit(arr.name, k)
		}
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

// registerKeccakSplit registers
// ids.high<3k>, ids.low<3k> = divmod(memory[ids.<arr> + 3k], 256 ** k).
func registerKeccakSplit(arr string, k int) {
	pow := "256"
	if k > 1 {
		pow = fmt.Sprintf("256 ** %d", k)
	}
	i := 3 * k
	register(fmt.Sprintf(`ids.high%d, ids.low%d = divmod(memory[ids.%s + %d], %s)`, i, i, arr, i, pow),
		func(c *Context) error {
			p, err := c.Ptr(arr)
			if err != nil {
				return err
			}
			v, err := c.Mem.Read(p.AddUint(uint64(i)))
			if err != nil {
				return err
			}
			f, ok := v.Felt()
			if !ok {
				return pyErr("TypeError", "unsupported operand type(s) for divmod(): 'RelocatableValue' and 'int'")
			}
			high, low := floorDivMod(f.BigInt(), pow2(uint(8*k)))
			if err := c.SetInt(fmt.Sprintf("high%d", i), high); err != nil {
				return err
			}
			return c.SetInt(fmt.Sprintf("low%d", i), low)
		})
}

// The hints of common/keccak.cairo (unsafe_keccak, unsafe_keccak_finalize:
// eth_hash's Keccak-256), common/cairo_keccak/keccak.cairo (keccak with the
// bitwise builtin: the block permutation keccak_utils.keccak_func and
// finalize_keccak's padding), the cairo_keccak whitelist's variants, and
// simulate_builtin_keccak_with_cairo/simulate_keccak.cairo.
//
// "from ... import keccak_func" binds keccak_func in the exec scope as a
// pyFunc: finalize_keccak's hint calls it without importing it, so it fails
// with NameError unless a block permutation ran in the same scope, as in
// cairo-lang.

const (
	modKeccakUtils      = "starkware.cairo.common.keccak_utils.keccak_utils"
	modCairoKeccakUtils = "starkware.cairo.common.cairo_keccak.keccak_utils"
)

// valueAddr is Python's memory address arithmetic base + off: a pointer,
// or for an integer base the cell cairo-lang cannot find.
func valueAddr(base memory.Value, off uint64) (memory.Ptr, error) {
	if p, ok := base.Ptr(); ok {
		return p.AddUint(off), nil
	}
	f := base.MustFelt().Add(felt.FromUint64(off))
	return memory.Ptr{}, &memory.UnknownCellError{Addr: memory.Ptr{Segment: memory.PureSegment, Offset: f.Uint64()}}
}

// getRange is memory.get_range(base, n) for a Python int n.
func getRange(c *Context, base memory.Value, n *big.Int) ([]memory.Value, error) {
	if n.Sign() <= 0 {
		return nil, nil
	}
	var out []memory.Value
	for i := uint64(0); !n.IsUint64() || i < n.Uint64(); i++ {
		p, err := valueAddr(base, i)
		if err != nil {
			return nil, err
		}
		v, err := c.Mem.Read(p)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// intOf is a memory value as the Python int a hint computes with; a
// RelocatableValue fails as Python's arithmetic on it would.
func intOf(v memory.Value, op string) (*big.Int, error) {
	f, ok := v.Felt()
	if !ok {
		return nil, pyErr("TypeError", "unsupported operand type(s) for %s: 'RelocatableValue' and 'int'", op)
	}
	return f.BigInt(), nil
}

// smallConst is int(ids.<name>) checked by "assert 0 <= x < bound".
func smallConst(c *Context, name string, bound int64) (int, error) {
	v, err := c.Const(name)
	if err != nil {
		return 0, err
	}
	if v.Sign() < 0 || v.Cmp(big.NewInt(bound)) >= 0 {
		return 0, assertf("")
	}
	return int(v.Int64()), nil
}

// writeValues is segments.write_arg(ptr, vals) for a pointer ptr.
func writeValues(c *Context, ptr memory.Value, vals []memory.Value) error {
	p, ok := ptr.Ptr()
	if !ok {
		return pyErr("TypeError", "unsupported operand type(s) for +: 'int' and 'int' (write_arg to the integer %v)", ptr)
	}
	for i, v := range vals {
		if err := c.Mem.Set(p.AddUint(uint64(i)), v); err != nil {
			return err
		}
	}
	return nil
}

// keccakFuncValues is keccak_utils.keccak_func(values): Keccak-f[1600] on
// 25 lanes when every value is an integer below 2^64; otherwise the Python
// arithmetic on big integers (keccakFuncBig), so that out-of-range lanes
// give what cairo-lang computes.
func keccakFuncValues(vals []memory.Value) ([]memory.Value, error) {
	if len(vals) < 25 {
		return nil, pyErr("IndexError", "list index out of range")
	}
	var st [25]uint64
	fast := true
	for i := 0; i < 25; i++ {
		f, ok := vals[i].Felt()
		if !ok {
			return nil, pyErr("TypeError", "unsupported operand type(s) for ^: 'RelocatableValue' and 'int'")
		}
		if !f.IsUint64() {
			fast = false
			break
		}
		st[i] = f.Uint64()
	}
	out := make([]memory.Value, 25)
	if fast {
		keccak.KeccakF1600(&st)
		for i, w := range st {
			out[i] = memory.FromUint64(w)
		}
		return out, nil
	}
	ints := make([]*big.Int, 25)
	for i := range ints {
		ints[i] = vals[i].MustFelt().BigInt()
	}
	for i, v := range keccakFuncBig(ints) {
		out[i] = feltValue(v)
	}
	return out, nil
}

// keccakRho and keccakRC are keccak_utils' precompute_rho_offsets(64, 5, 3,
// 2) and precompute_rc(6) (24 rounds), computed as the Python does.
var keccakRho, keccakRC = func() ([5][5]uint, [24]uint64) {
	var rho [5][5]uint
	x, y, off := 1, 0, 0
	for t := 1; t < 25; t++ {
		off = (off + t) % 64
		rho[x][y] = uint(off)
		x, y = y, (2*x+3*y)%5
	}
	var rc [24]uint64
	r := uint64(1)
	for i := range rc {
		for m := 0; m <= 6; m++ {
			rc[i] += (r & 1) << ((1 << m) - 1)
			r <<= 1
			r ^= 0x171 * (r >> 8)
		}
	}
	return rho, rc
}()

// keccakFuncBig is keccak_utils.keccak_func on arbitrary non-negative
// Python ints: keccak_round's rot_left, xor, and (~b) & c, on big integers.
func keccakFuncBig(values []*big.Int) []*big.Int {
	mask := new(big.Int).Sub(pow2(64), big1(1))
	rot := func(v *big.Int, n uint) *big.Int { // ((x << n) & (2**w - 1)) | (x >> (w - n))
		l := new(big.Int).Lsh(v, n)
		l.And(l, mask)
		return l.Or(l, new(big.Int).Rsh(v, 64-n))
	}
	var a [5][5]*big.Int
	for x := 0; x < 5; x++ {
		for y := 0; y < 5; y++ {
			a[x][y] = new(big.Int).Set(values[5*y+x])
		}
	}
	for _, rc := range keccakRC {
		var cc, d [5]*big.Int
		for x := 0; x < 5; x++ {
			cc[x] = new(big.Int).Set(a[x][0])
			for y := 1; y < 5; y++ {
				cc[x].Xor(cc[x], a[x][y])
			}
		}
		for x := 0; x < 5; x++ {
			d[x] = new(big.Int).Xor(cc[(x+4)%5], rot(cc[(x+1)%5], 1))
		}
		var b [5][5]*big.Int
		for x := 0; x < 5; x++ {
			for y := 0; y < 5; y++ {
				b[y][(2*x+3*y)%5] = rot(new(big.Int).Xor(a[x][y], d[x]), keccakRho[x][y])
			}
		}
		for x := 0; x < 5; x++ {
			for y := 0; y < 5; y++ {
				t := new(big.Int).Not(b[(x+1)%5][y])
				t.And(t, b[(x+2)%5][y])
				a[x][y] = t.Xor(t, b[x][y])
			}
		}
		a[0][0].Xor(a[0][0], new(big.Int).SetUint64(rc))
	}
	out := make([]*big.Int, 25)
	for x := 0; x < 5; x++ {
		for y := 0; y < 5; y++ {
			out[5*y+x] = a[x][y]
		}
	}
	return out
}

// needKeccakFunc checks that the scope's keccak_func is one of the
// library's (bound by an earlier import).
func needKeccakFunc(c *Context) error {
	v, ok := c.Scope()["keccak_func"]
	if !ok {
		return nameError("keccak_func")
	}
	if v != pyFunc(modKeccakUtils+".keccak_func") && v != pyFunc(modCairoKeccakUtils+".keccak_func") {
		return fmt.Errorf("keccak_func in the exec scope is not keccak_utils.keccak_func (%v); Cairn implements only the library's", v)
	}
	return nil
}

// blockPermutation is _block_permutation's hint: keccak_func on the 25
// cells at ids.<in> (minus the state size when back) into ids.<out>.
func blockPermutation(module, in string, back bool, out string) Func {
	return func(c *Context) error {
		c.Scope()["keccak_func"] = pyFunc(module + ".keccak_func")
		n, err := smallConst(c, "KECCAK_STATE_SIZE_FELTS", 100)
		if err != nil {
			return err
		}
		c.Scope()["_keccak_state_size_felts"] = big.NewInt(int64(n))
		base, err := c.Get(in)
		if err != nil {
			return err
		}
		if back {
			if base, err = memory.AddInt(base, -int64(n)); err != nil {
				return err
			}
		}
		vals, err := getRange(c, base, big.NewInt(int64(n)))
		if err != nil {
			return err
		}
		res, err := keccakFuncValues(vals)
		if err != nil {
			return err
		}
		dst, err := c.Get(out)
		if err != nil {
			return err
		}
		return writeValues(c, dst, res)
	}
}

// keccakPadding is finalize_keccak's hint: block_size dummy (input,
// keccak_func(input)) pairs of zero inputs after ids.keccak_ptr_end.
func keccakPadding(maxBlock int64) Func {
	return func(c *Context) error {
		n, err := c.Const("KECCAK_STATE_SIZE_FELTS")
		if err != nil {
			return err
		}
		bs, err := c.Const("BLOCK_SIZE")
		if err != nil {
			return err
		}
		if n.Sign() < 0 || n.Cmp(big1(100)) >= 0 || bs.Sign() < 0 || bs.Cmp(big1(maxBlock)) >= 0 {
			return assertf("")
		}
		if err := needKeccakFunc(c); err != nil {
			return err
		}
		inp := make([]memory.Value, n.Int64())
		for i := range inp {
			inp[i] = memory.FromUint64(0)
		}
		out, err := keccakFuncValues(inp)
		if err != nil {
			return err
		}
		pair := append(append([]memory.Value(nil), inp...), out...)
		var padding []memory.Value
		for i := int64(0); i < bs.Int64(); i++ {
			padding = append(padding, pair...)
		}
		dst, err := c.Get("keccak_ptr_end")
		if err != nil {
			return err
		}
		return writeValues(c, dst, padding)
	}
}

// keccakBytes is word.to_bytes(n, 'big') for a non-negative int.
func keccakBytes(v *big.Int, n int) ([]byte, error) {
	if (v.BitLen()+7)/8 > n {
		return nil, pyErr("OverflowError", "int too big to convert")
	}
	return v.FillBytes(make([]byte, n)), nil
}

// setKeccakHighLow is ids.high, ids.low = the two big-endian 16-byte
// halves of keccak(input).
func setKeccakHighLow(c *Context, input []byte) error {
	h := keccak.Keccak256(input)
	if err := c.SetInt("high", new(big.Int).SetBytes(h[:16])); err != nil {
		return err
	}
	return c.SetInt("low", new(big.Int).SetBytes(h[16:]))
}

func init() {
	register(`
        from eth_hash.auto import keccak

        data, length = ids.data, ids.length

        if '__keccak_max_size' in globals():
            assert length <= __keccak_max_size, \
                f'unsafe_keccak() can only be used with length<={__keccak_max_size}. ' \
                f'Got: length={length}.'

        keccak_input = bytearray()
        for word_i, byte_i in enumerate(range(0, length, 16)):
            word = memory[data + word_i]
            n_bytes = min(16, length - byte_i)
            assert 0 <= word < 2 ** (8 * n_bytes)
            keccak_input += word.to_bytes(n_bytes, 'big')

        hashed = keccak(keccak_input)
        ids.high = int.from_bytes(hashed[:16], 'big')
        ids.low = int.from_bytes(hashed[16:32], 'big')
    `, func(c *Context) error {
		data, err := c.Get("data")
		if err != nil {
			return err
		}
		length, err := c.Int("length")
		if err != nil {
			return err
		}
		if err := maxSizeCheck(c, "__keccak_max_size", length, func(max string) error {
			return assertf("unsafe_keccak() can only be used with length<=%s. Got: length=%v.", max, length)
		}); err != nil {
			return err
		}
		var input []byte
		for wi := uint64(0); ; wi++ {
			rest := new(big.Int).Sub(length, new(big.Int).SetUint64(16*wi))
			if rest.Sign() <= 0 {
				break
			}
			p, err := valueAddr(data, wi)
			if err != nil {
				return err
			}
			word, err := c.Mem.Read(p)
			if err != nil {
				return err
			}
			n := 16
			if rest.Cmp(big1(16)) < 0 {
				n = int(rest.Int64())
			}
			f, ok := word.Felt()
			if !ok {
				return pyErr("TypeError", "'<=' not supported between instances of 'int' and 'RelocatableValue'")
			}
			if f.BitLen() > 8*n {
				return assertf("")
			}
			b, err := keccakBytes(f.BigInt(), n)
			if err != nil {
				return err
			}
			input = append(input, b...)
		}
		return setKeccakHighLow(c, input)
	})

	register(`
        from eth_hash.auto import keccak
        keccak_input = bytearray()
        n_elms = ids.keccak_state.end_ptr - ids.keccak_state.start_ptr
        for word in memory.get_range(ids.keccak_state.start_ptr, n_elms):
            keccak_input += word.to_bytes(16, 'big')
        hashed = keccak(keccak_input)
        ids.high = int.from_bytes(hashed[:16], 'big')
        ids.low = int.from_bytes(hashed[16:32], 'big')
    `, func(c *Context) error {
		start, err := c.Get("keccak_state.start_ptr")
		if err != nil {
			return err
		}
		end, err := c.Get("keccak_state.end_ptr")
		if err != nil {
			return err
		}
		n, err := pySub(start, end)
		if err != nil {
			return err
		}
		words, err := getRange(c, start, n)
		if err != nil {
			return err
		}
		var input []byte
		for _, w := range words {
			f, ok := w.Felt()
			if !ok {
				return pyErr("AttributeError", "'RelocatableValue' object has no attribute 'to_bytes'")
			}
			b, err := keccakBytes(f.BigInt(), 16)
			if err != nil {
				return err
			}
			input = append(input, b...)
		}
		return setKeccakHighLow(c, input)
	})

	// cairo_keccak's _copy_inputs loop condition.
	register(`memory[ap] = to_felt_or_relocatable(ids.n_bytes < ids.BYTES_IN_WORD)`, func(c *Context) error {
		n, err := c.Int("n_bytes")
		if err != nil {
			return err
		}
		w, err := c.Const("BYTES_IN_WORD")
		if err != nil {
			return err
		}
		return c.SetAP(0, boolValue(n.Cmp(w) < 0))
	})
	// The cairo_keccak whitelist's keccak: a full 8-byte word left.
	register(`ids.full_word = int(ids.n_bytes >= 8)`, func(c *Context) error {
		n, err := c.Int("n_bytes")
		if err != nil {
			return err
		}
		return c.Set("full_word", boolValue(n.Cmp(big1(8)) >= 0))
	})

	// _block_permutation (cairo-lang 0.14's import, and 0.8.2 / 0.10.3's).
	register(`
        from starkware.cairo.common.keccak_utils.keccak_utils import keccak_func
        _keccak_state_size_felts = int(ids.KECCAK_STATE_SIZE_FELTS)
        assert 0 <= _keccak_state_size_felts < 100

        output_values = keccak_func(memory.get_range(
            ids.keccak_ptr - _keccak_state_size_felts, _keccak_state_size_felts))
        segments.write_arg(ids.keccak_ptr, output_values)
    `, blockPermutation(modKeccakUtils, "keccak_ptr", true, "keccak_ptr"))
	register(`
        from starkware.cairo.common.cairo_keccak.keccak_utils import keccak_func
        _keccak_state_size_felts = int(ids.KECCAK_STATE_SIZE_FELTS)
        assert 0 <= _keccak_state_size_felts < 100

        output_values = keccak_func(memory.get_range(
            ids.keccak_ptr - _keccak_state_size_felts, _keccak_state_size_felts))
        segments.write_arg(ids.keccak_ptr, output_values)
    `, blockPermutation(modCairoKeccakUtils, "keccak_ptr", true, "keccak_ptr"))
	// The cairo_keccak whitelist's block permutation.
	register(`
        from starkware.cairo.common.cairo_keccak.keccak_utils import keccak_func
        _keccak_state_size_felts = int(ids.KECCAK_STATE_SIZE_FELTS)
        assert 0 <= _keccak_state_size_felts < 100
        output_values = keccak_func(memory.get_range(
            ids.keccak_ptr_start, _keccak_state_size_felts))
        segments.write_arg(ids.output, output_values)
    `, blockPermutation(modCairoKeccakUtils, "keccak_ptr_start", false, "output"))

	// finalize_keccak (block size below 10), and the cairo_keccak
	// whitelist's (below 1000).
	register(`
        # Add dummy pairs of input and output.
        _keccak_state_size_felts = int(ids.KECCAK_STATE_SIZE_FELTS)
        _block_size = int(ids.BLOCK_SIZE)
        assert 0 <= _keccak_state_size_felts < 100
        assert 0 <= _block_size < 10
        inp = [0] * _keccak_state_size_felts
        padding = (inp + keccak_func(inp)) * _block_size
        segments.write_arg(ids.keccak_ptr_end, padding)
    `, keccakPadding(10))
	register(`
        # Add dummy pairs of input and output.
        _keccak_state_size_felts = int(ids.KECCAK_STATE_SIZE_FELTS)
        _block_size = int(ids.BLOCK_SIZE)
        assert 0 <= _keccak_state_size_felts < 100
        assert 0 <= _block_size < 1000
        inp = [0] * _keccak_state_size_felts
        padding = (inp + keccak_func(inp)) * _block_size
        segments.write_arg(ids.keccak_ptr_end, padding)
    `, keccakPadding(1000))

	// simulate_keccak's keccak_builtin_state_to_felts: the eight 200-bit
	// felts of a keccak builtin state as 25 64-bit lanes.
	register(`
        full_num = ids.keccak_builtin_state.s0
        full_num += (2**200) * ids.keccak_builtin_state.s1
        full_num += (2**400) * ids.keccak_builtin_state.s2
        full_num += (2**600) * ids.keccak_builtin_state.s3
        full_num += (2**800) * ids.keccak_builtin_state.s4
        full_num += (2**1000) * ids.keccak_builtin_state.s5
        full_num += (2**1200) * ids.keccak_builtin_state.s6
        full_num += (2**1400) * ids.keccak_builtin_state.s7
        for i in range(25):
            memory[ids.felt_array + i] = full_num % (2**64)
            full_num = full_num >> 64
    `, func(c *Context) error {
		full := new(big.Int)
		for i := 0; i < 8; i++ {
			v, err := c.Get(fmt.Sprintf("keccak_builtin_state.s%d", i))
			if err != nil {
				return err
			}
			x, err := intOf(v, "*")
			if err != nil {
				return err
			}
			full.Add(full, new(big.Int).Lsh(x, uint(200*i)))
		}
		arr, err := c.Get("felt_array")
		if err != nil {
			return err
		}
		mask := new(big.Int).Sub(pow2(64), big1(1))
		for i := uint64(0); i < 25; i++ {
			p, err := valueAddr(arr, i)
			if err != nil {
				return err
			}
			if err := c.Mem.Set(p, feltValue(new(big.Int).And(full, mask))); err != nil {
				return err
			}
			full.Rsh(full, 64)
		}
		return nil
	})
}
