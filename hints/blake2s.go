package hints

import (
	"math/big"
	"math/bits"

	"github.com/cairn-vm/cairn/vm/memory"
)

// The hints of common/cairo_blake2s/blake2s.cairo (blake2s's compression
// through blake2s_utils.compute_blake2s_func, finalize_blake2s's padding,
// blake2s_add_uint256 and its big-endian form, encode_felt252_to_u32s)
// and of the cairo_blake2s whitelist (its compression and padding), with
// blake2s_utils.blake2s_compress.
//
// blake2s_compress works on Python ints. Message words, t0 and f0 only
// enter 32-bit sums or are reduced mod 2**32, but the state words h do not:
// with h words of more than 32 bits (an invalid Cairo input) blake2sBig
// computes what the Python does.

const modBlake2sUtils = "starkware.cairo.common.cairo_blake2s.blake2s_utils"

var blake2sIV = [8]uint32{
	0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19,
}

var blake2sSigma = [10][16]uint8{
	{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
	{14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
	{11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
	{7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
	{9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
	{2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
	{12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
	{13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
	{6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
	{10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
}

// blake2sMixOrder is blake_round's (a, b, c, d) lanes of its eight mix calls.
var blake2sMixOrder = [8][4]int{
	{0, 4, 8, 12}, {1, 5, 9, 13}, {2, 6, 10, 14}, {3, 7, 11, 15},
	{0, 5, 10, 15}, {1, 6, 11, 12}, {2, 7, 8, 13}, {3, 4, 9, 14},
}

// blake2s32 is blake2s_compress(h, message, t0, 0, f0, 0) on 32-bit words.
func blake2s32(h [8]uint32, m *[16]uint32, t0, f0 uint32) [8]uint32 {
	var v [16]uint32
	copy(v[:8], h[:])
	copy(v[8:12], blake2sIV[:4])
	v[12], v[13], v[14], v[15] = blake2sIV[4]^t0, blake2sIV[5], blake2sIV[6]^f0, blake2sIV[7]
	for r := 0; r < 10; r++ {
		s := &blake2sSigma[r]
		for j, l := range blake2sMixOrder {
			a, b, c, d := v[l[0]], v[l[1]], v[l[2]], v[l[3]]
			a += b + m[s[2*j]]
			d = bits.RotateLeft32(d^a, -16)
			c += d
			b = bits.RotateLeft32(b^c, -12)
			a += b + m[s[2*j+1]]
			d = bits.RotateLeft32(d^a, -8)
			c += d
			b = bits.RotateLeft32(b^c, -7)
			v[l[0]], v[l[1]], v[l[2]], v[l[3]] = a, b, c, d
		}
	}
	var out [8]uint32
	for i := range out {
		out[i] = h[i] ^ v[i] ^ v[i+8]
	}
	return out
}

// blake2sBig is blake2s_compress on Python ints h (any size), message
// words, t0 and f0 already reduced mod 2**32.
func blake2sBig(h []*big.Int, m *[16]uint32, t0, f0 uint32) []*big.Int {
	m32 := pow2(32)
	v := make([]*big.Int, 16)
	for i := 0; i < 8; i++ {
		v[i] = new(big.Int).Set(h[i])
	}
	for i := 0; i < 4; i++ {
		v[8+i] = new(big.Int).SetUint64(uint64(blake2sIV[i]))
	}
	v[12] = new(big.Int).SetUint64(uint64(blake2sIV[4] ^ t0))
	v[13] = new(big.Int).SetUint64(uint64(blake2sIV[5]))
	v[14] = new(big.Int).SetUint64(uint64(blake2sIV[6] ^ f0))
	v[15] = new(big.Int).SetUint64(uint64(blake2sIV[7]))
	add := func(x, y *big.Int, z uint32) *big.Int { // (x + y + z) % 2**32
		r := new(big.Int).Add(x, y)
		r.Add(r, new(big.Int).SetUint64(uint64(z)))
		return r.Mod(r, m32)
	}
	for r := 0; r < 10; r++ {
		s := &blake2sSigma[r]
		for j, l := range blake2sMixOrder {
			a, b, c, d := v[l[0]], v[l[1]], v[l[2]], v[l[3]]
			a = add(a, b, m[s[2*j]])
			d = pyRightRot32(new(big.Int).Xor(d, a), 16)
			c = add(c, d, 0)
			b = pyRightRot32(new(big.Int).Xor(b, c), 12)
			a = add(a, b, m[s[2*j+1]])
			d = pyRightRot32(new(big.Int).Xor(d, a), 8)
			c = add(c, d, 0)
			b = pyRightRot32(new(big.Int).Xor(b, c), 7)
			v[l[0]], v[l[1]], v[l[2]], v[l[3]] = a, b, c, d
		}
	}
	out := make([]*big.Int, 8)
	for i := range out {
		out[i] = new(big.Int).Xor(h[i], v[i])
		out[i].Xor(out[i], v[i+8])
	}
	return out
}

// low32 is a Python int mod 2**32 as blake2s_compress uses message words,
// t0 and f0.
func low32(v memory.Value, op string) (uint32, error) {
	f, ok := v.Felt()
	if !ok {
		return 0, pyErr("TypeError", "unsupported operand type(s) for %s: 'int' and 'RelocatableValue'", op)
	}
	return uint32(f.Bits()[0]), nil
}

// blake2sValues is blake2s_compress(message, h, t0, 0, f0, 0).
func blake2sValues(h, message []memory.Value, t0, f0 memory.Value) ([]memory.Value, error) {
	if len(message) < 16 {
		return nil, pyErr("IndexError", "list index out of range")
	}
	t, err := low32(t0, "^")
	if err != nil {
		return nil, err
	}
	f, err := low32(f0, "^")
	if err != nil {
		return nil, err
	}
	var m [16]uint32
	for i := range m {
		if m[i], err = low32(message[i], "+"); err != nil {
			return nil, err
		}
	}
	var h32 [8]uint32
	fast := true
	for i, v := range h {
		fv, ok := v.Felt()
		if !ok {
			return nil, pyErr("TypeError", "unsupported operand type(s) for +: 'RelocatableValue' and 'int'")
		}
		if !fv.IsUint64() || fv.Uint64() > 0xffffffff {
			fast = false
		} else {
			h32[i] = uint32(fv.Uint64())
		}
	}
	out := make([]memory.Value, 8)
	if fast {
		for i, w := range blake2s32(h32, &m, t, f) {
			out[i] = memory.FromUint64(uint64(w))
		}
		return out, nil
	}
	hb := make([]*big.Int, 8)
	for i, v := range h {
		hb[i] = v.MustFelt().BigInt()
	}
	for i, w := range blake2sBig(hb, &m, t, f) {
		out[i] = feltValue(w)
	}
	return out, nil
}

// blake2sModifiedIV is [IV[0] ^ 0x01010020] + IV[1:].
func blake2sModifiedIV() []memory.Value {
	out := make([]memory.Value, 8)
	for i, v := range blake2sIV {
		if i == 0 {
			v ^= 0x01010020
		}
		out[i] = memory.FromUint64(uint64(v))
	}
	return out
}

// bindBlake2sImports is "from ...blake2s_utils import <names>".
func bindBlake2sImports(c *Context, names ...string) {
	for _, n := range names {
		if n == "IV" {
			ivs := make([]*big.Int, 8)
			for i, v := range blake2sIV {
				ivs[i] = new(big.Int).SetUint64(uint64(v))
			}
			c.Scope()[n] = ivs
			continue
		}
		c.Scope()[n] = pyFunc(modBlake2sUtils + "." + n)
	}
}

// blake2sPadding is finalize_blake2s's hint: N_PACKED_INSTANCES - 1 dummy
// instances of the zero message; ivFirst orders the instance as
// blake2s.cairo's (state, message, t/f, output) rather than the
// whitelist's (message, state, ...).
func blake2sPadding(chunkConst string, ivFirst bool) Func {
	return func(c *Context) error {
		bindBlake2sImports(c, "IV", "blake2s_compress")
		n, err := smallConst(c, "N_PACKED_INSTANCES", 20)
		if err != nil {
			return err
		}
		chunk, err := smallConst(c, chunkConst, 100)
		if err != nil {
			return err
		}
		msg := zeros(chunk)
		iv := blake2sModifiedIV()
		out, err := blake2sValues(iv, msg, memory.FromUint64(0), memory.FromUint64(0xffffffff))
		if err != nil {
			return err
		}
		var inst []memory.Value
		if ivFirst {
			inst = append(append(inst, iv...), msg...)
		} else {
			inst = append(append(inst, msg...), iv...)
		}
		inst = append(append(inst, memory.FromUint64(0), memory.FromUint64(0xffffffff)), out...)
		dst, err := c.Get("blake2s_ptr_end")
		if err != nil {
			return err
		}
		return writeValues(c, dst, repeat(inst, int64(n)-1))
	}
}

// blake2sWords writes the four 32-bit words of ids.<first> then of
// ids.<second> at ids.data, least significant first or (bigend) most.
func blake2sWords(c *Context, first, second string, bigend bool) error {
	data, err := c.Get("data")
	if err != nil {
		return err
	}
	mask := new(big.Int).SetUint64(0xffffffff)
	for k, name := range []string{first, second} {
		v, err := c.Int(name)
		if err != nil {
			return err
		}
		words := make([]memory.Value, 4)
		for i := 0; i < 4; i++ {
			sh := uint(32 * i)
			if bigend {
				sh = uint(32 * (3 - i))
			}
			words[i] = feltValue(new(big.Int).And(new(big.Int).Rsh(v, sh), mask))
		}
		dst, err := memory.AddInt(data, int64(4*k))
		if err != nil {
			return err
		}
		if err := writeValues(c, dst, words); err != nil {
			return err
		}
	}
	return nil
}

func init() {
	// blake2s_inner / blake2s_last_block: compress the instance ending at
	// ids.output (state at -26, message at -18, t at -2, f at -1).
	register(`
        from starkware.cairo.common.cairo_blake2s.blake2s_utils import compute_blake2s_func
        compute_blake2s_func(segments=segments, output_ptr=ids.output)
    `, func(c *Context) error {
		bindBlake2sImports(c, "compute_blake2s_func")
		out, err := c.Ptr("output")
		if err != nil {
			return err
		}
		if out.Offset < 26 {
			return pyErr("ValueError", "The offset of a relocatable value must be nonnegative.")
		}
		at := func(off uint64) memory.Value {
			return memory.FromPtr(memory.Ptr{Segment: out.Segment, Offset: out.Offset - off})
		}
		h, err := getRange(c, at(26), big1(8))
		if err != nil {
			return err
		}
		msg, err := getRange(c, at(18), big1(16))
		if err != nil {
			return err
		}
		t, err := c.Mem.Read(memory.Ptr{Segment: out.Segment, Offset: out.Offset - 2})
		if err != nil {
			return err
		}
		f, err := c.Mem.Read(memory.Ptr{Segment: out.Segment, Offset: out.Offset - 1})
		if err != nil {
			return err
		}
		res, err := blake2sValues(h, msg, t, f)
		if err != nil {
			return err
		}
		return writeValues(c, memory.FromPtr(out), res)
	})

	// finalize_blake2s, and the cairo_blake2s whitelist's.
	register(`
        # Add dummy pairs of input and output.
        from starkware.cairo.common.cairo_blake2s.blake2s_utils import IV, blake2s_compress

        _n_packed_instances = int(ids.N_PACKED_INSTANCES)
        assert 0 <= _n_packed_instances < 20
        _blake2s_input_chunk_size_felts = int(ids.INPUT_BLOCK_FELTS)
        assert 0 <= _blake2s_input_chunk_size_felts < 100

        message = [0] * _blake2s_input_chunk_size_felts
        modified_iv = [IV[0] ^ 0x01010020] + IV[1:]
        output = blake2s_compress(
            message=message,
            h=modified_iv,
            t0=0,
            t1=0,
            f0=0xffffffff,
            f1=0,
        )
        padding = (modified_iv + message + [0, 0xffffffff] + output) * (_n_packed_instances - 1)
        segments.write_arg(ids.blake2s_ptr_end, padding)
    `, blake2sPadding("INPUT_BLOCK_FELTS", true))
	register(`
        # Add dummy pairs of input and output.
        from starkware.cairo.common.cairo_blake2s.blake2s_utils import IV, blake2s_compress

        _n_packed_instances = int(ids.N_PACKED_INSTANCES)
        assert 0 <= _n_packed_instances < 20
        _blake2s_input_chunk_size_felts = int(ids.BLAKE2S_INPUT_CHUNK_SIZE_FELTS)
        assert 0 <= _blake2s_input_chunk_size_felts < 100

        message = [0] * _blake2s_input_chunk_size_felts
        modified_iv = [IV[0] ^ 0x01010020] + IV[1:]
        output = blake2s_compress(
            message=message,
            h=modified_iv,
            t0=0,
            t1=0,
            f0=0xffffffff,
            f1=0,
        )
        padding = (message + modified_iv + [0, 0xffffffff] + output) * (_n_packed_instances - 1)
        segments.write_arg(ids.blake2s_ptr_end, padding)
    `, blake2sPadding("BLAKE2S_INPUT_CHUNK_SIZE_FELTS", false))

	// The cairo_blake2s whitelist's compression: the last block, from the
	// modified IV.
	register(`
        from starkware.cairo.common.cairo_blake2s.blake2s_utils import IV, blake2s_compress

        _blake2s_input_chunk_size_felts = int(ids.BLAKE2S_INPUT_CHUNK_SIZE_FELTS)
        assert 0 <= _blake2s_input_chunk_size_felts < 100

        new_state = blake2s_compress(
            message=memory.get_range(ids.blake2s_start, _blake2s_input_chunk_size_felts),
            h=[IV[0] ^ 0x01010020] + IV[1:],
            t0=ids.n_bytes,
            t1=0,
            f0=0xffffffff,
            f1=0,
        )

        segments.write_arg(ids.output, new_state)
    `, func(c *Context) error {
		bindBlake2sImports(c, "IV", "blake2s_compress")
		chunk, err := smallConst(c, "BLAKE2S_INPUT_CHUNK_SIZE_FELTS", 100)
		if err != nil {
			return err
		}
		start, err := c.Get("blake2s_start")
		if err != nil {
			return err
		}
		msg, err := getRange(c, start, big1(int64(chunk)))
		if err != nil {
			return err
		}
		nBytes, err := c.Get("n_bytes")
		if err != nil {
			return err
		}
		res, err := blake2sValues(blake2sModifiedIV(), msg, nBytes, memory.FromUint64(0xffffffff))
		if err != nil {
			return err
		}
		dst, err := c.Get("output")
		if err != nil {
			return err
		}
		return writeValues(c, dst, res)
	})

	register(`
        B = 32
        MASK = 2 ** 32 - 1
        segments.write_arg(ids.data, [(ids.low >> (B * i)) & MASK for i in range(4)])
        segments.write_arg(ids.data + 4, [(ids.high >> (B * i)) & MASK for i in range(4)])
    `, func(c *Context) error {
		c.Scope()["B"], c.Scope()["MASK"] = big1(32), new(big.Int).SetUint64(0xffffffff)
		return blake2sWords(c, "low", "high", false)
	})
	register(`
        B = 32
        MASK = 2 ** 32 - 1
        segments.write_arg(ids.data, [(ids.high >> (B * (3 - i))) & MASK for i in range(4)])
        segments.write_arg(ids.data + 4, [(ids.low >> (B * (3 - i))) & MASK for i in range(4)])
    `, func(c *Context) error {
		c.Scope()["B"], c.Scope()["MASK"] = big1(32), new(big.Int).SetUint64(0xffffffff)
		return blake2sWords(c, "high", "low", true)
	})

	// encode_felt252_to_u32s: felts below 2**63 as two big-endian u32s,
	// others as eight with bit 255 set.
	register(`
        offset = 0
        for i in range(ids.packed_values_len):
            val = (memory[ids.packed_values + i] % PRIME)
            val_len = 2 if val < 2**63 else 8
            if val_len == 8:
                val += 2**255
            for i in range(val_len - 1, -1, -1):
                val, memory[ids.unpacked_u32s + offset + i] = divmod(val, 2**32)
            assert val == 0
            offset += val_len
    `, func(c *Context) error {
		n, err := c.Int("packed_values_len")
		if err != nil {
			return err
		}
		in, err := c.Get("packed_values")
		if err != nil {
			return err
		}
		out, err := c.Get("unpacked_u32s")
		if err != nil {
			return err
		}
		m32 := pow2(32)
		offset := uint64(0)
		for i := uint64(0); !n.IsUint64() || i < n.Uint64(); i++ {
			p, err := valueAddr(in, i)
			if err != nil {
				return err
			}
			v, err := c.Mem.Read(p)
			if err != nil {
				return err
			}
			val, err := intOf(v, "divmod()")
			if err != nil {
				return err
			}
			valLen := uint64(2)
			if val.Cmp(pow2(63)) >= 0 {
				valLen = 8
				val.Add(val, pow2(255))
			}
			for j := int(valLen) - 1; j >= 0; j-- {
				q, r := floorDivMod(val, m32)
				dst, err := valueAddr(out, offset+uint64(j))
				if err != nil {
					return err
				}
				if err := c.Mem.Set(dst, feltValue(r)); err != nil {
					return err
				}
				val = q
			}
			if val.Sign() != 0 {
				return assertf("")
			}
			offset += valLen
		}
		c.Scope()["offset"] = new(big.Int).SetUint64(offset)
		return nil
	})
	register(`memory[ap] = to_felt_or_relocatable((ids.end != ids.packed_values) and (memory[ids.packed_values] < 2**63))`,
		func(c *Context) error {
			end, err := c.Get("end")
			if err != nil {
				return err
			}
			pv, err := c.Get("packed_values")
			if err != nil {
				return err
			}
			if end == pv {
				return c.SetAP(0, boolValue(false))
			}
			p, err := valueAddr(pv, 0)
			if err != nil {
				return err
			}
			v, err := c.Mem.Read(p)
			if err != nil {
				return err
			}
			return c.SetAP(0, boolValue(pyCompare(v, feltValue(pow2(63))) < 0))
		})
}
