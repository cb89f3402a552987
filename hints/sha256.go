package hints

import (
	"math/big"
	"math/bits"

	"github.com/cairn-vm/cairn/vm/memory"
)

// The hints of common/cairo_sha256/sha256_utils.cairo (finalize_sha256's
// padding) and of the cairo_sha256 and cairo_sha256_arbitrary_input_length
// whitelists (the Starknet cairo_sha256 library: one block compressed from
// the IV, or from a given state; its padding; its word-splitting
// condition), with sha256_utils' compute_message_schedule and
// sha2_compress_function.
//
// The Python functions work on Python ints: with 32-bit words they are
// SHA-256's; with larger words (which only an invalid Cairo input gives)
// the bits above 32 leak into the rotations, and sha256Big computes
// exactly what the Python does.

const modSha256Utils = "starkware.cairo.common.cairo_sha256.sha256_utils"

var sha256IV = [8]uint32{
	0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19,
}

var sha256K = [64]uint32{
	0x428A2F98, 0x71374491, 0xB5C0FBCF, 0xE9B5DBA5, 0x3956C25B, 0x59F111F1, 0x923F82A4, 0xAB1C5ED5,
	0xD807AA98, 0x12835B01, 0x243185BE, 0x550C7DC3, 0x72BE5D74, 0x80DEB1FE, 0x9BDC06A7, 0xC19BF174,
	0xE49B69C1, 0xEFBE4786, 0x0FC19DC6, 0x240CA1CC, 0x2DE92C6F, 0x4A7484AA, 0x5CB0A9DC, 0x76F988DA,
	0x983E5152, 0xA831C66D, 0xB00327C8, 0xBF597FC7, 0xC6E00BF3, 0xD5A79147, 0x06CA6351, 0x14292967,
	0x27B70A85, 0x2E1B2138, 0x4D2C6DFC, 0x53380D13, 0x650A7354, 0x766A0ABB, 0x81C2C92E, 0x92722C85,
	0xA2BFE8A1, 0xA81A664B, 0xC24B8B70, 0xC76C51A3, 0xD192E819, 0xD6990624, 0xF40E3585, 0x106AA070,
	0x19A4C116, 0x1E376C08, 0x2748774C, 0x34B0BCB5, 0x391C0CB3, 0x4ED8AA4A, 0x5B9CCA4F, 0x682E6FF3,
	0x748F82EE, 0x78A5636F, 0x84C87814, 0x8CC70208, 0x90BEFFFA, 0xA4506CEB, 0xBEF9A3F7, 0xC67178F2,
}

// sha256Compress32 is compute_message_schedule followed by
// sha2_compress_function on 32-bit words.
func sha256Compress32(state [8]uint32, msg [16]uint32) [8]uint32 {
	var w [64]uint32
	copy(w[:], msg[:])
	for i := 16; i < 64; i++ {
		s0 := bits.RotateLeft32(w[i-15], -7) ^ bits.RotateLeft32(w[i-15], -18) ^ (w[i-15] >> 3)
		s1 := bits.RotateLeft32(w[i-2], -17) ^ bits.RotateLeft32(w[i-2], -19) ^ (w[i-2] >> 10)
		w[i] = w[i-16] + s0 + w[i-7] + s1
	}
	a, b, c, d, e, f, g, h := state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7]
	for i := 0; i < 64; i++ {
		s0 := bits.RotateLeft32(a, -2) ^ bits.RotateLeft32(a, -13) ^ bits.RotateLeft32(a, -22)
		s1 := bits.RotateLeft32(e, -6) ^ bits.RotateLeft32(e, -11) ^ bits.RotateLeft32(e, -25)
		ch := (e & f) ^ (^e & g)
		t1 := h + s1 + ch + sha256K[i] + w[i]
		maj := (a & b) ^ (a & c) ^ (b & c)
		t2 := s0 + maj
		h, g, f, e, d, c, b, a = g, f, e, d+t1, c, b, a, t1+t2
	}
	return [8]uint32{state[0] + a, state[1] + b, state[2] + c, state[3] + d, state[4] + e, state[5] + f, state[6] + g, state[7] + h}
}

