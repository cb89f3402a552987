package statement

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"math/bits"
	"sort"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/crypto/pedersen"
	"github.com/cairn-vm/cairn/felt"
	"github.com/cairn-vm/cairn/stark/air"
	"github.com/cairn-vm/cairn/stark/hash"
	"github.com/cairn-vm/cairn/stark/proof"
)

var (
	// ErrUnknownLayout is returned for a layout this package does not know.
	ErrUnknownLayout = errors.New("unknown layout")
	// ErrUnsupported is returned for statements this package cannot hash yet
	// (a page hash other than keccak256 and pedersen, a public-input hash
	// the channel cannot start from).
	ErrUnsupported = errors.New("unsupported statement")
	// ErrBadPublicInput is returned for a public input Stone would refuse.
	ErrBadPublicInput = errors.New("bad public input")
)

// segmentNames lists, per layout, the memory segments in the order Stone's
// CpuAirDefinition<..>::kSegmentNames gives them.
var segmentNames = map[string][]string{
	"plain":                   {"program", "execution"},
	"small":                   {"program", "execution", "output", "pedersen", "range_check", "ecdsa"},
	"dex":                     {"program", "execution", "output", "pedersen", "range_check", "ecdsa"},
	"perpetual":               {"program", "execution", "output", "pedersen", "range_check", "ecdsa"},
	"all_solidity":            {"program", "execution", "output", "pedersen", "range_check", "ecdsa", "bitwise", "ec_op"},
	"recursive":               {"program", "execution", "output", "pedersen", "range_check", "bitwise"},
	"dex_with_bitwise":        {"program", "execution", "output", "pedersen", "range_check", "ecdsa", "bitwise"},
	"starknet":                {"program", "execution", "output", "pedersen", "range_check", "ecdsa", "bitwise", "ec_op", "poseidon"},
	"recursive_large_output":  {"program", "execution", "output", "pedersen", "range_check", "bitwise", "poseidon"},
	"starknet_with_keccak":    {"program", "execution", "output", "pedersen", "range_check", "ecdsa", "bitwise", "ec_op", "keccak", "poseidon"},
	"all_cairo":               {"program", "execution", "output", "pedersen", "range_check", "ecdsa", "bitwise", "ec_op", "keccak", "poseidon", "range_check96", "add_mod", "mul_mod"},
	"dynamic":                 {"program", "execution", "output", "pedersen", "range_check", "ecdsa", "bitwise", "ec_op", "keccak", "poseidon", "range_check96", "add_mod", "mul_mod"},
	"recursive_with_poseidon": {"program", "execution", "output", "pedersen", "range_check", "bitwise", "poseidon"},
}

// SegmentNames returns the memory segments of layout in Stone's order.
func SegmentNames(layout string) ([]string, error) {
	s, ok := segmentNames[layout]
	if !ok {
		return nil, fmt.Errorf("%w: %q", ErrUnknownLayout, layout)
	}
	return append([]string(nil), s...), nil
}

type writer struct{ b []byte }

func (w *writer) u64(v uint64) {
	var word [32]byte
	binary.BigEndian.PutUint64(word[24:], v)
	w.b = append(w.b, word[:]...)
}

func (w *writer) raw(b []byte) { w.b = append(w.b, b...) }

// PageHasher hashes the serialized bytes of one public-memory page.
type PageHasher func(b []byte) []byte

func keccakPage(b []byte) []byte { d := hash.Keccak256(b); return d[:] }

