package trace

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/crypto/ecdsa"
	"github.com/cairn-vm/cairn/stark/air"
	"github.com/cairn-vm/cairn/stark/channel"
	"github.com/cairn-vm/cairn/stark/hash"
)

// sigInput is EcdsaComponent::Input: the full public key, the message
// hash z and the signature (r, w).
type sigInput struct {
	pub     point
	z, r, w fp.Element
}

// verifySig is EcdsaComponent::Verify: ((z·G + r·Q)·w).x = r.
func verifySig(in sigInput) bool {
	zg, ok1 := mul(generatorPoint, bigOf(&in.z))
	rq, ok2 := mul(in.pub, bigOf(&in.r))
	if !ok1 || !ok2 {
		return false
	}
	b, ok := add(zg, rq)
	if !ok {
		return false
	}
	wb, ok := mul(b, bigOf(&in.w))
	return ok && wb.x.Equal(&in.r)
}

// fromPartialPublicKey is Input::FromPartialPublicKey: the point of x
// that makes the signature valid.
func fromPartialPublicKey(e ecdsaInput, idx uint64) (sigInput, error) {
	var y2, t fp.Element
	y2.Square(&e.pubKeyX)
	y2.Mul(&y2, &e.pubKeyX)
	t.Mul(&curveAlpha, &e.pubKeyX)
	y2.Add(&y2, &t)
	beta := fp.Element(ecdsa.Beta)
	y2.Add(&y2, &beta)
	var y fp.Element
	if y.Sqrt(&y2) == nil {
		return sigInput{}, fmt.Errorf("%w: ecdsa instance %d: public key %s is not on the curve", ErrExecution, idx, e.pubKeyX.Text(16))
	}
	if e.msg.IsZero() {
		return sigInput{}, fmt.Errorf("%w: ecdsa instance %d: message is zero", ErrExecution, idx)
	}
	in := sigInput{point{e.pubKeyX, y}, e.msg, e.r, e.w}
	if verifySig(in) {
		return in, nil
	}
	in.pub = in.pub.neg()
	if verifySig(in) {
		return in, nil
	}
	return sigInput{}, fmt.Errorf("%w: ecdsa instance %d: invalid signature", ErrExecution, idx)
}

// dummySignature is SignatureBuiltinProverContext::GetDummySignature: the
// signature of message 1 under private key 1 with Stone's Prng seeded
// with no bytes (keccak256 hash chain), as EcdsaComponent::Sign draws it.
func dummySignature() (sigInput, error) {
	order := ecdsa.Order()
	prng := channel.NewKeccakPrng(hash.Keccak256(nil))
	one := big.NewInt(1)
	rng := new(big.Int).Sub(order, big.NewInt(2)) // max - min for [1, order-1]
	mask := new(big.Int).Sub(new(big.Int).Lsh(one, uint(rng.BitLen())), one)
	for range 1000 {
		var k *big.Int
		for {
			var b [32]byte
			prng.RandomBytes(b[:])
			k = new(big.Int).SetBytes(b[:])
			k.And(k, mask)
			if k.Cmp(rng) <= 0 {
				break
			}
		}
		k.Add(k, one)
		kg, ok := mul(generatorPoint, k)
		if !ok {
			continue
		}
		r := bigOf(&kg.x)
		if r.Cmp(order) >= 0 || r.Sign() == 0 {
			continue
		}
		kInv := new(big.Int).ModInverse(k, order)
		s := new(big.Int).Mul(r, one) // private key 1
		s.Add(s, one)                 // message 1
		s.Mod(s, order)
		s.Mul(s, kInv).Mod(s, order)
		if s.Sign() == 0 {
			continue
		}
		w := new(big.Int).ModInverse(s, order)
		if w.Cmp(fp.Modulus()) >= 0 {
			continue
		}
		var in sigInput
		in.pub = generatorPoint
		in.z.SetOne()
		in.r = kg.x
		in.w.SetBigInt(w)
		return in, nil
	}
	return sigInput{}, fmt.Errorf("%w: no dummy signature found", ErrExecution)
}

// ecdsaComponent is Stone's EcdsaComponent.
type ecdsaComponent struct {
	height, bits                                    uint64
	genPoints                                       []point
	keyX, keyY, dblSlope, zInv, rwInv               air.VirtualColumn
	addInv, addSlope, extractInv, extractSlope, qx2 air.VirtualColumn
	expGen, expKey                                  *subsetSum
}

func (t *Trace) newEcdsa(name string, height, bits uint64) (*ecdsaComponent, error) {
	c := &ecdsaComponent{height: height, bits: bits}
	var err error
	if c.genPoints, _, err = twosPowers(generatorPoint, int(bits)); err != nil {
		return nil, err
	}
	for _, f := range []struct {
		dst *air.VirtualColumn
		n   string
	}{{&c.keyX, "/key_points/x"}, {&c.keyY, "/key_points/y"}, {&c.dblSlope, "/doubling_slope"}, {&c.zInv, "/z_inv"},
		{&c.rwInv, "/r_w_inv"}, {&c.addInv, "/add_results_inv"}, {&c.addSlope, "/add_results_slope"},
		{&c.extractInv, "/extract_r_inv"}, {&c.extractSlope, "/extract_r_slope"}, {&c.qx2, "/q_x_squared"}} {
		if *f.dst, err = t.vc(name + f.n); err != nil {
			return nil, err
		}
	}
	if c.expGen, err = t.newSubsetSum(name+"/exponentiate_generator", height, bits, true, false); err != nil {
		return nil, err
	}
	if c.expKey, err = t.newSubsetSum(name+"/exponentiate_key", height, bits, true, false); err != nil {
		return nil, err
	}
	return c, nil
}