// pyRightRot32 is sha256_utils.right_rot(value, n) on a Python int:
// (value >> n) | ((value & (2**n - 1)) << (32 - n)).
func pyRightRot32(v *big.Int, n uint) *big.Int {
	lo := new(big.Int).And(v, new(big.Int).Sub(pow2(n), big1(1)))
	lo.Lsh(lo, 32-n)
	return lo.Or(lo, new(big.Int).Rsh(v, n))
}

// sha256Big is compute_message_schedule + sha2_compress_function on
// arbitrary non-negative Python ints.
func sha256Big(state, msg []*big.Int) []*big.Int {
	m32 := pow2(32)
	mod := func(v *big.Int) *big.Int { return v.Mod(v, m32) }
	xor3 := func(x, y, z *big.Int) *big.Int { r := new(big.Int).Xor(x, y); return r.Xor(r, z) }
	w := append([]*big.Int(nil), msg...)
	for i := 16; i < 64; i++ {
		s0 := xor3(pyRightRot32(w[i-15], 7), pyRightRot32(w[i-15], 18), new(big.Int).Rsh(w[i-15], 3))
		s1 := xor3(pyRightRot32(w[i-2], 17), pyRightRot32(w[i-2], 19), new(big.Int).Rsh(w[i-2], 10))
		t := new(big.Int).Add(w[i-16], s0)
		t.Add(t, w[i-7]).Add(t, s1)
		w = append(w, mod(t))
	}
	a, b, c, d, e, f, g, h := state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7]
	for i := 0; i < 64; i++ {
		s0 := xor3(pyRightRot32(a, 2), pyRightRot32(a, 13), pyRightRot32(a, 22))
		s1 := xor3(pyRightRot32(e, 6), pyRightRot32(e, 11), pyRightRot32(e, 25))
		ch := new(big.Int).And(e, f)
		ch.Xor(ch, new(big.Int).And(new(big.Int).Not(e), g))
		t1 := new(big.Int).Add(h, s1)
		t1.Add(t1, ch).Add(t1, new(big.Int).SetUint64(uint64(sha256K[i]))).Add(t1, w[i])
		mod(t1)
		maj := xor3(new(big.Int).And(a, b), new(big.Int).And(a, c), new(big.Int).And(b, c))
		t2 := mod(new(big.Int).Add(s0, maj))
		h, g, f = g, f, e
		e = mod(new(big.Int).Add(d, t1))
		d, c, b = c, b, a
		a = mod(new(big.Int).Add(t1, t2))
	}
	out := []*big.Int{a, b, c, d, e, f, g, h}
	for i := range out {
		out[i] = mod(new(big.Int).Add(state[i], out[i]))
	}
	return out
}

// sha256Values compresses msg (compute_message_schedule asserts 16 words)
// from state (sha2_compress_function unpacks 8) as the Python does.
func sha256Values(state, msg []memory.Value) ([]memory.Value, error) {
	if len(msg) != 16 {
		return nil, assertf("")
	}
	if len(state) > 8 {
		return nil, pyErr("ValueError", "too many values to unpack (expected 8)")
	}
	if len(state) < 8 {
		return nil, pyErr("ValueError", "not enough values to unpack (expected 8, got %d)", len(state))
	}
	var st [8]uint32
	var m [16]uint32
	fast := true
	ints := func(vs []memory.Value, out []uint32) error {
		for i, v := range vs {
			f, ok := v.Felt()
			if !ok {
				return pyErr("TypeError", "unsupported operand type(s) for >>: 'RelocatableValue' and 'int'")
			}
			if !f.IsUint64() || f.Uint64() > 0xffffffff {
				fast = false
			} else {
				out[i] = uint32(f.Uint64())
			}
		}
		return nil
	}
	if err := ints(state, st[:]); err != nil {
		return nil, err
	}
	if err := ints(msg, m[:]); err != nil {
		return nil, err
	}
	out := make([]memory.Value, 8)
	if fast {
		for i, v := range sha256Compress32(st, m) {
			out[i] = memory.FromUint64(uint64(v))
		}
		return out, nil
	}
	toInts := func(vs []memory.Value) []*big.Int {
		r := make([]*big.Int, len(vs))
		for i, v := range vs {
			r[i] = v.MustFelt().BigInt()
		}
		return r
	}
	for i, v := range sha256Big(toInts(state), toInts(msg)) {
		out[i] = feltValue(v)
	}
	return out, nil
}

