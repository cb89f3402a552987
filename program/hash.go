package program

import (
	"errors"
	"fmt"
	"math/big"

	"golang.org/x/crypto/blake2s"

	"github.com/cairn-vm/cairn/crypto/pedersen"
	"github.com/cairn-vm/cairn/crypto/poseidon"
	"github.com/cairn-vm/cairn/felt"
)

// HashFunction selects the hash of a program hash (cairo-lang's
// bootloaders.hash_program.HashFunction).
type HashFunction int

const (
	HashPedersen HashFunction = iota
	HashPoseidon
	HashBlake
)

// ParseHashFunction reads "pedersen", "poseidon" or "blake".
func ParseHashFunction(s string) (HashFunction, error) {
	switch s {
	case "pedersen":
		return HashPedersen, nil
	case "poseidon":
		return HashPoseidon, nil
	case "blake":
		return HashBlake, nil
	}
	return 0, fmt.Errorf("unknown program hash function %q (pedersen, poseidon, blake)", s)
}

// HashChainData is what a program hash covers: the header (bootloader
// version 0, main's pc, the number of builtins, each builtin's name as a
// big-endian integer) followed by the program data.
func (p *Program) HashChainData() ([]felt.Felt, error) {
	mainPC, err := p.Main()
	if err != nil {
		return nil, err
	}
	out := []felt.Felt{felt.FromUint64(0), felt.FromUint64(uint64(mainPC)), felt.FromUint64(uint64(len(p.Builtins)))}
	for _, b := range p.Builtins {
		if len(b) > 31 {
			return nil, fmt.Errorf("builtin name %q is too long to encode", b)
		}
		out = append(out, felt.FromBytesBEReduce([]byte(b)))
	}
	return append(out, p.Data...), nil
}

// Hash computes the program hash as cairo-lang's compute_program_hash_chain
// (and cairo-hash-program) does: the Pedersen hash chain of [len] + data,
// Poseidon's hash_many of the data, or BLAKE2s-256 of the data as
// little-endian 32-bit words (8 per felt), read as a little-endian integer
// modulo p.
func (p *Program) Hash(fn HashFunction) (felt.Felt, error) {
	data, err := p.HashChainData()
	if err != nil {
		return felt.Felt{}, err
	}
	switch fn {
	case HashPedersen:
		return pedersen.HashChain(append([]felt.Felt{felt.FromUint64(uint64(len(data)))}, data...))
	case HashPoseidon:
		return poseidon.HashMany(data), nil
	case HashBlake:
		buf := make([]byte, 0, 32*len(data))
		for _, f := range data {
			le := f.BytesLE()
			buf = append(buf, le[:]...)
		}
		d := blake2s.Sum256(buf)
		for i, j := 0, len(d)-1; i < j; i, j = i+1, j-1 {
			d[i], d[j] = d[j], d[i]
		}
		return felt.FromBigInt(new(big.Int).SetBytes(d[:])), nil
	}
	return felt.Felt{}, errors.New("unknown program hash function")
}
