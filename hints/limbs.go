package hints

import (
	"math/big"

	"github.com/cairn-vm/cairn/vm/memory"
)

// Multi-limb integers as the hints see them: a Cairo struct whose members
// are limbs, limb i weighing 2**(bits*i). The secp families use BigInt3
// (three 86-bit limbs, read with as_int as secp_utils.pack does); the
// uint256/384/512/768 families use 128-bit limbs read as canonical
// integers, packed and split by each hint's own local pack and split.

// limbs is a struct's limb layout.
type limbs struct {
	names  []string
	bits   uint
	signed bool
}

var (
	bigint3 = limbs{names: []string{"d0", "d1", "d2"}, bits: 86, signed: true}
	u256    = limbs{names: []string{"low", "high"}, bits: 128}
	u384    = limbs{names: []string{"d0", "d1", "d2"}, bits: 128}
	u512    = limbs{names: []string{"d0", "d1", "d2", "d3"}, bits: 128}
	u768    = limbs{names: []string{"d0", "d1", "d2", "d3", "d4", "d5"}, bits: 128}
)

// u256Named is a Uint256-like pair of 128-bit limbs with other names.
func u256Named(low, high string) limbs { return limbs{names: []string{low, high}, bits: 128} }

// values reads ids.<name>.<limb> for every limb as a canonical integer.
func (l limbs) values(c *Context, name string) ([]*big.Int, error) {
	out := make([]*big.Int, len(l.names))
	for i, n := range l.names {
		v, err := c.Int(name + "." + n)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// pack is sum(limb_i << (bits * i)), the limbs read lowest first.
func (l limbs) pack(c *Context, name string) (*big.Int, error) {
	return l.packOrdered(c, name, false)
}

// packHighFirst is pack with the limbs read highest first, as in Python's
// (ids.a.high << 128) + ids.a.low (which limb fails first matters).
func (l limbs) packHighFirst(c *Context, name string) (*big.Int, error) {
	return l.packOrdered(c, name, true)
}

func (l limbs) packOrdered(c *Context, name string, highFirst bool) (*big.Int, error) {
	sum := new(big.Int)
	for k := range l.names {
		i := k
		if highFirst {
			i = len(l.names) - 1 - k
		}
		v, err := c.Int(name + "." + l.names[i])
		if err != nil {
			return nil, err
		}
		if l.signed {
			v = asInt(v)
		}
		sum.Add(sum, new(big.Int).Lsh(v, l.bits*uint(i)))
	}
	return sum, nil
}

// packBind is pack, the result also bound in the scope as bind (a = pack(ids.a)).
func (l limbs) packBind(c *Context, name, bind string) (*big.Int, error) {
	v, err := l.pack(c, name)
	if err != nil {
		return nil, err
	}
	setScope(c, v, bind)
	return v, nil
}

// packAll packs and binds ids.<n> as n for each name, in order.
func (l limbs) packAll(c *Context, names ...string) ([]*big.Int, error) {
	out := make([]*big.Int, len(names))
	for i, n := range names {
		v, err := l.packBind(c, n, n)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// split is the whitelists' local split(num, num_bits_shift, length): each
// limb num & (2**bits - 1), then num >>= bits (Python's two's-complement
// semantics, which big.Int's And and Rsh share).
func (l limbs) split(num *big.Int) []*big.Int {
	mask := new(big.Int).Sub(pow2(l.bits), big1(1))
	out := make([]*big.Int, len(l.names))
	n := new(big.Int).Set(num)
	for i := range out {
		out[i] = new(big.Int).And(n, mask)
		n.Rsh(n, l.bits)
	}
	return out
}

// splitTop is split with the top limb unmasked: (v & (2**128 - 1), v >> 128)
// for a Uint256.
func (l limbs) splitTop(num *big.Int) []*big.Int {
	out := l.split(num)
	top := len(out) - 1
	out[top] = new(big.Int).Rsh(num, l.bits*uint(top))
	return out
}

// setValues writes ids.<name>.<limb_i> = vals[i] (mod PRIME), in order;
// with name "", the limbs are ids paths of their own (ids.low, ids.high).
func (l limbs) setValues(c *Context, name string, vals []*big.Int) error {
	for i, n := range l.names {
		if name != "" {
			n = name + "." + n
		}
		if err := c.SetInt(n, vals[i]); err != nil {
			return err
		}
	}
	return nil
}

// set writes split(v) to ids.<name>.
func (l limbs) set(c *Context, name string, v *big.Int) error {
	return l.setValues(c, name, l.split(v))
}

// secpBase is secp_utils.BASE = 2**86.
var secpBase = pow2(bigint3.bits)

// secpPack is secp_utils.pack(ids.<name>, PRIME).
func secpPack(c *Context, name string) (*big.Int, error) { return bigint3.pack(c, name) }

// secpSplit is secp_utils.split: three limbs below BASE, failing (a bare
// assert) when num is negative or not below BASE**3.
func secpSplit(num *big.Int) ([]*big.Int, error) {
	out := make([]*big.Int, len(bigint3.names))
	n := new(big.Int).Set(num)
	for i := range out {
		q, r := floorDivMod(n, secpBase)
		out[i], n = r, q
	}
	if n.Sign() != 0 {
		return nil, assertf("")
	}
	return out, nil
}

// uint256Of is (ids.<name>.high << 128) + ids.<name>.low.
func uint256Of(c *Context, name string) (*big.Int, error) { return u256.packHighFirst(c, name) }

// setUint256 writes ids.<name>.low = v & (2**128 - 1), ids.<name>.high = v >> 128.
func setUint256(c *Context, name string, v *big.Int) error {
	return u256.setValues(c, name, u256.splitTop(v))
}

// writeArg is segments.write_arg(ptr, vals): consecutive cells, each value
// mod PRIME.
func writeArg(c *Context, ptr memory.Ptr, vals []*big.Int) error {
	for i, v := range vals {
		if err := c.Mem.Set(ptr.AddUint(uint64(i)), feltValue(v)); err != nil {
			return err
		}
	}
	return nil
}

// The whitelists' 128-bit hints each define their own split and pack. The
// definitions they share are quoted once here and concatenated into the
// codes that open with them (hint code is matched line by line, trimmed,
// so the pieces' indentation does not matter; the coverage test checks
// every composed code against cairo-lang's).
var (
	pySplit   = pyDefSplit("num: int, num_bits_shift: int, length: int")
	pyPack384 = pyDefPack("pack(z, num_bits_shift: int)", "z.d0, z.d1, z.d2")
)

// pyDefSplit is `def split(<params>):` with the whitelists' body.
func pyDefSplit(params string) string {
	return `
        def split(` + params + `):
            a = []
            for _ in range(length):
                a.append( num & ((1 << num_bits_shift) - 1) )
                num = num >> num_bits_shift
            return tuple(a)
`
}

// pyDefPack is `def <sig> -> int:` summing the given limbs.
func pyDefPack(sig, limbs string) string {
	return `
        def ` + sig + ` -> int:
            limbs = (` + limbs + `)
            return sum(limb << (num_bits_shift * i) for i, limb in enumerate(limbs))
`
}
