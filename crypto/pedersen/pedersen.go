package pedersen

import (
	"errors"
	"sync"

	starkcurve "github.com/consensys/gnark-crypto/ecc/stark-curve"
	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/felt"
)

const (
	// LowPartBits is the width of the low part of each hashed element.
	LowPartBits = 248
	// ElementBits is the number of bits of a hashed element (the prime's bit length).
	ElementBits = 252

	window      = 8
	windows     = LowPartBits / window
	windowSize  = 1<<window - 1 // non-zero digits
	highEntries = 1<<(ElementBits-LowPartBits) - 1
)

// Point is an affine point of the STARK curve.
type Point struct{ X, Y felt.Felt }

func mustFelt(s string) felt.Felt {
	v, err := felt.SetString(s)
	if err != nil {
		panic(err)
	}
	return v
}

// The constant points from cairo-lang's pedersen_params.json.
var (
	// ShiftPoint is CONSTANT_POINTS[0], the starting point of every hash.
	ShiftPoint = Point{
		mustFelt("0x49ee3eba8c1600700ee1b87eb599f16716b0b1022947733551fde4050ca6804"),
		mustFelt("0x3ca0cfe4b3bc6ddf346d49d06ea0ed34e621062c0e056c1d0405d266e10268a"),
	}
	// P0..P3 are CONSTANT_POINTS[2], [250], [254] and [502]: the points
	// multiplied by a_low, a_high, b_low and b_high.
	P0 = Point{
		mustFelt("996781205833008774514500082376783249102396023663454813447423147977397232763"),
		mustFelt("1668503676786377725805489344771023921079126552019160156920634619255970485781"),
	}
	P1 = Point{
		mustFelt("2251563274489750535117886426533222435294046428347329203627021249169616184184"),
		mustFelt("1798716007562728905295480679789526322175868328062420237419143593021674992973"),
	}
	P2 = Point{
		mustFelt("2138414695194151160943305727036575959195309218611738193261179310511854807447"),
		mustFelt("113410276730064486255102093846540133784865286929052426931474106396135072156"),
	}
	P3 = Point{
		mustFelt("2379962749567351885752724891227938183011949129833673362440656643086021394946"),
		mustFelt("776496453633298175483985398648758586525933812536653089401905292063708816422"),
	}
)

func affine(p Point) starkcurve.G1Affine {
	return starkcurve.G1Affine{X: fp.Element(p.X), Y: fp.Element(p.Y)}
}

// tables[k] holds, for element k (0 = a, 1 = b), d * 256^i * P_low for every
// window i and digit d = 1..255, and d * P_high for d = 1..15.
type elementTable struct {
	low  [windows][windowSize]starkcurve.G1Affine
	high [highEntries]starkcurve.G1Affine
}

var (
	tablesOnce sync.Once
	tables     *[2]elementTable
)

func buildTables() {
	t := new([2]elementTable)
	bases := [2][2]Point{{P0, P1}, {P2, P3}}
	for k := range 2 {
		jac := make([]starkcurve.G1Jac, 0, windows*windowSize+highEntries)
		var base starkcurve.G1Jac
		lowAff := affine(bases[k][0])
		base.FromAffine(&lowAff)
		for range windows {
			acc := base
			jac = append(jac, acc)
			for d := 2; d <= windowSize; d++ {
				acc.AddAssign(&base)
				jac = append(jac, acc)
			}
			acc.AddAssign(&base) // 256 * base
			base = acc
		}
		highAff := affine(bases[k][1])
		base.FromAffine(&highAff)
		acc := base
		jac = append(jac, acc)
		for d := 2; d <= highEntries; d++ {
			acc.AddAssign(&base)
			jac = append(jac, acc)
		}
		aff := starkcurve.BatchJacobianToAffineG1(jac)
		for i := range windows {
			copy(t[k].low[i][:], aff[i*windowSize:(i+1)*windowSize])
		}
		copy(t[k].high[:], aff[windows*windowSize:])
	}
	tables = t
}

func accumulate(acc *starkcurve.G1Jac, e *felt.Felt, t *elementTable) {
	b := e.BytesBE() // b[0] holds the 4 high bits, b[1:] the low 248 bits
	for i := range windows {
		if d := b[Bytes-1-i]; d != 0 {
			acc.AddMixed(&t.low[i][d-1])
		}
	}
	if d := b[0]; d != 0 {
		acc.AddMixed(&t.high[d-1])
	}
}

// Bytes is the size of a felt's big-endian encoding.
const Bytes = felt.Bytes

// Hash returns the Pedersen hash of a and b (cairo-lang pedersen_hash). The
// first call builds the precomputed tables.
func Hash(a, b felt.Felt) felt.Felt {
	tablesOnce.Do(buildTables)
	var acc starkcurve.G1Jac
	acc.X = fp.Element(ShiftPoint.X)
	acc.Y = fp.Element(ShiftPoint.Y)
	acc.Z.SetOne()
	accumulate(&acc, &a, &tables[0])
	accumulate(&acc, &b, &tables[1])
	if acc.Z.IsZero() {
		// The point at infinity (finding such inputs means solving a discrete
		// logarithm); its affine x is 0 in gnark's and fastecdsa's encoding.
		return felt.Felt{}
	}
	var zInv, x fp.Element
	zInv.Inverse(&acc.Z)
	zInv.Square(&zInv)
	x.Mul(&acc.X, &zInv)
	return felt.Felt(x)
}

// HashOnElements is compute_hash_on_elements:
// h(h(...h(h(0, data[0]), data[1])..., data[n-1]), n).
func HashOnElements(data []felt.Felt) felt.Felt {
	return Hash(HashOnElementsWithoutLength(data), felt.FromUint64(uint64(len(data))))
}

// HashOnElementsWithoutLength is compute_hash_on_elements_without_length:
// h(...h(h(0, data[0]), data[1])..., data[n-1]), and 0 for empty data.
func HashOnElementsWithoutLength(data []felt.Felt) felt.Felt {
	var acc felt.Felt
	for _, d := range data {
		acc = Hash(acc, d)
	}
	return acc
}

// ErrEmptyChain is returned by HashChain for empty data (cairo-lang asserts
// len(data) >= 1).
var ErrEmptyChain = errors.New("pedersen: hash chain of empty data")

// HashChain is compute_hash_chain: h(data[0], h(data[1], ..., h(data[n-2],
// data[n-1]))). A single element is returned unchanged. The Pedersen program
// hash is HashChain of [len(chain)] + chain.
func HashChain(data []felt.Felt) (felt.Felt, error) {
	if len(data) == 0 {
		return felt.Felt{}, ErrEmptyChain
	}
	acc := data[len(data)-1]
	for i := len(data) - 2; i >= 0; i-- {
		acc = Hash(data[i], acc)
	}
	return acc, nil
}
