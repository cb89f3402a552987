package fri

import (
	"github.com/consensys/gnark-crypto/ecc/stark-curve/fp"

	"github.com/cairn-vm/cairn/prover/fft"
)

// foldChunk is the number of pairs foldPairs takes per vector operation.
const foldChunk = 256

// foldPairs is the arithmetic of a FRI round: out[t] = v_{2t} + v_{2t+1} +
// (v_{2t} − v_{2t+1})·w[t] for the pairs of in (w[t] = e/x_t), as
// vector operations over chunks of pairs (the product fft.Mul's AVX-512
// IFMA kernel). out may be in[:len(in)/2]: each chunk is read whole
// before its results are written, below everything later chunks read.
func foldPairs(in, w, out []fp.Element) {
	n := len(in) / 2
	w, out = w[:n], out[:n]
	var ev, od [foldChunk]fp.Element
	for c := 0; c < n; c += foldChunk {
		m := min(foldChunk, n-c)
		for i := range m {
			ev[i], od[i] = in[2*(c+i)], in[2*(c+i)+1]
		}
		x, y := fp.Vector(ev[:m]), fp.Vector(od[:m])
		o := fp.Vector(out[c : c+m])
		o.Add(x, y)
		x.Sub(x, y)
		fft.Mul(x, x, w[c:c+m])
		o.Add(o, x)
	}
}