func sha256IVValues() []memory.Value {
	out := make([]memory.Value, 8)
	for i, v := range sha256IV {
		out[i] = memory.FromUint64(uint64(v))
	}
	return out
}

func zeros(n int) []memory.Value {
	out := make([]memory.Value, n)
	for i := range out {
		out[i] = memory.FromUint64(0)
	}
	return out
}

// repeat is Python's list * n (empty for n <= 0).
func repeat(l []memory.Value, n int64) []memory.Value {
	var out []memory.Value
	for i := int64(0); i < n; i++ {
		out = append(out, l...)
	}
	return out
}

// bindSha256Imports is "from ...sha256_utils import <names>".
func bindSha256Imports(c *Context, names ...string) {
	for _, n := range names {
		if n == "IV" {
			ivs := make([]*big.Int, 8)
			for i, v := range sha256IV {
				ivs[i] = new(big.Int).SetUint64(uint64(v))
			}
			c.Scope()[n] = ivs
			continue
		}
		c.Scope()[n] = pyFunc(modSha256Utils + "." + n)
	}
}

// sha256PaddingBlock is message + IV + output for the zero message.
func sha256PaddingBlock(chunk int) ([]memory.Value, error) {
	msg := zeros(chunk)
	out, err := sha256Values(sha256IVValues(), msg)
	if err != nil {
		return nil, err
	}
	return append(append(msg, sha256IVValues()...), out...), nil
}