func inverse(x fp.Element, what string) (fp.Element, error) {
	if x.IsZero() {
		return x, fmt.Errorf("%w: ecdsa: %s is zero", ErrExecution, what)
	}
	var r fp.Element
	r.Inverse(&x)
	return r, nil
}

func (c *ecdsaComponent) keyExp(t *Trace, base point, exp fp.Element, k uint64) (point, error) {
	pts, slopes, err := twosPowers(base, int(c.height))
	if err != nil {
		return point{}, err
	}
	for i := range c.height {
		t.set(c.keyX, k*c.height+i, pts[i].x)
		t.set(c.keyY, k*c.height+i, pts[i].y)
		if i < c.height-1 {
			t.set(c.dblSlope, k*c.height+i, slopes[i])
		}
	}
	inv, err := inverse(exp, "r or w")
	if err != nil {
		return point{}, err
	}
	t.set(c.rwInv, k, inv)
	return c.expKey.write(t, shiftPoint, pts, exp, k)
}

func (c *ecdsaComponent) write(t *Trace, in sigInput, ci uint64) error {
	zg, err := c.expGen.write(t, shiftPoint.neg(), c.genPoints, in.z, ci)
	if err != nil {
		return err
	}
	zInv, err := inverse(in.z, "z")
	if err != nil {
		return err
	}
	t.set(c.zInv, ci, zInv)
	rq, err := c.keyExp(t, in.pub, in.r, 2*ci)
	if err != nil {
		return err
	}
	var d fp.Element
	d.Sub(&zg.x, &rq.x)
	if d, err = inverse(d, "zG.x - rQ.x"); err != nil {
		return err
	}
	t.set(c.addInv, ci, d)
	l, _ := slope(zg, rq)
	t.set(c.addSlope, ci, l)
	wb, err := c.keyExp(t, addGivenSlope(zg, rq, l), in.w, 2*ci+1)
	if err != nil {
		return err
	}
	d.Sub(&wb.x, &shiftPoint.x)
	if d, err = inverse(d, "wB.x - shift.x"); err != nil {
		return err
	}
	t.set(c.extractInv, ci, d)
	negShift := shiftPoint.neg()
	l, _ = slope(wb, negShift)
	t.set(c.extractSlope, ci, l)
	var q fp.Element
	q.Square(&in.pub.x)
	t.set(c.qx2, ci, q)
	if r := addGivenSlope(wb, negShift, l); !r.x.Equal(&in.r) {
		return fmt.Errorf("%w: ecdsa component %d: invalid signature", ErrExecution, ci)
	}
	return nil
}

// writeEcdsa is SignatureBuiltinProverContext::WriteTrace: instance i
// (public key x at begin + 2i, message at begin + 2i + 1); instances
// without a private input take the dummy signature.
func (t *Trace) writeEcdsa(begin, nInst uint64, inputs map[uint64]ecdsaInput) error {
	k := t.Layout.Trace.Constants
	reps, height, bits := k["kEcdsaBuiltinRepetitions"], k["kEcdsaElementHeight"], k["kEcdsaElementBits"]
	if reps == 0 || height == 0 || bits == 0 || bits >= height {
		return fmt.Errorf("%w: layout %s: ecdsa constants", ErrExecution, t.Layout.Name)
	}
	sigs := make(map[uint64]sigInput, len(inputs))
	for idx, e := range inputs {
		if idx >= nInst {
			return fmt.Errorf("%w: ecdsa instance %d but the trace holds %d", ErrExecution, idx, nInst)
		}
		s, err := fromPartialPublicKey(e, idx)
		if err != nil {
			return err
		}
		sigs[idx] = s
	}
	var dummy *sigInput
	comps := make([]*ecdsaComponent, reps)
	var err error
	for r := range comps {
		if comps[r], err = t.newEcdsa(fmt.Sprintf("ecdsa/signature%d", r), height, bits); err != nil {
			return err
		}
	}
	pubW, _, err := t.memWriter("ecdsa/pubkey")
	if err != nil {
		return err
	}
	msgW, _, err := t.memWriter("ecdsa/message")
	if err != nil {
		return err
	}
	for idx := range nInst {
		in, ok := sigs[idx]
		if !ok {
			if dummy == nil {
				d, err := dummySignature()
				if err != nil {
					return err
				}
				dummy = &d
			}
			in = *dummy
		}
		if err := comps[idx%reps].write(t, in, idx/reps); err != nil {
			return err
		}
		if err := pubW(idx, begin+2*idx, in.pub.x); err != nil {
			return err
		}
		if err := msgW(idx, begin+2*idx+1, in.z); err != nil {
			return err
		}
	}
	return nil
}
