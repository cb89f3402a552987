package hints

import (
	"math/big"

	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/vm/memory"
)

var (
	primeBig = felt.Prime()
	// halfPrimeFloor is PRIME // 2, the cut-off of math_utils.as_int.
	halfPrimeFloor = new(big.Int).Rsh(felt.Prime(), 1)
)

// asInt lifts a canonical value to (-p/2, p/2) exactly as math_utils.as_int.
func asInt(v *big.Int) *big.Int {
	if v.Cmp(halfPrimeFloor) < 0 {
		return new(big.Int).Set(v)
	}
	return new(big.Int).Sub(v, primeBig)
}

func big1(v int64) *big.Int { return big.NewInt(v) }

func pow2(n uint) *big.Int { return new(big.Int).Lsh(big.NewInt(1), n) }

// hexStr formats like Python's hex().
func hexStr(v *big.Int) string {
	if v.Sign() < 0 {
		return "-0x" + new(big.Int).Neg(v).Text(16)
	}
	return "0x" + v.Text(16)
}

func feltValue(v *big.Int) memory.Value { return memory.FromFelt(felt.FromBigInt(v)) }

// floorDivMod is Python's divmod for a positive divisor.
func floorDivMod(a, b *big.Int) (q, r *big.Int) {
	q, r = new(big.Int), new(big.Int)
	q.DivMod(a, b, r) // Euclidean; equals floor division for b > 0
	return q, r
}
