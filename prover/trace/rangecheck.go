package trace

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"
)

// writeRangeCheck is RangeCheckBuiltinProverContext::WriteTrace: each
// input's 16-bit parts go to the range-check pool (most significant part
// first); the parts of unused instances stay free so the pool's padding
// fills them. The returned finalize (RangeCheckBuiltinProverContext::
// Finalize, after the pool's padding) writes every instance's memory cell
// from its parts.
func (t *Trace) writeRangeCheck(begin, nInst uint64, inputs map[uint64]*big.Int) (func() error, error) {
	nParts := t.Layout.Trace.Constants["kRangeCheckNParts"]
	if nParts == 0 || nParts&(nParts-1) != 0 {
		return nil, fmt.Errorf("%w: layout %s: range-check builtin with %d parts", ErrExecution, t.Layout.Name, nParts)
	}
	const shift = offsetBits
	w, v, err := t.tableWriter(t.rc, "range_check_builtin/inner_range_check")
	if err != nil {
		return nil, err
	}
	memW, _, err := t.memWriter("range_check_builtin/mem")
	if err != nil {
		return nil, err
	}
	mask := big.NewInt(1<<shift - 1)
	for idx, in := range inputs {
		if idx >= nInst {
			return nil, fmt.Errorf("%w: range_check instance %d but the trace holds %d", ErrExecution, idx, nInst)
		}
		if in.BitLen() > int(nParts*shift) {
			return nil, fmt.Errorf("%w: range_check instance %d: value %#x above 2^%d", ErrExecution, idx, in, nParts*shift)
		}
		x := new(big.Int).Set(in)
		for part := range nParts {
			if err := w(idx*nParts+nParts-part-1, new(big.Int).And(x, mask).Uint64()); err != nil {
				return nil, err
			}
			x.Rsh(x, shift)
		}
	}
	return func() error {
		for i := range nInst {
			val := new(big.Int)
			for part := range nParts {
				val.Lsh(val, shift)
				val.Or(val, new(big.Int).SetUint64(t.rc.values[v.at(i*nParts+part)]))
			}
			var e fp.Element
			e.SetBigInt(val)
			if err := memW(i, begin+i, e); err != nil {
				return err
			}
		}
		return nil
	}, nil
}