// pedersenPage is Stone's Pedersen::HashBytesWithLength: h = 0; for each
// 32-byte big-endian word w = q·p + r, h = pedersen(h, r) + q; then
// h = pedersen(h, number of words). Page words (addresses and values) are
// below p, so q is 0 and this is cairo-lang's compute_hash_on_elements.
// Stone also asserts q < 1000; a larger q cannot come from a parsed public
// input (values are below p, addresses are 64-bit).
func pedersenPage(b []byte) []byte {
	var acc felt.Felt
	for i := 0; i+32 <= len(b); i += 32 {
		w := new(big.Int).SetBytes(b[i : i+32])
		q, r := new(big.Int).QuoRem(w, felt.Prime(), new(big.Int))
		acc = pedersen.Hash(acc, felt.FromBigInt(r)).Add(felt.FromBigInt(q))
	}
	acc = pedersen.Hash(acc, felt.FromUint64(uint64(len(b)/32)))
	d := acc.BytesBE()
	return d[:]
}

// PageHasherByName returns Stone's page hash (statement.page_hash) by name:
// keccak256 or pedersen.
func PageHasherByName(name string) (PageHasher, error) {
	switch name {
	case "keccak256":
		return keccakPage, nil
	case "pedersen":
		return pedersenPage, nil
	}
	return nil, fmt.Errorf("%w: page hash %q", ErrUnsupported, name)
}