func init() {
	// finalize_sha256: dummy instances up to a multiple of BATCH_SIZE.
	register(`
        # Add dummy pairs of input and output.
        from starkware.cairo.common.cairo_sha256.sha256_utils import (
            IV,
            compute_message_schedule,
            sha2_compress_function,
        )

        number_of_missing_blocks = (-ids.n) % ids.BATCH_SIZE
        assert 0 <= number_of_missing_blocks < 20
        _sha256_input_chunk_size_felts = ids.SHA256_INPUT_CHUNK_SIZE_FELTS
        assert 0 <= _sha256_input_chunk_size_felts < 100

        message = [0] * _sha256_input_chunk_size_felts
        w = compute_message_schedule(message)
        output = sha2_compress_function(IV, w)
        padding = (message + IV + output) * number_of_missing_blocks
        segments.write_arg(ids.sha256_ptr_end, padding)
    `, func(c *Context) error {
		bindSha256Imports(c, "IV", "compute_message_schedule", "sha2_compress_function")
		n, err := c.Int("n")
		if err != nil {
			return err
		}
		batch, err := c.Const("BATCH_SIZE")
		if err != nil {
			return err
		}
		missing, err := pyMod(new(big.Int).Neg(n), batch)
		if err != nil {
			return err
		}
		if missing.Sign() < 0 || missing.Cmp(big1(20)) >= 0 {
			return assertf("")
		}
		chunk, err := smallConst(c, "SHA256_INPUT_CHUNK_SIZE_FELTS", 100)
		if err != nil {
			return err
		}
		block, err := sha256PaddingBlock(chunk)
		if err != nil {
			return err
		}
		dst, err := c.Get("sha256_ptr_end")
		if err != nil {
			return err
		}
		return writeValues(c, dst, repeat(block, missing.Int64()))
	})

	// The cairo_sha256 whitelist's finalize_sha256: BLOCK_SIZE - 1 dummies.
	register(`
        # Add dummy pairs of input and output.
        from starkware.cairo.common.cairo_sha256.sha256_utils import (
            IV, compute_message_schedule, sha2_compress_function)

        _block_size = int(ids.BLOCK_SIZE)
        assert 0 <= _block_size < 20
        _sha256_input_chunk_size_felts = int(ids.SHA256_INPUT_CHUNK_SIZE_FELTS)
        assert 0 <= _sha256_input_chunk_size_felts < 100

        message = [0] * _sha256_input_chunk_size_felts
        w = compute_message_schedule(message)
        output = sha2_compress_function(IV, w)
        padding = (message + IV + output) * (_block_size - 1)
        segments.write_arg(ids.sha256_ptr_end, padding)
    `, func(c *Context) error {
		bindSha256Imports(c, "IV", "compute_message_schedule", "sha2_compress_function")
		bs, err := smallConst(c, "BLOCK_SIZE", 20)
		if err != nil {
			return err
		}
		chunk, err := smallConst(c, "SHA256_INPUT_CHUNK_SIZE_FELTS", 100)
		if err != nil {
			return err
		}
		block, err := sha256PaddingBlock(chunk)
		if err != nil {
			return err
		}
		dst, err := c.Get("sha256_ptr_end")
		if err != nil {
			return err
		}
		return writeValues(c, dst, repeat(block, int64(bs)-1))
	})

	// The cairo_sha256 whitelist's block: compressed from the IV.
	register(`
        from starkware.cairo.common.cairo_sha256.sha256_utils import (
            IV, compute_message_schedule, sha2_compress_function)

        _sha256_input_chunk_size_felts = int(ids.SHA256_INPUT_CHUNK_SIZE_FELTS)
        assert 0 <= _sha256_input_chunk_size_felts < 100

        w = compute_message_schedule(memory.get_range(
            ids.sha256_start, _sha256_input_chunk_size_felts))
        new_state = sha2_compress_function(IV, w)
        segments.write_arg(ids.output, new_state)
    `, func(c *Context) error {
		bindSha256Imports(c, "IV", "compute_message_schedule", "sha2_compress_function")
		return sha256Block(c, false)
	})

	// cairo_sha256_arbitrary_input_length: compressed from ids.state.
	register(`
        from starkware.cairo.common.cairo_sha256.sha256_utils import (
            compute_message_schedule, sha2_compress_function)

        _sha256_input_chunk_size_felts = int(ids.SHA256_INPUT_CHUNK_SIZE_FELTS)
        assert 0 <= _sha256_input_chunk_size_felts < 100
        _sha256_state_size_felts = int(ids.SHA256_STATE_SIZE_FELTS)
        assert 0 <= _sha256_state_size_felts < 100
        w = compute_message_schedule(memory.get_range(
            ids.sha256_start, _sha256_input_chunk_size_felts))
        new_state = sha2_compress_function(memory.get_range(ids.state, _sha256_state_size_felts), w)
        segments.write_arg(ids.output, new_state)
    `, func(c *Context) error {
		bindSha256Imports(c, "compute_message_schedule", "sha2_compress_function")
		return sha256Block(c, true)
	})

	// The cairo_sha256 and cairo_blake2s whitelists' input loops: a full
	// 4-byte word left.
	register(`ids.full_word = int(ids.n_bytes >= 4)`, func(c *Context) error {
		n, err := c.Int("n_bytes")
		if err != nil {
			return err
		}
		return c.Set("full_word", boolValue(n.Cmp(big1(4)) >= 0))
	})
}

// sha256Block compresses the chunk at ids.sha256_start from the IV or from
// the state at ids.state into ids.output.
func sha256Block(c *Context, withState bool) error {
	chunk, err := smallConst(c, "SHA256_INPUT_CHUNK_SIZE_FELTS", 100)
	if err != nil {
		return err
	}
	state := sha256IVValues()
	if withState {
		n, err := smallConst(c, "SHA256_STATE_SIZE_FELTS", 100)
		if err != nil {
			return err
		}
		start, err := c.Get("sha256_start")
		if err != nil {
			return err
		}
		msg, err := getRange(c, start, big1(int64(chunk)))
		if err != nil {
			return err
		}
		if len(msg) != 16 {
			return assertf("")
		}
		st, err := c.Get("state")
		if err != nil {
			return err
		}
		if state, err = getRange(c, st, big1(int64(n))); err != nil {
			return err
		}
		return sha256Write(c, state, msg)
	}
	start, err := c.Get("sha256_start")
	if err != nil {
		return err
	}
	msg, err := getRange(c, start, big1(int64(chunk)))
	if err != nil {
		return err
	}
	return sha256Write(c, state, msg)
}

func sha256Write(c *Context, state, msg []memory.Value) error {
	out, err := sha256Values(state, msg)
	if err != nil {
		return err
	}
	dst, err := c.Get("output")
	if err != nil {
		return err
	}
	return writeValues(c, dst, out)
}
