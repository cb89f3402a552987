package builtins

// BitwiseDilutedUnits is the number of diluted-check units one bitwise
// instance uses (cairo-lang's BitwiseInstanceDef.get_diluted_units_per_builtin).
func BitwiseDilutedUnits(spacing, nBits, totalNBits int) uint64 {
	var partition []int
	for i := 0; i < totalNBits; i += spacing * nBits {
		for j := 0; j < spacing; j++ {
			if i+j < totalNBits {
				partition = append(partition, i+j)
			}
		}
	}
	trimmed := 0
	for _, shift := range partition {
		if shift+spacing*(nBits-1)+1 > totalNBits {
			trimmed++
		}
	}
	return uint64(4*len(partition) + trimmed)
}

// KeccakDilutedUnits is the number of diluted-check units one keccak
// instance uses: 4 virtual columns of 64 * 1024 cells, over n_bits.
func KeccakDilutedUnits(nBits int) uint64 { return (1 << 18) / uint64(nBits) }

// bitwiseTotalNBits is total_n_bits of the bitwise builtin in every layout
// of cairo-lang 0.14.0.1.
const bitwiseTotalNBits = 251

// UsedDilutedCheckUnits of a placeholder: an unused bitwise or keccak
// builtin still takes its allocated instances' diluted units.
func (p *Placeholder) UsedDilutedCheckUnits(spacing, nBits int) uint64 {
	switch p.name {
	case "bitwise":
		return BitwiseDilutedUnits(spacing, nBits, bitwiseTotalNBits)
	case "keccak":
		return KeccakDilutedUnits(nBits)
	}
	return 0
}