// Serialize returns the bytes Stone hashes into the channel seed
// (CpuAirStatement::GetInitialHashChainSeed), every integer as 32 bytes
// big-endian:
//
//	n_verifier_friendly_commitment_layers, log2(n_steps), rc_min, rc_max,
//	layout name (ASCII, right-aligned in 32 bytes), dynamic params,
//	begin_addr and stop_ptr of each segment in the layout's order,
//	address and value of public_memory[0] (the padding cell),
//	number of pages, then per page in increasing page order:
//	  page 0: its size and the page hash of (address, value) pairs;
//	  other pages: start address, size, and the page hash of the values.
//
// Values are in standard (not Montgomery) form.
func Serialize(params *proof.Parameters, pi *proof.PublicInput, pageHash PageHasher) ([]byte, error) {
	names, err := SegmentNames(pi.Layout)
	if err != nil {
		return nil, err
	}
	// Stone's ParseDynamicParams: exactly the layout's params, in its order.
	var dyn []uint64
	if l, err := air.ByName(pi.Layout); err == nil && l.Dynamic != nil {
		if len(pi.DynamicParams) != len(l.Dynamic.Params) {
			return nil, fmt.Errorf("%w: layout %s has %d dynamic params, public input %d", ErrBadPublicInput, pi.Layout, len(l.Dynamic.Params), len(pi.DynamicParams))
		}
		for _, name := range l.Dynamic.Params {
			v, ok := pi.DynamicParams[name]
			if !ok {
				return nil, fmt.Errorf("%w: missing dynamic param %q", ErrBadPublicInput, name)
			}
			dyn = append(dyn, v)
		}
	} else if len(pi.DynamicParams) != 0 {
		return nil, fmt.Errorf("%w: dynamic params for layout %s, which has none", ErrBadPublicInput, pi.Layout)
	}
	if pi.NSteps == 0 || pi.NSteps&(pi.NSteps-1) != 0 {
		return nil, fmt.Errorf("%w: n_steps %d is not a power of 2", ErrBadPublicInput, pi.NSteps)
	}
	if len(pi.Layout) > 32 {
		return nil, fmt.Errorf("%w: layout name too long", ErrBadPublicInput)
	}
	if len(pi.PublicMemory) == 0 {
		return nil, fmt.Errorf("%w: empty public memory", ErrBadPublicInput)
	}
	if len(pi.MemorySegments) != len(names) {
		return nil, fmt.Errorf("%w: layout %s has %d segments, public input %d", ErrBadPublicInput, pi.Layout, len(names), len(pi.MemorySegments))
	}
	w := &writer{}
	w.u64(params.NVerifierFriendlyCommitmentLayers)
	w.u64(uint64(bits.TrailingZeros64(pi.NSteps)))
	w.u64(pi.RcMin)
	w.u64(pi.RcMax)
	var layout [32]byte
	copy(layout[32-len(pi.Layout):], pi.Layout)
	w.raw(layout[:])
	for _, v := range dyn {
		w.u64(v)
	}
	for _, name := range names {
		s, ok := pi.MemorySegments[name]
		if !ok {
			return nil, fmt.Errorf("%w: missing segment %q", ErrBadPublicInput, name)
		}
		w.u64(s.BeginAddr)
		w.u64(s.StopPtr)
	}
	first := pi.PublicMemory[0]
	w.u64(first.Address)
	v := first.Value.BytesBE()
	w.raw(v[:])

	type page struct {
		size, start, cur uint64
		data             []byte
	}
	pages := map[uint64]*page{}
	for i, c := range pi.PublicMemory {
		pg := pages[c.Page]
		if pg == nil {
			pg = &page{start: c.Address, cur: c.Address}
			pages[c.Page] = pg
		} else if c.Page != 0 {
			if c.Address != pg.cur+1 {
				return nil, fmt.Errorf("%w: public memory page %d is not continuous at entry %d (address %d)", ErrBadPublicInput, c.Page, i, c.Address)
			}
			pg.cur++
		}
		pg.size++
		if c.Page == 0 {
			var a [32]byte
			binary.BigEndian.PutUint64(a[24:], c.Address)
			pg.data = append(pg.data, a[:]...)
		}
		val := c.Value.BytesBE()
		pg.data = append(pg.data, val[:]...)
	}
	if pages[0] == nil {
		return nil, fmt.Errorf("%w: public memory has no page 0", ErrBadPublicInput)
	}
	ids := make([]uint64, 0, len(pages))
	for id := range pages {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	w.u64(uint64(len(pages)))
	for _, id := range ids {
		pg := pages[id]
		if id != 0 {
			w.u64(pg.start)
		}
		w.u64(pg.size)
		w.raw(pageHash(pg.data))
	}
	return w.b, nil
}

// Seed returns the initial hash of the channel (Stone's
// public_input_initial_hash in verifier_main_helper_impl.cc): Serialize,
// with the proof's page hash, hashed with HashBytesWithLength of the
// verifier-friendly commitment hash when verifier_friendly_channel_updates
// is set and of the channel hash otherwise. The keccak256 channel starts
// its hash chain at these bytes; the poseidon3 channel reads them as its
// first state (a field element; see SeedFelt).
func Seed(params *proof.Parameters, pi *proof.PublicInput) (hash.Digest, error) {
	name := params.EffectiveChannelHash()
	if params.VerifierFriendlyChannelUpdates {
		name = params.EffectiveVerifierFriendlyHash()
	}
	var h hash.Hasher
	switch name {
	case "keccak256":
		h = hash.Keccak256Hasher
	case "poseidon3":
		h = hash.Poseidon3Hasher
	default:
		return hash.Digest{}, fmt.Errorf("%w: public-input hash %q", ErrUnsupported, name)
	}
	ph, err := PageHasherByName(params.EffectivePageHash())
	if err != nil {
		return hash.Digest{}, err
	}
	b, err := Serialize(params, pi, ph)
	if err != nil {
		return hash.Digest{}, err
	}
	if name == "poseidon3" {
		// Stone asserts each 32-byte word of the seed is below p before
		// hashing it as a field element.
		for i := 0; i < len(b); i += 32 {
			if !hash.Below(b[i : i+32]) {
				return hash.Digest{}, fmt.Errorf("%w: seed word %d is not below p", ErrBadPublicInput, i/32)
			}
		}
	}
	return h.HashBytes(b), nil
}

// SeedFelt returns the poseidon3 channel's first state: Seed read as a
// big-endian field element (Stone's FieldElementT::FromBigInt).
func SeedFelt(params *proof.Parameters, pi *proof.PublicInput) (fp.Element, error) {
	d, err := Seed(params, pi)
	if err != nil {
		return fp.Element{}, err
	}
	e, err := fp.BigEndian.Element((*[32]byte)(&d))
	if err != nil {
		return fp.Element{}, fmt.Errorf("%w: initial hash is not below p", ErrUnsupported)
	}
	return e, nil
}
